#!/usr/bin/env bash
# Times, on the same synthetic manifests (about 2 KB each):
#   atflint check       the whole linter
#   floor               a bare program that only reads and YAML-parses them
#   cue vet             CUE validating them against the same schema (atf.cue)
# at 1,000 and 10,000 files, and prints the ratios the README reports.
# Usage: bench/manifests.sh [RUNS]   (default 3 runs each; the median counts)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
out=bench/out
mkdir -p "$out/bin"

go build -o "$out/bin/atflint" ./cmd/atflint
go build -o "$out/bin/floor" ./bench/floor
go build -o "$out/bin/measure" ./bench/measure
# cue at the version go.mod already uses.
cue_version=$(go list -m -f '{{.Version}}' cuelang.org/go)
[ -x "$out/bin/cue" ] || GOBIN="$PWD/$out/bin" go install "cuelang.org/go/cmd/cue@$cue_version"

for n in 1000 10000; do
	dir="$out/m$n"
	if [ ! -d "$dir" ]; then
		go run ./bench/genmanifests -n "$n" -o "$dir"
	fi
	cat $(find "$dir" -name '*.atf.yaml') >/dev/null # warm the page cache
done

measure() { "$out/bin/measure" "$@"; }
results="$out/results.txt"
: >"$results"
for n in 1000 10000; do
	dir="$out/m$n"
	measure "atflint-$n" "$runs" "$out/bin/atflint" check --no-progress --no-go "$dir" | tee -a "$results"
	measure "floor-$n" "$runs" "$out/bin/floor" "$dir" | tee -a "$results"
done
# cue vet takes the files as arguments and stops at the first that fails,
# so it gets the same 10,000 files and is run once.
find "$out/m10000" -name '*.atf.yaml' | sort >"$out/files.txt"
measure "cue-10000" 1 sh -c "xargs -a '$out/files.txt' '$out/bin/cue' vet -c=false -d '#Manifest' schemas/atf.cue >/dev/null 2>&1 || true" | tee -a "$results"

awk '
	{ t[$1] = $3; m[$1] = $4 }
	END {
		printf "\natflint / floor at 10,000 files: %.2fx (goal: at most 3x)\n", t["atflint-10000"] / t["floor-10000"]
		printf "cue vet / atflint at 10,000 files: %.1fx (goal: at least 10x)\n", t["cue-10000"] / t["atflint-10000"]
		printf "atflint peak memory at 10,000 files: %.0f MB (goal: under 200 MB)\n", m["atflint-10000"]
		printf "atflint time per file, 10,000 vs 1,000 files: %.2fx (goal: about 1x, linear)\n", (t["atflint-10000"] / 10000) / (t["atflint-1000"] / 1000)
	}' "$results"
