#!/usr/bin/env bash
# Runs atflint for action.yml. Inputs come in through the environment,
# never through ${{ }} in the script, so no input can inject a command.
# A usage or internal error fails this step; findings are left to the
# steps after the upload, so that the SARIF is uploaded either way.
set -uo pipefail

args=(check --no-progress --min-severity "$ATFLINT_MIN_SEVERITY" --fail-on "$ATFLINT_FAIL_ON")
if [ -n "$ATFLINT_LEVEL" ]; then
	args+=(--level "$ATFLINT_LEVEL")
fi
if [ -n "$ATFLINT_CONFIG" ]; then
	args+=(--config "$ATFLINT_CONFIG")
fi
# On a pull request, new-only reports what the pull request changes: the
# findings on its lines since it left its base branch.
if [ "${ATFLINT_NEW_ONLY:-false}" = true ] && [ -n "${GITHUB_BASE_REF:-}" ]; then
	args+=(--new-from-merge-base "origin/$GITHUB_BASE_REF")
fi
# Paths are split on whitespace, newlines included: no globbing, no other
# expansion. read -d '' reads to the end and so reports failure.
read -r -d '' -a paths <<<"$ATFLINT_PATHS" || true

# atflint downloads nothing; the Action fills the module cache of the Go
# modules under the paths first, as a build of them would, so that their
# packages can be analysed. A toolchain their go line asks for is not
# fetched. What still cannot load, atflint reports.
if [ "${ATFLINT_GO_DOWNLOAD:-false}" = true ] && command -v go >/dev/null; then
	while IFS= read -r -d '' mod; do
		dir=$(dirname -- "$mod")
		(cd -- "$dir" && GOTOOLCHAIN=local go mod download) ||
			echo "::warning title=atflint::go mod download failed in $dir; atflint reports the packages it cannot load"
	done < <(find -- "${paths[@]}" \( -name .git -o -name vendor -o -name node_modules -o -name testdata \) -prune -o -name go.mod -type f -print0 2>/dev/null)
fi

# One pass writes everything: the job summary always; with upload, the
# SARIF for code scanning and the findings as text in the log; without,
# the findings as annotations.
summary="${RUNNER_TEMP:-/tmp}/atflint-summary.md"
args+=(--output "summary=$summary")
case "$ATFLINT_UPLOAD" in
true)
	"$ATFLINT" "${args[@]}" --output "sarif=$ATFLINT_SARIF" --format text -- "${paths[@]}"
	code=$?
	echo "sarif-file=$ATFLINT_SARIF" >>"$GITHUB_OUTPUT"
	;;
false)
	"$ATFLINT" "${args[@]}" --format github -- "${paths[@]}"
	code=$?
	;;
*)
	echo "::error title=atflint::the upload input must be true or false, not '$ATFLINT_UPLOAD'"
	exit 2
	;;
esac
if [ -f "$summary" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
	cat -- "$summary" >>"$GITHUB_STEP_SUMMARY"
fi

# On a pull request, the job summary says what it adds to the agents'
# tools and MCP servers since its base branch, fetched if the checkout
# lacks it.
if [ "${ATFLINT_SURFACE:-false}" = true ] && [ -n "${GITHUB_BASE_REF:-}" ]; then
	base="origin/$GITHUB_BASE_REF"
	if ! git rev-parse --verify --quiet "$base^{commit}" >/dev/null; then
		git fetch --no-tags --depth=1 origin "+refs/heads/$GITHUB_BASE_REF:refs/remotes/$base" >/dev/null 2>&1 || true
	fi
	surface="${RUNNER_TEMP:-/tmp}/atflint-surface.md"
	if ! "$ATFLINT" inventory --diff "$base" --format markdown -- "${paths[@]}" >"$surface"; then
		echo "::warning title=atflint::atflint inventory --diff $base did not compare all of the agents' surface with the base branch; see the log"
	fi
	if [ -s "$surface" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
		cat -- "$surface" >>"$GITHUB_STEP_SUMMARY"
	fi
fi

# The conformance statement, when asked: to the job summary and a file
# the next step keeps. Its own verdict does not fail the step.
if [ "${ATFLINT_ASSESS:-false}" = true ]; then
	statement="${RUNNER_TEMP:-/tmp}/atflint-conformance.md"
	if "$ATFLINT" assess -- "${paths[@]}" >"$statement"; then
		echo "statement-file=$statement" >>"$GITHUB_OUTPUT"
		if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
			cat -- "$statement" >>"$GITHUB_STEP_SUMMARY"
		fi
	else
		echo "::warning title=atflint::atflint assess could not write the conformance statement; see the log"
	fi
fi

echo "exit-code=$code" >>"$GITHUB_OUTPUT"
if [ "$code" -gt 1 ]; then
	exit "$code"
fi
