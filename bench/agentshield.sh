#!/usr/bin/env bash
# Times atflint and ecc-agentshield (npm), a peer scanner for Claude Code
# and MCP configs, on one tree: the real configs of testdata/corpus copied
# COPIES times (40 copies: 5,240 files), then a tree of only the files both
# read. Each tool checks the tree as a whole, with JSON output, offline.
# Usage: bench/agentshield.sh [RUNS] [COPIES]   (default 7 runs; the medians count)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
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

# race times both tools on a tree, RUNS times each, taking turns, and
# prints their medians. agentshield exits 2 when it finds something
# critical; only a crash counts.
race() {
	local tree=$1 results=$2
	: >"$results"
	for _ in $(seq "$runs"); do
		"$out/bin/measure" atflint 1 "$out/bin/atflint" check --no-go --no-progress --format json "$tree" | tee -a "$results"
		"$out/bin/measure" agentshield 1 sh -c 'node "$0" scan -p "$1" -f json >/dev/null; [ $? -le 2 ]' "$shield" "$tree" | tee -a "$results"
	done
	echo
	"$out/bin/atflint" check --no-go --no-progress "$tree" 2>&1 >/dev/null | tail -1 || true
	# Through a file: node cuts its output short on a pipe when it exits.
	node "$shield" scan -p "$tree" -f json >"$out/agentshield.json" 2>/dev/null || true
	node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1])).summary;console.log(`agentshield: ${r.filesScanned} files scanned, ${r.totalFindings} findings`)' "$out/agentshield.json"
	awk '
		/^atflint/     { a[++na] = $3; ac[na] = $5; if ($4 > am) am = $4 }
		/^agentshield/ { s[++ns] = $3; sc[ns] = $5; if ($4 > sm) sm = $4 }
		function median(x, n,   i, j, t) {
			for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }
			return x[int((n + 1) / 2)]
		}
		END {
			printf "atflint: %.3f s (%.3f s of processor), %.0f MB; agentshield: %.3f s (%.3f s of processor), %.0f MB\n", median(a, na), median(ac, na), am, median(s, ns), median(sc, ns), sm
			printf "agentshield / atflint: %.1fx time (goal: at least 10x), %.1fx processor time; peak memory %.0f MB vs %.0f MB\n", median(s, ns) / median(a, na), median(sc, ns) / median(ac, na), sm, am
		}' "$results"
}

echo "tree: $configs config files ($copies copies of testdata/corpus)"
race "$tree" "$out/agentshield-results.txt"

# The files both read: agentshield says how many files it scans, not
# which, so bench/agentshield-trace.js records each file it opens, on one
# copy of the corpus; of those, the files atflint reads too, and the same
# tree of copies of them alone.
one="$out/corpus-one"
rm -rf "$one" "$out/agentshield-read.txt"
mkdir -p "$one"
cp -r testdata/corpus/. "$one/"
TRACE_FILE="$out/agentshield-read.txt" node --require "$PWD/bench/agentshield-trace.js" "$shield" scan -p "$one" -f json >/dev/null 2>&1 || true
(cd "$one" && "$out/bin/atflint" check --no-go --no-progress --verbose . 2>&1 >/dev/null || true) | sed -n "s|^atflint: \(.*\): read as .*|\1|p" | sort >"$out/atflint-read.txt"
sed -n "s|^$one/||p" "$out/agentshield-read.txt" | sort -u | comm -12 - "$out/atflint-read.txt" >"$out/both-files.txt"
both="$out/corpus-both-x$copies"
rm -rf "$both"
for i in $(seq -w 1 "$copies"); do
	while read -r f; do
		mkdir -p "$both/copy$i/$(dirname "$f")"
		cp "testdata/corpus/$f" "$both/copy$i/$f"
	done <"$out/both-files.txt"
done
echo "agentshield reads $(sed -n "s|^$one/||p" "$out/agentshield-read.txt" | sort -u | wc -l) files of one copy, atflint $(wc -l <"$out/atflint-read.txt"), both $(wc -l <"$out/both-files.txt")"
echo
echo "tree of the files both read: $(find "$both" -type f | wc -l) files ($(wc -l <"$out/both-files.txt") per copy)"
race "$both" "$out/agentshield-both-results.txt"
