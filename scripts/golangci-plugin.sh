#!/usr/bin/env bash
# Builds a golangci-lint with atflint's module plugin from
# examples/mcp-go/.custom-gcl.yml, runs it there with that example's
# .golangci.yml, and checks that it reports what atfvet reports under
# go vet, and that a changed manifest is checked again despite
# golangci-lint's cache.
#
# golangci-lint custom clones golangci-lint from GitHub, which machines
# that reach only the Go module proxy cannot; this does the same steps
# (source of the pinned version, a plugins file importing the plugin, a
# replace of the plugin's module by its path, go mod tidy, go build) with
# the source from the module proxy. Without the proxy it skips, and says so.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
example=$repo/examples/mcp-go
config=$example/.custom-gcl.yml
field() { sed -n "s/^ *-\{0,1\} *$1: *//p" "$config" | head -1; }
version=$(field version)
module=$(field module)
import=$(field import)

work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
if ! src=$(go mod download -json "github.com/golangci/golangci-lint/v2@$version" 2>"$work/err" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p') || [ -z "$src" ]; then
	echo "golangci-plugin: skipped: golangci-lint $version is not in reach of the module proxy: $(cat "$work/err")"
	exit 0
fi
cp -r "$src" "$work/golangci-lint"
chmod -R u+w "$work/golangci-lint"
cd "$work/golangci-lint"
printf 'package main\n\nimport _ "%s"\n' "$import" >cmd/golangci-lint/plugins.go
go mod edit -replace "$module=$repo"
go mod tidy
go build -o "$work/custom-gcl" ./cmd/golangci-lint
go build -o "$work/atfvet" "$repo/cmd/atfvet"

# What each reports, as file:line:column: message, related locations as
# their own lines (golangci-lint's way), sorted.
golangci() {
	(cd "$1" && "$work/custom-gcl" run --output.text.print-issued-lines=false --output.text.colors=false ./... || true) |
		sed -n 's/^\([^ ]*:[0-9]*:[0-9]*: \)[a-z]*\(([a-z ]*)\)\{0,1\}: \(.*\) (atflint)$/\1\3/p' | sort
}
vet() {
	(cd "$1" && go vet -vettool="$work/atfvet" ./... 2>&1 || true) |
		sed -n 's/^\(\.\/\)\{0,1\}\([^ ]*:[0-9]*:[0-9]*: \)	\{0,1\}\(.*\)$/\2\3/p' | sort
}
golangci "$example" >"$work/golangci.txt"
vet "$example" >"$work/vet.txt"
if [ ! -s "$work/golangci.txt" ] || ! diff -u "$work/vet.txt" "$work/golangci.txt"; then
	echo "golangci-plugin: golangci-lint with the plugin does not report what atfvet reports (above; - atfvet, + golangci-lint)" >&2
	exit 1
fi

# The manifest is outside the packages golangci-lint caches results for.
cp -r "$example" "$work/changed"
sed -i 's/level: junior/level: intern/' "$work/changed/agent.atf.yaml"
if ! golangci "$work/changed" | grep -q 'declares an intern agent'; then
	echo "golangci-plugin: a changed manifest was not checked again" >&2
	exit 1
fi
echo "golangci-plugin: golangci-lint $version with the plugin reports the $(wc -l <"$work/vet.txt") lines atfvet reports on examples/mcp-go"
