package loader

import (
	"path"
	"strings"

	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

// Formats other than the ATF manifest.
const (
	FormatMCP            = "mcp-client"
	FormatClaudeSettings = "claude-settings"
	FormatClaudeAgent    = "claude-subagent"
	FormatCopilotAgent   = "copilot-agent"
)

// Candidate reports whether a file may hold a format atflint reads, by
// its path alone; the walk opens only these. Whether it really does is
// decided on its content, by Load.
func Candidate(name string) bool {
	p := strings.ReplaceAll(name, `\`, "/")
	base, dir := path.Base(p), path.Base(path.Dir(p))
	switch {
	case IsATFManifest(base):
		return true
	case base == ".mcp.json" || base == "mcp.json" || base == "claude_desktop_config.json" ||
		base == "mcp_settings.json" || base == "cline_mcp_settings.json":
		return true
	case (base == "settings.json" || base == "settings.local.json") && (dir == ".claude" || dir == ".gemini"):
		return true
	case strings.HasSuffix(base, ".agent.md") || strings.HasSuffix(base, ".chatmode.md"):
		return true
	case strings.HasSuffix(base, ".md") && dir == "agents" && path.Base(path.Dir(path.Dir(p))) == ".claude":
		return true
	}
	return false
}

// Load reads a file in the format its path and content say. A file that
// holds none of the formats loads as a File with no Format and no agent.
// It never fails: what it cannot read is a Problem of the file.
func Load(name string, src []byte) *model.File {
	p := strings.ReplaceAll(name, `\`, "/")
	base, dir := path.Base(p), path.Base(path.Dir(p))
	switch {
	case IsATFManifest(base):
		return LoadATF(name, src)
	case strings.HasSuffix(base, ".md"):
		format := FormatClaudeAgent
		if strings.HasSuffix(base, ".agent.md") || strings.HasSuffix(base, ".chatmode.md") {
			format = FormatCopilotAgent
		}
		return loadMarkdownAgent(name, src, format)
	case strings.HasSuffix(base, ".json"):
		f := &model.File{Path: name}
		root, ok := parseOne(f, src, true)
		if !ok {
			// A broken config is worth a finding only where the name says
			// what it is meant to be.
			if Candidate(name) {
				f.Format = FormatMCP
			}
			return f
		}
		switch {
		case dir == ".claude" && (base == "settings.json" || base == "settings.local.json"):
			loadClaudeSettings(f, root)
		case hasServers(root):
			loadMCP(f, root)
		}
		return f
	}
	return &model.File{Path: name}
}

// hasServers reports an MCP client config: a map of servers under one of
// the keys clients use.
func hasServers(root *syntax.Node) bool {
	for _, key := range serverKeys {
		if e, ok := root.Lookup(key); ok && e.Value.Kind == syntax.Mapping {
			return true
		}
	}
	return false
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
