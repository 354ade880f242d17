#!/usr/bin/env bash
# Times, with a warm build cache, the default go vet suite and atfvet under
# go vet (go vet -vettool=atfvet) on a real module from the proxy, and
# counts the tools atflint inventory finds there. Each timed run starts from a cache
# that holds the compiled packages but no vet results, in a private GOCACHE.
# Usage: bench/atfvet.sh [RUNS] [MODULE@VERSION]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
mod=${2:-github.com/mark3labs/mcp-go@v1.2.1}
out=$PWD/bench/out
mkdir -p "$out/bin"
go build -o "$out/bin/atfvet" ./cmd/atfvet
go build -o "$out/bin/measure" ./bench/measure
go build -o "$out/bin/atflint" ./cmd/atflint

src=$(go mod download -json "$mod" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
work="$out/module"
rm -rf "$work"
cp -r "$src" "$work"
chmod -R u+w "$work"
cd "$work"
go mod download

export GOCACHE="$out/gocache"
warm() {
	go clean -cache
	go build ./... && go test -count=1 -run '^$' ./... >/dev/null
}

results="$out/atfvet-results.txt"
: >"$results"
for i in $(seq "$runs"); do
	warm
	"$out/bin/measure" "default-vet" 1 go vet ./... | tee -a "$results"
	warm
	"$out/bin/measure" "atfvet" 1 go vet -vettool="$out/bin/atfvet" ./... | tee -a "$results"
done
"$out/bin/atflint" inventory . 2>/dev/null | head -1 | tee -a "$results"

awk '
	/^default-vet/ { d[++nd] = $3; dc[nd] = $5; if ($4 > dm) dm = $4 }
	/^atfvet/      { a[++na] = $3; ac[na] = $5; if ($4 > am) am = $4 }
	function median(x, n,   i, j, t) {
		for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }
		return x[int((n + 1) / 2)]
	}
	END {
		printf "\ndefault vet: %.2f s (%.2f s of processor), %.0f MB; atfvet: %.2f s (%.2f s of processor), %.0f MB\n", median(d, nd), median(dc, nd), dm, median(a, na), median(ac, na), am
		printf "atfvet / default vet: %.2fx time, %.2fx processor time (goal: at most 1.0x), %.2fx peak memory (goal: at most 1.5x)\n", median(a, na) / median(d, nd), median(ac, na) / median(dc, nd), am / dm
	}' "$results"
