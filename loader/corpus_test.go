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
			if p.Kind != model.SchemaViolation {
				t.Errorf("%s: unexpected problem %s", rel, p.Message)
			}
		}
		// CrewAI's tasks.yaml describes tasks, not agents.
		if want != "" && want != model.FormatCrewAI && len(f.Agents) == 0 {
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
