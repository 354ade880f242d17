package loader

import (
	"testing"

	"github.com/atflint/atflint/internal/fuzzseed"
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
	".opencode/agent/a.md", "ext/gemini-extension.json", "team/named.hook", ".cursorrules",
}

// FuzzLoad checks that no input makes a loader panic or hang: each input
// is loaded under every name of fuzzNames and read as every format --as
// takes, seeded with the real configs of testdata/corpus, the rules' test
// data and the hostile inputs.
func FuzzLoad(f *testing.F) {
	for _, src := range fuzzseed.Files(f) {
		f.Add(src, uint8(0))
	}
	as := FormatNames()
	f.Fuzz(func(t *testing.T, src []byte, which uint8) {
		for i := range fuzzNames {
			Load(fuzzNames[(int(which)+i)%len(fuzzNames)], src, Options{Named: i%2 == 0})
		}
		for i, format := range as {
			Load(asNames[(int(which)+i)%len(asNames)], src, Options{As: format})
		}
	})
}

// asNames are the names a file read with --as may have.
var asNames = []string{"a.json", "a.yaml", "a.toml", "a", "a.md"}
