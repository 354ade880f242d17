package loader

import (
	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

// serverKeys are where MCP clients keep their servers: mcpServers (Claude,
// Cursor, Roo, Gemini, Cline), servers (VS Code), mcp-servers (Copilot
// custom agents), context_servers (Zed).
var serverKeys = []string{"mcpServers", "servers", "mcp-servers", "context_servers", "mcp_servers"}

// loadMCP reads an MCP client config: one agent, the client, whose servers
// are the config's.
func loadMCP(f *model.File, root *syntax.Node) {
	f.Format = model.FormatMCP
	f.Root = root
	a := newForeignAgent(root)
	a.Servers = decodeServers(root)
	if a.Servers == nil && isFlatServers(root) {
		for _, e := range root.Entries {
			a.Servers = append(a.Servers, decodeServer(e))
		}
	}
	f.Agents = []*model.Agent{a}
}

// isFlatServers reports a map of servers with no key above it, as a
// Claude Code plugin's .mcp.json may be written ({"github": {"command":
// ...}}): every entry a mapping with a command or a url.
func isFlatServers(root *syntax.Node) bool {
	for _, e := range root.Entries {
		if e.Value.Kind != syntax.Mapping || !str(e.Value, "command").Present() && !str(e.Value, "url").Present() {
			return false
		}
	}
	return len(root.Entries) > 0
}

// decodeServers reads the servers under the first server key of n.
func decodeServers(n *syntax.Node) []*model.Server {
	for _, key := range serverKeys {
		e, ok := n.Lookup(key)
		if !ok || e.Value.Kind != syntax.Mapping {
			continue
		}
		var servers []*model.Server
		for _, se := range e.Value.Entries {
			if se.Value.Kind != syntax.Mapping {
				continue
			}
			servers = append(servers, decodeServer(se))
		}
		return servers
	}
	return nil
}

func decodeServer(e syntax.Entry) *model.Server {
	v := e.Value
	s := &model.Server{
		Span:        e.Key.Span,
		Name:        e.Key.Value,
		Command:     str(v, "command"),
		Args:        list(v, "args").Items,
		Env:         settings(v, "env"),
		Headers:     settings(v, "headers"),
		AutoApprove: list(v, "alwaysAllow"),
	}
	// Clients read one key or the other; an empty list under one must not
	// hide the tools under the other.
	if len(s.AutoApprove.Items) == 0 {
		if other := list(v, "autoApprove"); len(other.Items) > 0 {
			s.AutoApprove = other
		}
	}
	for _, key := range []string{"url", "serverUrl", "httpUrl"} {
		if u := str(v, key); u.Present() {
			s.URL = u
			break
		}
	}
	if t, ok := v.Lookup("trust"); ok && isTrue(t.Value) {
		s.TrustAll = t.Span()
	}
	return s
}

// settings reads a map of strings: env, headers.
func settings(n *syntax.Node, key string) []model.Setting {
	e, ok := n.Lookup(key)
	if !ok || e.Value.Kind != syntax.Mapping {
		return nil
	}
	var out []model.Setting
	for _, kv := range e.Value.Entries {
		if kv.Value.Kind == syntax.Scalar && kv.Value.Type != syntax.Null {
			out = append(out, model.Setting{Key: kv.Key.Value, Value: model.Field[string]{Value: kv.Value.Value, Span: kv.Span()}})
		}
	}
	return out
}
