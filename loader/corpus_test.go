package loader

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/atflint/atflint/model"
)

// corpusFormat is the format Load must tell for each folder of the real
// configs in testdata/corpus; "" where atflint reads no format of that kind.
var corpusFormat = map[string]model.Format{
	"agent-card":              model.FormatA2A,
	"amazonq":                 model.FormatMCP,
	"claude-plugin":           model.FormatClaudePlugin,
	"claude-skill":            model.FormatClaudeSkill,
	"codex-config":            model.FormatCodex,
	"continue":                model.FormatContinue,
	"cursor-hooks":            model.FormatCursorHooks,
	"gemini-extension":        model.FormatGemini,
	"instructions":            model.FormatInstructions,
	"kiro":                    model.FormatMCP,
	"kiro-agent":              model.FormatAmazonQAgent,
	"kiro-hooks":              model.FormatKiroHook,
	"kiro-steering":           model.FormatInstructions,
	"opencode":                model.FormatOpenCode,
	"windsurf":                model.FormatMCP,
	"agent-yaml-misc":         "",
	"agt-governance":          model.FormatAGT,
	"claude-settings":         model.FormatClaudeSettings,
	"claude-subagent":         model.FormatClaudeAgent,
	"copilot-agent":           model.FormatCopilotAgent,
	"crewai":                  model.FormatCrewAI,
	"docker-cagent":           model.FormatCagent,
	"google-adk":              model.FormatADK,
	"langgraph":               model.FormatLangGraph,
	"m365-declarative-agent":  model.FormatM365,
	"mcp-client":              model.FormatMCP,
	"ms-agent-framework-yaml": "",
	"oasf-agntcy":             "",
	"zed-settings":            model.FormatZed,
}

// corpusOther are the files whose folder names a format their content
// does not hold, and why.
var corpusOther = map[string]model.Format{
	// An AgentMesh identity file and a Kubernetes manifest: the toolkit's
	// files, but not its policies.
	"agt-governance/microsoft__agent-governance-toolkit/agent-governance-python/agent-mesh/examples/01-mcp-tool-server/agentmesh.yaml":      "",
	"agt-governance/microsoft__agent-governance-toolkit/agent-governance-python/agent-mesh/examples/kubernetes/governed-agent-example.yaml": "",
	// A project's own orchestrator config that the repository named after
	// ADK: no agent_class, no instruction at the top.
	"google-adk/OMIXEC__Google-ADK-Skills/adk-runtime/agents/root_agent.yaml": "",
	// Agents of Amazon Q, beside the MCP configs of their folder.
	"amazonq/MyPureCloud__genesys-spark/.amazonq/agents/default.json":         model.FormatAmazonQAgent,
	"amazonq/blue21jp__aws-resources-visualiser/.amazonq/cli-agents/dev.json": model.FormatAmazonQAgent,
	"amazonq/echoes-io__mcp-server/.amazonq/cli-agents/default.json":          model.FormatAmazonQAgent,
	// OpenCode's agents in Markdown, beside its configs.
	"opencode/SAP__e-mobility-charging-stations-simulator/.opencode/agent/review.md": model.FormatOpenCodeAgent,
	"opencode/Apicurio__apicurio-registry/.opencode/agent/code-reviewer.md":          model.FormatOpenCodeAgent,
	"opencode/moq-dev__moq/.opencode/agent/review.md":                                model.FormatOpenCodeAgent,
	// Marketplaces, beside the plugins.
	"claude-plugin/obra__superpowers/.claude-plugin/marketplace.json": model.FormatMarketplace,
	"claude-plugin/upstash__context7/.claude-plugin/marketplace.json": model.FormatMarketplace,
	// Plugins' MCP servers, written flat.
	"claude-plugin/L3DigitalNet__Claude-Code-Plugins/plugins/home-assistant-dev/.mcp.json":   model.FormatMCP,
	"claude-plugin/anthropics__claude-plugins-official/external_plugins/github/.mcp.json":    model.FormatMCP,
	"claude-plugin/anthropics__claude-plugins-official/external_plugins/terraform/.mcp.json": model.FormatMCP,
	// Continue's rules, and Windsurf's hooks and rules.
	"continue/bdougie__contributor.info/.continue/rules/console-log-security.md": model.FormatInstructions,
	"continue/maxgfr__conforme/.continue/rules/rust-conventions.md":              model.FormatInstructions,
	"windsurf/1Password__agent-hooks/.windsurf/hooks.json":                       model.FormatWindsurfHooks,
	"windsurf/54b3r__tfai-go/.windsurf/rules/security.md":                        model.FormatInstructions,
	"windsurf/kylejosterman__agentsync/.windsurf/rules/security.md":              model.FormatInstructions,
}

// corpusProblems are the real files that break their format's syntax as
// atflint reads it, with what the problem says.
var corpusProblems = map[string]string{
	// allowed-tools: * is a YAML alias with no anchor; Claude Code reads
	// skills line by line.
	"claude-skill/platformplatform__PlatformPlatform/.claude/skills/commit/SKILL.md": "Claude Code still reads this skill",
	// allowedTools "*": the agent format takes it only in tools.
	"kiro-agent/KaimingWan__oh-my-claude-code/.kiro/agents/pilot.json": `allowedTools does not take "*"`,
}

// TestCorpusFormats loads every real config of testdata/corpus and checks
// the format Load tells, and that a file of a format yields an agent and
// no problem but where it breaks its format's published schema.
func TestCorpusFormats(t *testing.T) {
	const root = "../testdata/corpus"
	seen := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !Candidate(p) {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, root+string(filepath.Separator)))
		want, ok := corpusOther[rel]
		if !ok {
			want, ok = corpusFormat[strings.SplitN(rel, "/", 2)[0]]
		}
		if !ok {
			t.Errorf("%s: no format expected for its folder", rel)
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		seen++
		f := Load(p, src, Options{})
		if f.Format != want {
			t.Errorf("%s: format %q, want %q", rel, f.Format, want)
		}
		for _, p := range f.Problems {
			if known, ok := corpusProblems[rel]; p.Kind != model.SchemaViolation && !(ok && strings.Contains(p.Message, known)) {
				t.Errorf("%s: unexpected problem %s", rel, p.Message)
			}
		}
		// CrewAI's tasks.yaml describes tasks, not agents; instructions
		// are prose for the model.
		if want == model.FormatInstructions && len(f.Prose) == 0 {
			t.Errorf("%s: instructions file without text", rel)
		}
		if _, broken := corpusProblems[rel]; want != "" && want != model.FormatCrewAI && want != model.FormatInstructions && !broken && len(f.Agents) == 0 {
			t.Errorf("%s: %s file without an agent", rel, want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 50 {
		t.Errorf("loaded %d corpus files, want the 50", seen)
	}
}
