package loader

import (
	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

// loadCodex reads OpenAI Codex's config.toml
// (developers.openai.com/codex/config-reference): approval_policy, when
// Codex asks before it runs a command ("never" is never); sandbox_mode,
// what its commands may touch ("danger-full-access" is everything); and
// its MCP servers under [mcp_servers.NAME], with command, args, env or
// url, as other clients write them.
func loadCodex(f *model.File, root *syntax.Node) {
	f.Format, f.Root = model.FormatCodex, root
	a := newForeignAgent(root)
	a.Servers = decodeServers(root)
	pm := &model.Permissions{Span: syntax.At(root.Span.Start)}
	if ap := str(root, "approval_policy"); ap.Value == "never" {
		pm.ApproveAll = append(pm.ApproveAll, model.Approval{Setting: model.Field[string]{Value: "approval_policy = \"never\"", Span: ap.Span}, What: "command and tool call"})
	}
	if sm := str(root, "sandbox_mode"); sm.Value == "danger-full-access" {
		pm.Unsandboxed = model.Field[string]{Value: `sandbox_mode = "danger-full-access"`, Span: sm.Span}
	}
	if len(pm.ApproveAll) > 0 || pm.Unsandboxed.Present() {
		a.Permissions = pm
	}
	f.Agents = []*model.Agent{a}
}
