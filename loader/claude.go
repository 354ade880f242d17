package loader

import (
	"bytes"
	"strings"

	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

// loadClaudeSettings reads Claude Code's settings.json: the permissions
// the coding agent has, and the MCP servers it may start.
func loadClaudeSettings(f *model.File, root *syntax.Node) {
	f.Format = FormatClaudeSettings
	f.Root = root
	a := newForeignAgent(root)
	a.Servers = decodeServers(root)
	if p, span := section(root, "permissions"); p != nil {
		a.Permissions = &model.Permissions{
			Span:        span,
			DefaultMode: str(p, "defaultMode"),
			Allow:       list(p, "allow"),
			Deny:        list(p, "deny"),
		}
	}
	f.Agents = []*model.Agent{a}
}

// loadMarkdownAgent reads an agent defined in Markdown with YAML front
// matter: a Claude Code subagent (.claude/agents/*.md, or a plugin's
// agents/*.md when sure is false) or a Copilot custom agent or chat mode
// (*.agent.md, *.chatmode.md). A file without front matter is not an
// agent, nor, unless sure, one whose front matter lacks a name and a
// description.
func loadMarkdownAgent(name string, src []byte, format string, sure bool) *model.File {
	f := &model.File{Path: name}
	front, ok := frontMatter(src)
	if !ok {
		return f
	}
	f.Format = format
	root, ok := parse(f, front, false, true)
	if !sure && (!ok || !declaresAgent(root)) {
		return &model.File{Path: name}
	}
	if !ok {
		return f
	}
	if root.Kind != syntax.Mapping {
		addProblem(f, model.Invalid, syntax.At(root.Span.Start), "the front matter is a %s, not a mapping of keys", root.KindName())
		return f
	}
	a := describedAgent(f, format, root)
	a.Servers = decodeServers(root)
	// With no tools list, the agent gets every tool of its host, MCP
	// servers' included.
	e, ok := root.Lookup("tools")
	switch {
	case !ok:
		a.AllTools = syntax.At(root.Span.Start)
	case e.Value.Kind == syntax.Scalar && strings.TrimSpace(e.Value.Value) == "*",
		e.Value.Kind == syntax.Sequence && containsStar(e.Value):
		a.AllTools = e.Span()
	}
	return f
}

// declaresAgent reports front matter that names and describes an agent,
// as every Claude Code subagent's does.
func declaresAgent(root *syntax.Node) bool {
	if root.Kind != syntax.Mapping {
		return false
	}
	_, name := root.Lookup("name")
	_, description := root.Lookup("description")
	return name && description
}

func containsStar(seq *syntax.Node) bool {
	for _, it := range seq.Items {
		if it.Kind == syntax.Scalar && strings.TrimSpace(it.Value) == "*" {
			return true
		}
	}
	return false
}

// frontMatter returns the YAML between a first line "---" and the next
// "---", as a YAML text whose lines are the file's lines: the body is cut
// off and the opening marker kept, so positions need no shifting.
func frontMatter(src []byte) ([]byte, bool) {
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		return nil, false
	}
	rest := src[3:]
	for off := 0; off < len(rest); {
		nl := bytes.IndexByte(rest[off:], '\n')
		if nl < 0 {
			return nil, false
		}
		line := bytes.TrimRight(rest[off:off+nl], "\r")
		if off > 0 && (bytes.Equal(line, []byte("---")) || bytes.Equal(line, []byte("..."))) {
			return src[:3+off], true
		}
		off += nl + 1
	}
	return nil, false
}
