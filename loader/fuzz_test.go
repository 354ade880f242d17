package loader

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzNames are the names the fuzz target loads its input as, so every
// loader sees every input: one per format told by path, and any JSON or
// YAML file, where the content tells A2A cards, M365 agents, CrewAI,
// LangGraph, ADK, cagent and agent-governance-toolkit files apart.
var fuzzNames = []string{
	"agent.atf.yaml", "agent.atf.json", ".mcp.json", ".claude/settings.json",
	".gemini/settings.json", ".claude/agents/a.md", ".github/agents/a.agent.md",
	"plugin/agents/a.md", "agent-card.json", "agents.yaml", ".vscode/settings.json",
	".codex/config.toml", ".claude/skills/s/SKILL.md", "opencode.jsonc", "AGENTS.md", ".cursor/hooks.json",
	".claude-plugin/plugin.json", "plugin/hooks/hooks.json", ".claude-plugin/marketplace.json",
	".continue/mcpServers/s.yaml", ".continue/mcpServers/s.json", ".amazonq/cli-agents/a.json",
	".zed/settings.json", ".kiro/hooks/h.kiro.hook", ".windsurf/hooks.json", ".kiro/steering/s.md",
}

// FuzzLoad checks that no input makes a loader panic or hang, seeded with
// the real configs of testdata/corpus and the rules' test data.
func FuzzLoad(f *testing.F) {
	for _, dir := range []string{"../testdata/corpus", "../rules/testdata"} {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(p, ".out") || strings.HasSuffix(p, ".tsv") {
				return nil
			}
			if src, err := os.ReadFile(p); err == nil && len(src) < 64<<10 {
				f.Add(src, uint8(0))
			}
			return nil
		})
	}
	f.Fuzz(func(t *testing.T, src []byte, which uint8) {
		for i := range fuzzNames {
			Load(fuzzNames[(int(which)+i)%len(fuzzNames)], src, Options{Named: i%2 == 0})
		}
	})
}
