#!/usr/bin/env bash
# Times atflint and ecc-agentshield (npm), a peer scanner for Claude Code
# and MCP configs, on one tree: the real configs of testdata/corpus copied
# COPIES times (40 copies: 2,000 config files). Each tool checks the tree
# as a whole, with JSON output, offline.
# Usage: bench/agentshield.sh [RUNS] [COPIES]   (default 5 runs; the median counts)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
copies=${2:-40}
version=1.6.0
out=$PWD/bench/out
mkdir -p "$out/bin"
go build -o "$out/bin/atflint" ./cmd/atflint
go build -o "$out/bin/measure" ./bench/measure

npmdir="$out/agentshield-$version"
if [ ! -x "$npmdir/node_modules/.bin/agentshield" ]; then
	mkdir -p "$npmdir"
	npm install --prefix "$npmdir" --no-audit --no-fund --ignore-scripts "ecc-agentshield@$version" >/dev/null
fi
shield="$npmdir/node_modules/ecc-agentshield/dist/index.js"

tree="$out/corpus-x$copies"
if [ ! -d "$tree" ]; then
	for i in $(seq -w 1 "$copies"); do
		mkdir -p "$tree/copy$i"
		cp -r testdata/corpus/. "$tree/copy$i/"
	done
fi
configs=$(find "$tree" -type f ! -name README.md ! -name PROVENANCE.tsv | wc -l)
cat $(find "$tree" -type f) >/dev/null # warm the page cache

# agentshield exits 2 when it finds something critical; only a crash counts.
results="$out/agentshield-results.txt"
: >"$results"
"$out/bin/measure" atflint "$runs" "$out/bin/atflint" check --no-go --no-progress --format json "$tree" | tee -a "$results"
"$out/bin/measure" agentshield "$runs" sh -c 'node "$0" scan -p "$1" -f json >/dev/null; [ $? -le 2 ]' "$shield" "$tree" | tee -a "$results"

echo
echo "tree: $configs config files ($copies copies of testdata/corpus)"
"$out/bin/atflint" check --no-go --no-progress "$tree" 2>&1 >/dev/null | tail -1 || true
# Through a file: node cuts its output short on a pipe when it exits.
node "$shield" scan -p "$tree" -f json >"$out/agentshield.json" 2>/dev/null || true
node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1])).summary;console.log(`agentshield: ${r.filesScanned} files scanned, ${r.totalFindings} findings`)' "$out/agentshield.json"
awk '
	{ t[$1] = $3; m[$1] = $4 }
	END {
		printf "agentshield / atflint: %.1fx time (goal: at least 10x); peak memory %.0f MB vs %.0f MB\n", t["agentshield"] / t["atflint"], m["agentshield"], m["atflint"]
	}' "$results"
