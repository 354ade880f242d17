package loader

import (
	"path"
	"slices"
	"strings"

	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

// amazonQAgentName reports Amazon Q Developer's agent files
// (github.com/aws/amazon-q-developer-cli docs/agent-format.md):
// .amazonq/cli-agents/*.json, .amazonq/agents/*.json as the IDE plugins
// read them, and the Kiro CLI's .kiro/agents/*.json, of the same format.
func amazonQAgentName(p string) bool {
	dir, top := path.Base(path.Dir(p)), path.Base(path.Dir(path.Dir(p)))
	return path.Ext(p) == ".json" && (top == ".amazonq" && (dir == "cli-agents" || dir == "agents") || top == ".kiro" && dir == "agents")
}

// amazonQShells are the names of the built-in tool that runs shell
// commands: Amazon Q's, on Linux and macOS and on Windows, and Kiro's.
var amazonQShells = []string{"execute_bash", "execute_cmd", "shell"}

// runsShell reports an allowedTools pattern that matches the shell tool.
func runsShell(pattern string) bool {
	return slices.ContainsFunc(amazonQShells, func(sh string) bool { ok, _ := path.Match(pattern, sh); return ok })
}

// loadAmazonQAgent reads an agent: its MCP servers, the tools it runs
// without asking (allowedTools, and toolsSettings' execute_bash
// allowedCommands), and its hooks, each a shell command on a trigger
// (agentSpawn, userPromptSubmit, preToolUse, postToolUse, stop).
func loadAmazonQAgent(f *model.File, root *syntax.Node) {
	a := describedAgent(f, model.FormatAmazonQAgent, root)
	a.Servers = decodeServers(root)
	pm := &model.Permissions{Span: syntax.At(root.Span.Start)}
	// allowedTools takes tool names and patterns (* and ? in them), MCP
	// tools as @server/tool and a whole server as @server. "*" alone
	// allows nothing there (aws/amazon-q-developer-cli docs/agent-format.md),
	// and in Amazon Q neither does @builtin, which only tools takes; Kiro
	// takes @builtin for every native tool and @builtin/NAME for one
	// (kiro.dev/docs/cli/custom-agents/configuration-reference).
	kiro := underFolder(strings.ReplaceAll(f.Path, `\`, "/"), ".kiro/agents")
	approve := func(t model.Field[string], what string) {
		pm.Approve("allowedTools "+quote(t.Value), t.Span, what)
	}
	for _, t := range list(root, "allowedTools").Items {
		native, isNative := strings.CutPrefix(t.Value, "@builtin/")
		switch {
		case kiro && (t.Value == "@builtin" || isNative && native == "*"):
			approve(t, "native tool call, shell commands included")
		case t.Value == "*" || t.Value == "@builtin":
			addProblem(f, model.Invalid, t.Span, "allowedTools does not take %q, and it approves nothing; only tools does: list the tools to run unasked, or patterns such as fs_*", t.Value)
		case kiro && isNative && runsShell(native), !strings.HasPrefix(t.Value, "@") && runsShell(t.Value):
			approve(t, "shell command")
		case strings.HasPrefix(t.Value, "@") && !isNative:
			// @server runs every tool of an MCP server unasked,
			// @server/tool one; the agent's deny lists are per tool, so
			// these only add.
			pm.Allow.Items = append(pm.Allow.Items, t)
			pm.AddOnly = true
		}
	}
	if ts, _ := section(root, "toolsSettings"); ts != nil {
		for _, shell := range amazonQShells {
			settings, _ := section(ts, shell)
			if settings == nil {
				continue
			}
			for _, c := range list(settings, "allowedCommands").Items {
				// Each is a regular expression anchored at both ends.
				if re := strings.TrimSuffix(strings.TrimPrefix(c.Value, "^"), "$"); re == ".*" || re == ".+" {
					pm.Approve("allowedCommands "+quote(c.Value), c.Span, "shell command")
				}
			}
		}
	}
	if len(pm.ApproveAll) > 0 || len(pm.Allow.Items) > 0 {
		a.Permissions = pm
	}
	a.Hooks = flatHooks(root)
}
