#!/usr/bin/env bash
# Tries what a user of a release runs, before the tag exists: the module
# as it is here, served as the current release (docs/releasing.md) by a
# file-system module proxy in front of the real one, then
#   go install github.com/atflint/atflint/cmd/atflint@VERSION (and atfvet)
# into a temporary GOBIN, and atflint version must name that version.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's/^Current release: `\(v[^`]*\)`$/\1/p' "$repo/docs/releasing.md")
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
# A clean tree of what is committed: the zip holds no build output.
mkdir -p "$work/src"
git -C "$repo" archive HEAD | tar -x -C "$work/src"
(cd "$repo" && go run ./internal/modproxy "$work/src" "$version" "$work/proxy")
# The checksum database has never seen this version; the dependencies are
# checked against the module's own go.sum all the same.
export GOPROXY="file://$work/proxy,${GOPROXY:-https://proxy.golang.org}" GOBIN="$work/bin" GOSUMDB=off GOFLAGS=
cd "$work"
go install "github.com/atflint/atflint/cmd/atflint@$version" "github.com/atflint/atflint/cmd/atfvet@$version"
says=$("$work/bin/atflint" version)
case "$says" in
"atflint $version (the commit of tag $version; "*) echo "install-check: go install ...@$version works: $says" ;;
*)
	echo "install-check: atflint version says \"$says\", not version $version" >&2
	exit 1
	;;
esac
