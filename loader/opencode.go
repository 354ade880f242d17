package loader

import (
	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

// loadOpenCode reads OpenCode's opencode.json (opencode.ai/docs/config,
// /docs/permissions): its permission (V1: "allow" for everything, or by
// tool, "*" and "bash" among them, each "allow", "ask" or "deny" or a map
// of patterns to those) or permissions (V2: a list of {action, resource,
// effect}), for the whole config and for each of its agents, and its MCP
// servers under mcp, whose command is a list.
func loadOpenCode(f *model.File, root *syntax.Node) {
	f.Format, f.Root = model.FormatOpenCode, root
	a := newForeignAgent(root)
	a.Servers = openCodeServers(root)
	pm := &model.Permissions{Span: syntax.At(root.Span.Start)}
	openCodePermissions(pm, root, "")
	// Each agent's permission overrides the config's for that agent:
	// agent.NAME.permission in V1, agents.NAME.permissions in V2.
	for _, key := range []string{"agent", "agents"} {
		if agents, _ := section(root, key); agents != nil {
			for _, e := range agents.Entries {
				if e.Value.Kind == syntax.Mapping {
					openCodePermissions(pm, e.Value, key+"."+e.Key.Value+" ")
				}
			}
		}
	}
	if len(pm.ApproveAll) > 0 {
		a.Permissions = pm
	}
	f.Agents = []*model.Agent{a}
}

// openCodeServers reads OpenCode's mcp section: a local server's command
// is a list, its program first; a remote one has a url.
func openCodeServers(root *syntax.Node) []*model.Server {
	mcp, _ := section(root, "mcp")
	if mcp == nil {
		return nil
	}
	var servers []*model.Server
	for _, e := range mcp.Entries {
		if e.Value.Kind != syntax.Mapping {
			continue
		}
		s := decodeServer(e)
		if argv := list(e.Value, "command").Items; len(argv) > 0 {
			s.Command, s.Args = argv[0], argv[1:]
		}
		if env := settings(e.Value, "environment"); len(env) > 0 {
			s.Env = env
		}
		servers = append(servers, s)
	}
	return servers
}

// openCodePermissions adds to pm what a config's or an agent's
// permission (V1) or permissions (V2) approve without asking; where names
// the agent for the message.
func openCodePermissions(pm *model.Permissions, n *syntax.Node, where string) {
	approve := func(setting string, span syntax.Span, what string) {
		pm.Approve(where+setting, span, what)
	}
	if e, ok := n.Lookup("permission"); ok {
		switch v := e.Value; {
		case v.Kind == syntax.Scalar && v.Value == "allow":
			approve(`permission "allow"`, e.Span(), "action, shell commands included")
		case v.Kind == syntax.Mapping:
			for _, tool := range []struct{ key, what string }{{"*", "action, shell commands included"}, {"bash", "shell command"}} {
				t, ok := v.Lookup(tool.key)
				if !ok {
					continue
				}
				rule := t.Value
				if rule.Kind == syntax.Mapping {
					if star, ok := rule.Lookup("*"); ok {
						t, rule = star, star.Value
					}
				}
				if rule.Kind == syntax.Scalar && rule.Value == "allow" {
					approve("permission "+tool.key+` "allow"`, t.Span(), tool.what)
				}
			}
		}
	}
	if e, ok := n.Lookup("permissions"); ok && e.Value.Kind == syntax.Sequence {
		for _, r := range e.Value.Items {
			action, resource, effect := str(r, "action"), str(r, "resource"), str(r, "effect")
			if effect.Value == "allow" && resource.Value == "*" && (action.Value == "*" || action.Value == "shell") {
				what := "shell command"
				if action.Value == "*" {
					what = "action, shell commands included"
				}
				approve(`permissions {action: "`+action.Value+`", resource: "*", effect: "allow"}`, syntax.At(r.Span.Start), what)
			}
		}
	}
}
