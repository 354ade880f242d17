package loader

import (
	"path"
	"strings"

	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

// Candidate reports whether a file may hold a format atflint reads, by
// its path alone; the walk opens only these: every JSON and YAML file,
// and the Markdown files agents are defined in. Whether a file really
// holds a format is decided on its content, by Load.
func Candidate(name string) bool {
	p := strings.ReplaceAll(name, `\`, "/")
	base := path.Base(p)
	switch path.Ext(base) {
	case ".json", ".yaml", ".yml":
		return true
	case ".md":
		format, _ := markdownAgent(p)
		return format != ""
	}
	return false
}

// markdownAgent tells, by its path, the format of a Markdown file that may
// define an agent, and whether the path alone makes it one. A Markdown
// file in an agents folder outside .claude, as Claude Code plugins ship
// them, is an agent only when its front matter says so.
func markdownAgent(p string) (format model.Format, sure bool) {
	base, dir := path.Base(p), path.Base(path.Dir(p))
	switch {
	case strings.HasSuffix(base, ".agent.md") || strings.HasSuffix(base, ".chatmode.md"),
		dir == "agents" && path.Base(path.Dir(path.Dir(p))) == ".github":
		return model.FormatCopilotAgent, true
	case strings.Contains("/"+p, "/.claude/agents/"):
		return model.FormatClaudeAgent, true // Claude Code reads its subfolders too
	case dir == "agents" && !inDocs(p):
		return model.FormatClaudeAgent, false
	}
	return "", false
}

// inDocs reports a path inside a documentation folder, whose pages may
// describe agents in front matter without being any.
func inDocs(p string) bool {
	for _, part := range strings.Split(path.Dir(p), "/") {
		switch strings.ToLower(part) {
		case "docs", "doc", "documentation", "website", "site":
			return true
		}
	}
	return false
}

// configName reports the names of MCP client configs and Claude Code
// settings, which are configs whatever their content: a broken one is a
// finding, where a broken JSON file of any other name is none of
// atflint's business.
func configName(p string) bool {
	base, dir := path.Base(p), path.Base(path.Dir(p))
	switch base {
	case ".mcp.json", "mcp.json", "claude_desktop_config.json", "mcp_settings.json", "cline_mcp_settings.json":
		return true
	case "settings.json", "settings.local.json":
		return dir == ".claude" || dir == ".gemini"
	}
	return false
}

// Load reads a file in the format its path and content say. A file that
// holds none of the formats loads as a File with no Format and no agent,
// and, if it does not parse, the problem. It never fails: what it cannot
// read is a Problem of the file.
func Load(name string, src []byte) *model.File {
	p := strings.ReplaceAll(name, `\`, "/")
	base, dir := path.Base(p), path.Base(path.Dir(p))
	switch {
	case atf.IsManifestName(base):
		return LoadATF(name, src)
	case path.Ext(base) == ".md":
		if format, sure := markdownAgent(p); format != "" {
			return declarePurpose(loadMarkdownAgent(name, src, format, sure))
		}
		return &model.File{Path: name}
	case path.Ext(base) == ".json" || path.Ext(base) == ".yaml" || path.Ext(base) == ".yml":
	default:
		return &model.File{Path: name}
	}
	f := &model.File{Path: name}
	root, ok := parse(f, src, path.Ext(base) == ".json", false)
	if !ok {
		// A broken file named as a config is a finding; any other keeps
		// its problems but no format, and the caller decides.
		if configName(p) {
			f.Format = model.FormatMCP
		}
		return f
	}
	switch {
	case root.Kind != syntax.Mapping:
	case dir == ".claude" && (base == "settings.json" || base == "settings.local.json"):
		loadClaudeSettings(f, root)
	case dir == ".vscode" && base == "settings.json" && isVSCodeAgentSettings(root):
		loadVSCodeSettings(f, root)
	case hasServers(p, root):
		loadMCP(f, root)
	case isA2ACard(root):
		loadA2A(f, root)
	case isM365(root):
		loadM365(f, root)
	case isAGT(root):
		loadAGT(f, root)
	case isCagent(root):
		loadCagent(f, root)
	case isCrewAI(root):
		loadCrewAI(f, root)
	case isLangGraph(root):
		loadLangGraph(f, root)
	case isADK(root):
		loadADK(f, root)
	case isMisnamedManifest(root):
		return manifestFrom(f, root)
	}
	return declarePurpose(f)
}

// declarePurpose marks I-4 declared for the agents of a foreign file that
// describe what they are for, as every such format's description does.
func declarePurpose(f *model.File) *model.File {
	field := "description"
	if f.Format == model.FormatCrewAI {
		field = "goal"
	}
	for _, a := range f.Agents {
		if strings.TrimSpace(a.Purpose.Value) != "" && a.Controls["I-4"].State != model.Declared {
			a.Controls["I-4"] = model.Control{State: model.Declared, Field: field, Span: a.Purpose.Span}
		}
	}
	return f
}

// isMisnamedManifest reports a manifest under a name other than
// *.atf.yaml: its root declares the ATF version and an agent.
func isMisnamedManifest(root *syntax.Node) bool {
	_, atf := root.Lookup("atf")
	_, agent := root.Lookup("agent")
	return atf && agent
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// hasServers reports an MCP client config: a map of servers under one of
// the keys clients use. "servers" alone is too common a key to tell an MCP
// config from any other file, so it counts only in a file named as one.
func hasServers(p string, root *syntax.Node) bool {
	for _, key := range serverKeys {
		if e, ok := root.Lookup(key); ok && e.Value.Kind == syntax.Mapping && (key != "servers" || configName(p)) {
			return true
		}
	}
	return false
}

// describedAgent makes f a file of format whose one agent is root's,
// named and described by its name and description keys, and returns it.
func describedAgent(f *model.File, format model.Format, root *syntax.Node) *model.Agent {
	f.Format, f.Root = format, root
	a := newForeignAgent(root)
	a.Name = str(root, "name")
	a.Purpose = str(root, "description")
	f.Agents = []*model.Agent{a}
	return a
}

// newForeignAgent starts the agent of a file that is not an ATF manifest:
// every ATF requirement is absent unless the loader finds it declared,
// and the level is unknown unless the run gives one.
func newForeignAgent(root *syntax.Node) *model.Agent {
	start := syntax.At(root.Span.Start)
	a := &model.Agent{Span: start, Controls: map[string]model.Control{}}
	for _, r := range atf.Requirements() {
		a.Controls[r.ID] = model.Control{Span: start}
	}
	return a
}
