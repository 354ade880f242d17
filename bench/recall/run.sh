#!/usr/bin/env bash
# Measures, on real Go MCP servers and agents (bench/recall/servers.tsv),
# how many of their tools atflint finds, against a count made by
# bench/recall/truth, which shares no code with the analysis; what atflint
# check reports there; and its time and peak memory beside go vet ./... on
# the same module. Each timed run starts from a copy of a build cache that
# holds the module's compiled packages but no vet results.
#
# SERVERS_DIR holds each server's source at the listed commit, in a
# directory named like the first column:
#   git clone https://github.com/OWNER/NAME SERVERS_DIR/OWNER+NAME
#   git -C SERVERS_DIR/OWNER+NAME checkout COMMIT
#
# atflint exits 2 where a package cannot be analyzed (a module the proxy
# refuses), and analyzes the others; that run still counts. go vet ./...
# stops at the first package that does not load, so the floor it is timed
# against is go vet on the packages that load, as go list says.
#
# Usage: bench/recall/run.sh SERVERS_DIR [RUNS [NAME_REGEXP]]   (default 1 run per tool, every server)
set -euo pipefail
cd "$(dirname "$0")/../.."
servers=$(cd "$1" && pwd)
runs=${2:-1}
only=${3:-.}
out=$PWD/bench/out/recall
mkdir -p "$out/bin"
for cmd in atflint:./cmd/atflint atfvet:./cmd/atfvet truth:./bench/recall/truth score:./bench/recall/score measure:./bench/measure; do
	go build -o "$out/bin/${cmd%%:*}" "${cmd#*:}"
done
# warm fills a private build cache with the compiled packages of the
# module in the current directory, tests included, as go vet needs them;
# fresh puts a copy of it in GOCACHE.
warm() {
	rm -rf "$out/gocache-warm"
	GOCACHE="$out/gocache-warm" go test -count=1 -run '^$' ./... >/dev/null 2>&1 || true
}
fresh() {
	rm -rf "$out/gocache"
	cp -al "$out/gocache-warm" "$out/gocache"
}
export GOCACHE="$out/gocache"

printf "%-34s %5s %5s %6s %5s %7s %7s %7s %7s  %s\n" server truth found recall unres time_s vet_s peak_mb vet_mb "findings per rule"
grep -v '^#' bench/recall/servers.tsv | grep -E "^($only)" | while IFS=$'\t' read -r name _ _ moddir _ _ flags; do
	src="$servers/$name/$moddir"
	# shellcheck disable=SC2086 # flags are words
	"$out/bin/truth" $flags "$src" >"$out/$name.truth"
	if ! cmp -s "$out/$name.truth" "bench/recall/expect/$name.txt"; then
		echo "$name: the count differs from bench/recall/expect/$name.txt; see $out/$name.truth" >&2
	fi
	"$out/bin/atflint" inventory --format json "$src" >"$out/$name.inventory.json" 2>"$out/$name.inventory.err" || true
	read -r truth found recall unresolved < <("$out/bin/score" "bench/recall/expect/$name.txt" "$out/$name.inventory.json" | head -1)
	"$out/bin/score" "bench/recall/expect/$name.txt" "$out/$name.inventory.json" | tail -n +2 >"$out/$name.missed"
	(
		cd "$src"
		: >"$out/$name.times"
		warm
		loadable=$(go list -e -f '{{if and (not .Error) (not .DepsErrors)}}{{.ImportPath}}{{end}}' ./... 2>/dev/null)
		for _ in $(seq "$runs"); do
			fresh
			"$out/bin/measure" atflint 1 sh -c '"$0" check --format json --min-severity note --fail-on never . >"$1" 2>"$1.err"; [ $? -le 2 ]' "$out/bin/atflint" "$out/$name.check.json" >>"$out/$name.times"
			fresh
			# shellcheck disable=SC2086 # one word per package
			"$out/bin/measure" vet 1 sh -c 'go vet "$@" >/dev/null 2>&1 || true' sh $loadable >>"$out/$name.times"
		done
	)
	rules=$( (grep -o '"rule": *"[^"]*"' "$out/$name.check.json" || true) | sed 's/.*"\([^"]*\)"$/\1/' | sort | uniq -c | awk '{printf "%s=%s ", $2, $1}')
	awk -v name="$name" -v truth="$truth" -v found="$found" -v recall="$recall" -v unres="$unresolved" -v rules="$rules" '
		/^atflint/ { a[++na] = $3; if ($4 > am) am = $4 }
		/^vet/     { v[++nv] = $3; if ($4 > vm) vm = $4 }
		function median(x, n,   i, j, t) {
			for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }
			return x[int((n + 1) / 2)]
		}
		END { printf "%-34s %5d %5d %5.1f%% %5d %7.2f %7.2f %7.0f %7.0f  %s\n", name, truth, found, recall, unres, median(a, na), median(v, nv), am, vm, rules }' "$out/$name.times"
done
