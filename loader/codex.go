package loader

import (
	"strconv"
	"strings"

	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

// loadCodex reads OpenAI Codex's config.toml
// (developers.openai.com/codex/config-reference): approval_policy, when
// Codex asks before it runs a command ("never" is never); sandbox_mode,
// what its commands may touch ("danger-full-access" is everything); and
// its MCP servers under [mcp_servers.NAME], with command, args, env or
// url, as other clients write them. A profile ([profiles.NAME], chosen
// with profile = NAME or --profile) sets the same two settings for the
// runs that choose it (codex-rs/core/src/config/profile.rs).
func loadCodex(f *model.File, root *syntax.Node) {
	f.Format, f.Root = model.FormatCodex, root
	a := newForeignAgent(root)
	a.Servers = decodeServers(root)
	pm := &model.Permissions{Span: syntax.At(root.Span.Start)}
	codexPolicy(pm, root, "")
	if profiles, _ := section(root, "profiles"); profiles != nil {
		for _, e := range profiles.Entries {
			if e.Value.Kind == syntax.Mapping {
				codexPolicy(pm, e.Value, "[profiles."+tomlKey(e.Key.Value)+"] ")
			}
		}
	}
	if len(pm.ApproveAll) > 0 || len(pm.Unsandboxed) > 0 {
		a.Permissions = pm
	}
	f.Agents = []*model.Agent{a}
}

// codexPolicy adds to pm what a table's approval_policy and sandbox_mode
// give up; where names the table for the message.
func codexPolicy(pm *model.Permissions, table *syntax.Node, where string) {
	if ap := str(table, "approval_policy"); ap.Value == "never" {
		pm.Approve(where+`approval_policy = "never"`, ap.Span, "command and tool call")
	}
	if sm := str(table, "sandbox_mode"); sm.Value == "danger-full-access" {
		pm.Unsandboxed = append(pm.Unsandboxed, model.Field[string]{Value: where + `sandbox_mode = "danger-full-access"`, Span: sm.Span})
	}
}

// tomlKey writes a key as TOML needs it: bare if it can be, else quoted.
func tomlKey(k string) string {
	if k != "" && strings.Trim(k, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") == "" {
		return k
	}
	return strconv.Quote(k)
}
