#!/usr/bin/env bash
# Builds the release archive of atflint and atfvet for GOOS/GOARCH (from
# the environment, else this machine's) into OUT:
# atflint_VERSION_GOOS_GOARCH.tar.gz, or .zip for Windows, holding both
# programs and the README. The release workflow runs it once per platform.
#
#   scripts/release-build.sh VERSION COMMIT OUT
set -euo pipefail
if [ $# -ne 3 ]; then
	echo "usage: $0 VERSION COMMIT OUT" >&2
	exit 2
fi
version=$1 commit=$2 out=$3
repo=$(cd "$(dirname "$0")/.." && pwd)
goos=$(go env GOOS) goarch=$(go env GOARCH)
name=atflint_${version}_${goos}_${goarch}
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$name" "$out"
out=$(cd "$out" && pwd)
exe=""
if [ "$goos" = windows ]; then exe=.exe; fi
cd "$repo"
ldflags="-s -w -X github.com/atflint/atflint/cli.version=$version -X github.com/atflint/atflint/cli.commit=$commit"
go build -trimpath -ldflags "$ldflags" -o "$stage/$name/atflint$exe" ./cmd/atflint
go build -trimpath -ldflags "-s -w" -o "$stage/$name/atfvet$exe" ./cmd/atfvet
cp README.md "$stage/$name/"
cd "$stage"
if [ "$goos" = windows ]; then
	rm -f "$out/$name.zip"
	zip -qr "$out/$name.zip" "$name"
else
	tar -czf "$out/$name.tar.gz" "$name"
fi
echo "$out/$name$([ "$goos" = windows ] && echo .zip || echo .tar.gz)"
