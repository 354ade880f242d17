package loader

import (
	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

// loadOpenCode reads OpenCode's opencode.json (opencode.ai/docs/config,
// /docs/permissions): its permission (V1: "allow" for everything, or by
// tool, "*" and "bash" among them, each "allow", "ask" or "deny" or a map
// of patterns to those) or permissions (V2: a list of {action, resource,
// effect}), and its MCP servers under mcp, whose command is a list.
func loadOpenCode(f *model.File, root *syntax.Node) {
	f.Format, f.Root = model.FormatOpenCode, root
	a := newForeignAgent(root)
	a.Servers = openCodeServers(root)
	pm := &model.Permissions{Span: syntax.At(root.Span.Start)}
	approve := func(setting model.Field[string], what string) {
		pm.ApproveAll = append(pm.ApproveAll, model.Approval{Setting: setting, What: what})
	}
	if e, ok := root.Lookup("permission"); ok {
		switch v := e.Value; {
		case v.Kind == syntax.Scalar && v.Value == "allow":
			approve(model.Field[string]{Value: `permission "allow"`, Span: e.Span()}, "action, shell commands included")
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
					approve(model.Field[string]{Value: "permission " + tool.key + ` "allow"`, Span: t.Span()}, tool.what)
				}
			}
		}
	}
	if e, ok := root.Lookup("permissions"); ok && e.Value.Kind == syntax.Sequence {
		for _, r := range e.Value.Items {
			action, resource, effect := str(r, "action"), str(r, "resource"), str(r, "effect")
			if effect.Value == "allow" && resource.Value == "*" && (action.Value == "*" || action.Value == "shell") {
				what := "shell command"
				if action.Value == "*" {
					what = "action, shell commands included"
				}
				approve(model.Field[string]{Value: `permissions {action: "` + action.Value + `", resource: "*", effect: "allow"}`, Span: syntax.At(r.Span.Start)}, what)
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
