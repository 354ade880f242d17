package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadInput runs atflint on files built to break loaders: each ends in
// a finding or a clear error naming the file, never a crash or a hang.
// Their time and memory are measured by bench/badinput.sh, not here.
func TestBadInput(t *testing.T) {
	invisible := strings.Repeat("\u200b\U000E0041", 10<<20/7) // 10 MB of zero-width and tag characters
	invisible3 := invisible[:3<<20/7*7]                       // 3 MB, under the size atflint reads
	longCommand := "echo " + strings.Repeat("a", 1<<20)
	cases := []struct {
		name, path, src string
		want            string // in the output
	}{
		{"toml duplicate table", ".codex/config.toml", "[mcp_servers.a]\ncommand = \"x\"\n[mcp_servers.a]\ncommand = \"y\"\n", ".codex/config.toml:3:"},
		{"front matter with no end", ".claude/agents/open.md", "---\nname: open\ndescription: never closed\n\nBody text.\n", ""},
		{"skill front matter with no end", ".claude/skills/open/SKILL.md", "---\nname: open\nallowed-tools: Bash\n", ""},
		{"10 MB of invisible characters", "AGENTS.md", "Build with make.\n" + invisible + "\n", "AGENTS.md:1:1: error: the file is 10.0 MB; files over 4 MB are not read, so this one was not checked"},
		{"3 MB of invisible characters", "AGENTS.md", "Build with make.\n" + invisible3 + "\n", "AGENTS.md:2:1: error: these instructions to the model hide zero-width characters and Unicode tag characters"},
		{"invisible in a value", ".mcp.json", `{"mcpServers": {"s": {"command": "./s", "description": "` + invisible3 + `"}}}`, `.mcp.json:1:56: error: this value hides zero-width characters and Unicode tag characters`},
		{"hook of 1 MB", ".claude/settings.json", `{"hooks": {"SessionStart": [{"hooks": [{"type": "command", "command": "` + longCommand + `"}]}]}}`, `session-hook`},
		{"mixed line endings", ".claude/settings.json", "{\r\n\"permissions\": {\n\"allow\": [\"Bash\"]\r}\r\n}\n", ".claude/settings.json:3:11:"},
		{"mixed line endings in YAML", "agent.atf.yaml", "atf: \"0.9\"\r\nagent:\n  id: urn:x:agent:a\r\n  level: intern\rnot: [closed\n", "agent.atf.yaml:"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, filepath.FromSlash(c.path))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(c.src), 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, errOut := atflintIn(t, dir, "check", "--no-go", "--level", "junior", ".")
			if code != 0 && code != 1 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if !strings.Contains(out, c.want) {
				t.Errorf("output lacks %q:\n%.2000s", c.want, out)
			}
			if len(out) > 64<<10 {
				t.Errorf("output of %d bytes: a message quotes the input whole", len(out))
			}
		})
	}
}
