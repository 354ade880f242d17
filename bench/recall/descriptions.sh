#!/usr/bin/env bash
# Runs bench/recall/texts in each real server's module and scores, with
# bench/recall/descriptions.py, how many of its tools' descriptions the
# modeltext analyzer finds. SERVERS_DIR is laid out as for run.sh.
#
# Usage: bench/recall/descriptions.sh SERVERS_DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
servers=$(cd "$1" && pwd)
out=$PWD/bench/out/descriptions
mkdir -p "$out"
go build -o "$out/texts" ./bench/recall/texts
# A module with a package that does not load (cgo without its library)
# is run package by package, so that the others count.
while IFS=$'\t' read -r name _ _ module _; do
	[[ $name == \#* || -z $name ]] && continue
	(
		cd "$servers/$name/$module"
		# texts exits 3 when it prints texts, 1 when a package does not load.
		status=0
		"$out/texts" ./... >"$out/$name.txt" 2>&1 || status=$?
		if ((status == 1)); then
			: >"$out/$name.txt"
			for p in $(go list ./...); do "$out/texts" "$p" >>"$out/$name.txt" 2>&1 || true; done
		fi
	)
done <bench/recall/servers.tsv
python3 bench/recall/descriptions.py "$servers" "$out"
