package loader

import (
	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

// loadGeminiExtension reads a Gemini CLI extension's gemini-extension.json
// (google-gemini/gemini-cli docs/extensions/reference.md): its name,
// description and version, and the MCP servers it starts, written as in
// settings.json, for everyone who installs it. Its contextFileName is a
// file read as instructions where it lies (GEMINI.md), and excludeTools
// only takes tools away.
func loadGeminiExtension(f *model.File, root *syntax.Node) {
	a := describedAgent(f, model.FormatGemini, root)
	a.Servers = decodeServers(root)
}
