package loader

import (
	"bytes"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

// isClaudeSettings reports Claude Code settings by their content, for a
// file named on the command line under another name: a permissions block
// with its lists, hooks grouped by matcher, or the settings that start MCP
// servers.
func isClaudeSettings(root *syntax.Node) bool {
	if e, ok := root.Lookup("permissions"); ok && e.Value.Kind == syntax.Mapping {
		for _, k := range []string{"allow", "deny", "ask", "defaultMode"} {
			if _, ok := e.Value.Lookup(k); ok {
				return true
			}
		}
	}
	if grouped, ok := hookGroups(root); ok && grouped {
		return true
	}
	if hooks, _ := section(root, "hooks"); hooks != nil && len(hooks.Entries) == 0 && !hasKey(root, "version") {
		return true // no hooks yet, and not Cursor's file
	}
	return hasKey(root, "enableAllProjectMcpServers", "enabledMcpjsonServers")
}

// loadClaudeSettings reads Claude Code's settings.json: the permissions
// the coding agent has, the MCP servers it may start, and the hooks it
// runs (docs.claude.com/en/docs/claude-code/hooks: under hooks, each event
// holds matchers, and each matcher the hooks it runs, a command or an
// http endpoint among them).
func loadClaudeSettings(f *model.File, root *syntax.Node) {
	f.Format = model.FormatClaudeSettings
	f.Root = root
	a := newForeignAgent(root)
	a.Servers = decodeServers(root)
	a.Hooks = decodeHooks(root)
	if e, ok := root.Lookup("enableAllProjectMcpServers"); ok && isTrue(e.Value) {
		a.StartsAllServers = e.Span()
	}
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

// vscodeApproveAll are the VS Code settings that approve every tool call
// of the chat agent, terminal commands included: the first name is the
// setting's older one.
var vscodeApproveAll = []string{"chat.tools.autoApprove", "chat.tools.global.autoApprove"}

// vscodeApproveLists are VS Code's lists of what its agent may do without
// asking, by kind: an entry that matches everything approves every call.
var vscodeApproveLists = map[string]string{
	"chat.tools.terminal.autoApprove": "terminal command",
	"chat.tools.urls.autoApprove":     "URL fetch",
}

// isVSCodeAgentSettings reports VS Code settings that configure its chat
// agent: tool approval, or MCP servers under "mcp" (mcp.servers, with
// mcp.inputs for their secrets; OpenCode has an mcp of its own, its
// servers directly below it). Other settings are
// none of atflint's business.
func isVSCodeAgentSettings(root *syntax.Node) bool {
	for _, key := range vscodeApproveAll {
		if _, ok := root.Lookup(key); ok {
			return true
		}
	}
	for key := range vscodeApproveLists {
		if _, ok := root.Lookup(key); ok {
			return true
		}
	}
	mcp, _ := section(root, "mcp")
	return mcp != nil && hasKey(mcp, "servers", "inputs")
}

// loadVSCodeSettings reads a workspace's .vscode/settings.json: what the
// agent approves by itself, and the MCP servers of its "mcp" section.
func loadVSCodeSettings(f *model.File, root *syntax.Node) {
	f.Format = model.FormatVSCodeSettings
	f.Root = root
	a := newForeignAgent(root)
	if mcp, ok := root.Lookup("mcp"); ok {
		a.Servers = decodeServers(mcp.Value)
	}
	var approvals []model.Approval
	for _, key := range vscodeApproveAll {
		if e, ok := root.Lookup(key); ok && isTrue(e.Value) {
			approvals = append(approvals, model.Approval{Setting: model.Field[string]{Value: key, Span: e.Span()}, What: "tool call (terminal commands included)"})
		}
	}
	for _, key := range slices.Sorted(maps.Keys(vscodeApproveLists)) {
		e, ok := root.Lookup(key)
		if !ok || e.Value.Kind != syntax.Mapping {
			continue
		}
		for _, entry := range e.Value.Entries {
			if matchesEverything(entry.Key.Value) && approves(entry.Value) {
				approvals = append(approvals, model.Approval{Setting: model.Field[string]{Value: key + " " + strconv.Quote(entry.Key.Value), Span: entry.Span()}, What: vscodeApproveLists[key]})
			}
		}
	}
	if len(approvals) > 0 {
		a.Permissions = &model.Permissions{Span: approvals[0].Setting.Span, ApproveAll: approvals}
	}
	f.Agents = []*model.Agent{a}
}

// matchesEverything reports a pattern of VS Code's approval lists that
// matches any command or URL: "*", or a regular expression such as /.*/.
func matchesEverything(pattern string) bool {
	p := strings.TrimSpace(pattern)
	if strings.HasPrefix(p, "/") && strings.LastIndex(p, "/") > 0 {
		p = p[1:strings.LastIndex(p, "/")] // the flags after the last slash do not narrow it
		if p == "" {
			return true // the empty expression matches every line
		}
		p = strings.TrimSuffix(strings.TrimPrefix(p, "^"), "$")
		return p == ".*" || p == ".+"
	}
	return strings.Trim(p, "*/:") == "" || p == "https://*" || p == "http://*"
}

// approves reports an entry that approves: true, or an object with a true
// approval in it (URL entries approve requests and responses apart).
func approves(v *syntax.Node) bool {
	if v.Kind == syntax.Scalar {
		return isTrue(v)
	}
	for _, e := range v.Entries {
		if approves(e.Value) {
			return true
		}
	}
	return false
}

// loadMarkdownAgent reads an agent defined in Markdown with YAML front
// matter: a Claude Code subagent (.claude/agents/*.md, or a plugin's
// agents/*.md when sure is false) or a Copilot custom agent or chat mode
// (*.agent.md, *.chatmode.md, .github/agents/*.md). A file without front
// matter is not an agent, nor, unless sure, one whose front matter does not
// look like a subagent's.
func loadMarkdownAgent(name string, src []byte, format model.Format, sure bool) *model.File {
	f := &model.File{Path: name}
	front, ok := frontMatter(src)
	if !ok {
		if sure && opensFrontMatter(src) {
			// Said, not passed over: what the host reads of it is not
			// what its author wrote.
			f.Format = format
			msg := "the front matter opened on line 1 is never closed by a line ---, so its name, description and tools are not read"
			if !bytes.Contains(src, []byte("\n")) {
				msg = "the lines of this file end in a carriage return alone, so its front matter is never closed by a line --- and its name, description and tools are not read; end its lines with \\n"
			}
			addProblem(f, model.Invalid, syntax.At(syntax.Pos{Line: 1, Col: 1}), "%s", msg)
		}
		return f
	}
	f.Format = format
	root, ok := parse(f, front, nil, false, true)
	// Front matter that does not parse and is not empty is text that is
	// not YAML, which Claude Code handles in its own ways.
	notYAML := !ok && len(bytes.TrimSpace(front[3:])) > 0
	if notYAML && !sure {
		// Claude Code loads plugin agents and project subagents apart:
		// a plugin agent whose front matter does not parse is still
		// registered, with a placeholder description and every tool
		// (anthropics/claude-code#91871), where a project subagent is
		// skipped (#45971).
		loose := syntax.ParseLooseMapping(front)
		if loose == nil || !declaresAgent(loose, name) {
			return &model.File{Path: name}
		}
		f.Problems[len(f.Problems)-1].Message += "; Claude Code then loads this plugin agent with a placeholder description and every tool" + quoteHint(front)
		a := describedAgent(f, format, loose)
		a.AllTools = syntax.At(loose.Entries[0].Key.Span.Start)
		return f
	}
	if !sure && (!ok || !declaresAgent(root, name)) {
		return &model.File{Path: name}
	}
	if notYAML && format == model.FormatClaudeSkill {
		// Claude Code reads a skill's front matter leniently, line by
		// line, where hosts that read it as YAML skip the skill.
		if loose := syntax.ParseLooseMapping(front); loose != nil {
			f.Problems[len(f.Problems)-1].Message += "; Claude Code still reads this skill, line by line, but hosts that read skills as YAML skip it (quote the value)"
			root, ok = loose, true
		}
	}
	if !ok {
		if notYAML && format == model.FormatClaudeAgent {
			f.Problems[len(f.Problems)-1].Message += "; Claude Code skips a subagent whose front matter does not parse" + quoteHint(front)
		}
		return f
	}
	if root.Kind != syntax.Mapping {
		addProblem(f, model.Invalid, syntax.At(root.Span.Start), "the front matter is a %s, not a mapping of keys", root.KindName())
		return f
	}
	a := describedAgent(f, format, root)
	a.Servers = decodeServers(root)
	a.Instructions = markdownBody(src, front)
	// Skills and subagents may carry hooks of their own, written as in
	// settings: a skill's stay for the rest of the session once it is
	// used, a subagent's run while it does (docs.claude.com/en/docs/
	// claude-code/hooks, "Hooks in skills and agents").
	if format == model.FormatClaudeSkill || format == model.FormatClaudeAgent {
		a.Hooks = decodeHooks(root)
	}
	if format == model.FormatOpenCodeAgent {
		// An OpenCode agent in Markdown (opencode.ai/docs/agents, in
		// .opencode/agent or agents): its front matter takes the keys of
		// an agent in opencode.json, permission among them.
		pm := &model.Permissions{Span: syntax.At(root.Span.Start)}
		if openCodePermissions(pm, root, ""); len(pm.ApproveAll) > 0 {
			a.Permissions = pm
		}
		return f
	}
	if format == model.FormatClaudeSkill {
		// A skill's allowed-tools run without asking while it is active
		// (docs.claude.com/en/docs/claude-code/skills); with none, the
		// session's own permissions apply.
		if tools := allowedTools(root); tools.Present() {
			a.Permissions = &model.Permissions{Span: tools.Span, Allow: tools, AddOnly: true}
		}
		return f
	}
	// A subagent's permissionMode is its own defaultMode; with
	// bypassPermissions it runs every tool call unasked.
	if pmode := str(root, "permissionMode"); format == model.FormatClaudeAgent && pmode.Value == "bypassPermissions" {
		a.Permissions = &model.Permissions{Span: pmode.Span, AddOnly: true, ApproveAll: []model.Approval{{
			Setting: model.Field[string]{Value: "permissionMode: bypassPermissions", Span: pmode.Span}, What: "tool call, shell commands included"}}}
	}
	// With no tools list, the agent gets every tool of its host, MCP
	// servers' included.
	e, ok := root.Lookup("tools")
	switch {
	case !ok:
		a.AllTools = syntax.At(root.Span.Start)
	case e.Value.Kind == syntax.Scalar && slices.Contains(splitTrim(e.Value.Value), "*"),
		e.Value.Kind == syntax.Sequence && containsStar(e.Value):
		a.AllTools = e.Span()
	}
	return f
}

// quoteHint is the usual fix of front matter that is text but not YAML: a
// description with ": " in it, which YAML reads as a key.
func quoteHint(front []byte) string {
	if utf8.Valid(front) {
		return " (quote the description)"
	}
	return ""
}

// declaresAgent reports front matter that looks like a Claude Code
// subagent's: it names and describes an agent, and either the name is the
// file's or it sets a key only subagents have. A page of documentation
// with a name and a description is not one.
func declaresAgent(root *syntax.Node, file string) bool {
	if root.Kind != syntax.Mapping {
		return false
	}
	n, hasName := root.Lookup("name")
	_, hasDescription := root.Lookup("description")
	if !hasName || !hasDescription {
		return false
	}
	stem := strings.TrimSuffix(path.Base(strings.ReplaceAll(file, `\`, "/")), ".md")
	if n.Value.Kind == syntax.Scalar && n.Value.Value == stem {
		return true
	}
	for _, key := range []string{"tools", "model", "color"} {
		if _, ok := root.Lookup(key); ok {
			return true
		}
	}
	return false
}

// splitTrim splits a comma-separated list, as "tools: Read, Grep" is.
func splitTrim(s string) []string {
	parts := strings.Split(s, ",")
	for i, p := range parts {
		parts[i] = strings.TrimSpace(p)
	}
	return parts
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
	if !opensFrontMatter(src) {
		return nil, false
	}
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
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

// opensFrontMatter reports a file whose first line is "---", ended by
// any line break.
func opensFrontMatter(src []byte) bool {
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	return bytes.HasPrefix(src, []byte("---\n")) || bytes.HasPrefix(src, []byte("---\r"))
}

// allowedTools reads a skill's allowed-tools: a list, or one string of
// entries separated by commas ("Read, Grep, Bash(git:*)"), each entry then
// at the span of the string.
func allowedTools(root *syntax.Node) model.List {
	e, ok := root.Lookup("allowed-tools")
	if !ok {
		return model.List{}
	}
	if e.Value.Kind == syntax.Sequence {
		return list(root, "allowed-tools")
	}
	l := model.List{Span: e.Key.Span}
	if e.Value.Kind == syntax.Scalar && e.Value.Type == syntax.String {
		for _, t := range splitTools(e.Value.Value) {
			l.Items = append(l.Items, model.Field[string]{Value: t, Span: e.Value.Span})
		}
	}
	return l
}

// splitTools splits "Read, Bash(git add:*, git commit:*)" at the commas
// outside parentheses.
func splitTools(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case r == ',' && depth == 0:
			if t := strings.TrimSpace(s[start:i]); t != "" {
				out = append(out, t)
			}
			start = i + 1
		}
	}
	if t := strings.TrimSpace(s[start:]); t != "" {
		out = append(out, t)
	}
	return out
}

// markdownBody is the text after a Markdown file's front matter (front,
// as frontMatter returns it), and where it starts.
func markdownBody(src, front []byte) *model.Text {
	bom := len(src) - len(bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF")))
	off := bom + len(front)
	if nl := bytes.IndexByte(src[off:], '\n'); nl >= 0 {
		off += nl + 1 // past the closing ---
	} else {
		off = len(src)
	}
	return &model.Text{Value: string(src[off:]), Start: syntax.Pos{Line: bytes.Count(src[:off], []byte("\n")) + 1, Col: 1}}
}

// loadHookList reads a file of hooks listed by event, as Cursor's
// .cursor/hooks.json (cursor.com/docs/agent/hooks) and Windsurf's
// .windsurf/hooks.json (docs.windsurf.com/windsurf/cascade/hooks) write
// them: a list of commands under each event.
func loadHookList(format model.Format) func(*model.File, *syntax.Node) {
	return func(f *model.File, root *syntax.Node) {
		f.Format, f.Root = format, root
		a := newForeignAgent(root)
		a.Hooks = flatHooks(root)
		f.Agents = []*model.Agent{a}
	}
}

// flatHooks reads hooks listed by event with no matcher groups, as
// Cursor and Amazon Q write them: {"hooks": {event: [{"command": ...,
// "matcher": ...}]}}.
func flatHooks(root *syntax.Node) []*model.Hook {
	var hooks []*model.Hook
	eachEvent(root, func(event string, h *syntax.Node) {
		hooks = append(hooks, hookOf(event, str(h, "matcher").Value, h))
	})
	return hooks
}

// eachEvent calls fn on each mapping listed under each event of a file's
// hooks.
func eachEvent(root *syntax.Node, fn func(event string, item *syntax.Node)) {
	events, _ := section(root, "hooks")
	if events == nil {
		return
	}
	for _, ev := range events.Entries {
		if ev.Value.Kind != syntax.Sequence {
			continue
		}
		for _, it := range ev.Value.Items {
			if it.Kind == syntax.Mapping {
				fn(ev.Key.Value, it)
			}
		}
	}
}

// hookOf reads one hook of an event, as Claude Code and Cursor write it.
func hookOf(event, matcher string, h *syntax.Node) *model.Hook {
	return &model.Hook{Span: h.Span, Event: event, Matcher: matcher, Type: str(h, "type"), Command: str(h, "command"), URL: str(h, "url")}
}

// decodeHooks reads the hooks of Claude Code settings, each with its
// event and matcher.
func decodeHooks(root *syntax.Node) []*model.Hook {
	var hooks []*model.Hook
	eachEvent(root, func(event string, m *syntax.Node) {
		matcher := str(m, "matcher").Value
		hs, ok := m.Lookup("hooks")
		if !ok || hs.Value.Kind != syntax.Sequence {
			return
		}
		for _, h := range hs.Value.Items {
			if h.Kind == syntax.Mapping {
				hooks = append(hooks, hookOf(event, matcher, h))
			}
		}
	})
	return hooks
}
