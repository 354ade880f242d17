package loader

import (
	"path"
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

// amazonQApprovals are the allowedTools entries that run, unasked, any
// call of a kind: every tool, every built-in tool (the shell among them),
// the shell.
var amazonQApprovals = map[string]string{
	"*":            "tool call, shell commands included",
	"@builtin":     "built-in tool call, shell commands included",
	"execute_bash": "shell command",
	"execute_cmd":  "shell command",
}

// loadAmazonQAgent reads an agent: its MCP servers, the tools it runs
// without asking (allowedTools, and toolsSettings' execute_bash
// allowedCommands), and its hooks, each a shell command on a trigger
// (agentSpawn, userPromptSubmit, preToolUse, postToolUse, stop).
func loadAmazonQAgent(f *model.File, root *syntax.Node) {
	a := describedAgent(f, model.FormatAmazonQAgent, root)
	a.Servers = decodeServers(root)
	pm := &model.Permissions{Span: syntax.At(root.Span.Start)}
	for _, t := range list(root, "allowedTools").Items {
		if what, ok := amazonQApprovals[t.Value]; ok {
			pm.ApproveAll = append(pm.ApproveAll, model.Approval{Setting: model.Field[string]{Value: "allowedTools " + quote(t.Value), Span: t.Span}, What: what})
		} else if strings.HasPrefix(t.Value, "@") {
			// @server runs every tool of an MCP server unasked,
			// @server/tool one; the agent's deny lists are per tool, so
			// these only add.
			pm.Allow.Items = append(pm.Allow.Items, t)
			pm.AddOnly = true
		}
	}
	if ts, _ := section(root, "toolsSettings"); ts != nil {
		if bash, _ := section(ts, "execute_bash"); bash != nil {
			for _, c := range list(bash, "allowedCommands").Items {
				// Each is a regular expression anchored at both ends.
				if re := strings.TrimSuffix(strings.TrimPrefix(c.Value, "^"), "$"); re == ".*" || re == ".+" {
					pm.ApproveAll = append(pm.ApproveAll, model.Approval{Setting: model.Field[string]{Value: "allowedCommands " + quote(c.Value), Span: c.Span}, What: "shell command"})
				}
			}
		}
	}
	if len(pm.ApproveAll) > 0 || len(pm.Allow.Items) > 0 {
		a.Permissions = pm
	}
	a.Hooks = flatHooks(root)
}
