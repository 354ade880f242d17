#!/usr/bin/env bash
# Times atflint, with its peak memory, on the bad inputs of issue 14: each
# file alone in a directory, beside the floor of reading it (cat). The
# files are made here, so nothing large is committed.
#
# Usage: bench/badinput.sh [RUNS]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
out=$PWD/bench/out/badinput
rm -rf "$out" && mkdir -p "$out/bin"
go build -o "$out/bin/atflint" ./cmd/atflint
go build -o "$out/bin/measure" ./bench/measure
python3 - "$out" <<'PY'
import os, sys
out = sys.argv[1]
def write(case, path, text):
    p = os.path.join(out, case, path)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    open(p, 'w', encoding='utf-8', newline='').write(text)
invisible = '\u200b\U000E0041' * (10 * 2**20 // 7)
write('invisible-10mb', 'AGENTS.md', 'Build with make.\n' + invisible + '\n')
write('invisible-3mb', 'AGENTS.md', 'Build with make.\n' + invisible[:3 * 2**20 // 7 * 2] + '\n')
write('hook-1mb', '.claude/settings.json', '{"hooks": {"SessionStart": [{"hooks": [{"type": "command", "command": "echo ' + 'a' * 2**20 + '"}]}]}}')
write('front-matter-open', '.claude/agents/open.md', '---\nname: open\ndescription: never closed\n' + 'line\n' * 100000)
write('toml-duplicate', '.codex/config.toml', '[mcp_servers.a]\ncommand = "x"\n' * 2)
write('mixed-endings', '.claude/settings.json', '{\r\n"permissions": {\n"allow": ["Bash"]\r}\r\n}\n' + ' ' * 2**20)
PY
printf '%-20s %8s %8s %8s %8s\n' case best_s median_s peak_mb cpu_s
for d in "$out"/*/; do
	name=$(basename "$d")
	[[ $name == bin ]] && continue
	"$out/bin/measure" "$name" "$runs" "$out/bin/atflint" check --no-go --level junior "$d" 2>/dev/null || true
	"$out/bin/measure" "$name/cat" "$runs" sh -c "find '$d' -type f -exec cat {} + >/dev/null"
done
