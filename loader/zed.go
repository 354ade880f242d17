package loader

import (
	"path"

	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

// isZedAgentSettings reports Zed settings that configure its agent: MCP
// servers under context_servers, or agent settings.
func isZedAgentSettings(root *syntax.Node) bool {
	servers, _ := section(root, "context_servers")
	agent, _ := section(root, "agent")
	return servers != nil || agent != nil
}

// zedSettingsName reports Zed's settings: a project's .zed/settings.json,
// and a user's ~/.config/zed/settings.json, as dotfiles repositories
// commit it.
func zedSettingsName(p string) bool {
	dir := path.Dir(p)
	return path.Base(p) == "settings.json" && (path.Base(dir) == ".zed" || path.Base(dir) == "zed" && path.Base(path.Dir(dir)) == ".config")
}

// loadZedSettings reads Zed's settings (zed.dev/docs/ai/mcp,
// /docs/ai/tool-permissions): context_servers, each a command (a string,
// or in older files {path, args, env}), a url, or an extension's
// settings; and what the agent does without asking: the old
// agent.always_allow_tool_actions, agent.tool_permissions with a default
// of allow (for every tool, or for the terminal) or an always_allow
// pattern that matches every command, sandbox_permissions'
// allow_unsandboxed, and an external agent started in
// bypassPermissions mode.
func loadZedSettings(f *model.File, root *syntax.Node) {
	f.Format, f.Root = model.FormatZed, root
	a := newForeignAgent(root)
	if servers, _ := section(root, "context_servers"); servers != nil {
		for _, e := range servers.Entries {
			if e.Value.Kind != syntax.Mapping {
				continue
			}
			s := decodeServer(e)
			if cmd, _ := section(e.Value, "command"); cmd != nil {
				s.Command, s.Args, s.Env = str(cmd, "path"), list(cmd, "args").Items, settings(cmd, "env")
			}
			a.Servers = append(a.Servers, s)
		}
	}
	pm := &model.Permissions{Span: syntax.At(root.Span.Start)}
	approve := func(n *syntax.Node, setting, what string) {
		pm.Approve(setting, n.Span, what)
	}
	if agent, _ := section(root, "agent"); agent != nil {
		if e, ok := agent.Lookup("always_allow_tool_actions"); ok && isTrue(e.Value) {
			approve(e.Value, "agent.always_allow_tool_actions", "tool call, terminal commands included")
		}
		if tp, _ := section(agent, "tool_permissions"); tp != nil {
			if d := zedDefault(tp); d != nil && d.Value == "allow" {
				approve(d, "tool_permissions default \"allow\"", "tool call, terminal commands included")
			}
			if tools, _ := section(tp, "tools"); tools != nil {
				if term, _ := section(tools, "terminal"); term != nil {
					if d := zedDefault(term); d != nil && d.Value == "allow" {
						approve(d, "terminal default \"allow\"", "terminal command")
					}
					if allow, ok := term.Lookup("always_allow"); ok && allow.Value.Kind == syntax.Sequence {
						for _, it := range allow.Value.Items {
							if p := str(it, "pattern"); p.Present() && matchesEverything("/"+p.Value+"/") {
								approve(it, "terminal always_allow "+quote(p.Value), "terminal command")
							}
						}
					}
				}
			}
		}
		if sp, _ := section(agent, "sandbox_permissions"); sp != nil {
			if e, ok := sp.Lookup("allow_unsandboxed"); ok && isTrue(e.Value) {
				pm.Unsandboxed = append(pm.Unsandboxed, model.Field[string]{Value: "agent.sandbox_permissions.allow_unsandboxed", Span: e.Span()})
			}
		}
	}
	if servers, _ := section(root, "agent_servers"); servers != nil {
		for _, e := range servers.Entries {
			if m := str(e.Value, "default_mode"); m.Value == "bypassPermissions" {
				pm.DefaultMode = m
			}
		}
	}
	if len(pm.ApproveAll) > 0 || len(pm.Unsandboxed) > 0 || pm.DefaultMode.Present() {
		a.Permissions = pm
	}
	f.Agents = []*model.Agent{a}
}

// zedDefault is a tool_permissions default, under default or its alias
// default_mode; nil when none is set.
func zedDefault(n *syntax.Node) *syntax.Node {
	for _, key := range []string{"default", "default_mode"} {
		if e, ok := n.Lookup(key); ok && e.Value.Kind == syntax.Scalar {
			return e.Value
		}
	}
	return nil
}
