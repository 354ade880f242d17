package loader

import (
	"bytes"
	"cmp"
	"path"
	"slices"
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
	case ".json", ".jsonc", ".yaml", ".yml":
		return true
	case ".md":
		format, _ := markdownAgent(p)
		return format != "" || instructionsName(p)
	case ".mdc", ".toml":
		return instructionsName(p) || codexConfigName(p)
	case ".hook":
		return kiroHookName(p)
	}
	return base == ".windsurfrules" || base == ".cursorrules"
}

// instructionsName reports the files coding agents read as standing
// instructions for the model: AGENTS.md, CLAUDE.md and GEMINI.md in any
// directory, Copilot's .github/copilot-instructions.md and
// .github/instructions/*.instructions.md, Cursor's .cursor/rules/*.mdc
// and its older .cursorrules,
// Kiro's steering (.kiro/steering/*.md), Windsurf's rules
// (.windsurf/rules/*.md, .windsurfrules), Continue's (.continue/rules/*.md)
// and Amazon Q's (.amazonq/rules/**/*.md).
func instructionsName(p string) bool {
	base, dir := path.Base(p), path.Base(path.Dir(p))
	switch {
	case base == "AGENTS.md" || base == "CLAUDE.md" || base == "CLAUDE.local.md" || base == "GEMINI.md" || base == ".windsurfrules" || base == ".cursorrules":
		return true
	case path.Ext(base) == ".md" && underFolder(p, ".kiro/steering", ".windsurf/rules", ".continue/rules", ".amazonq/rules"):
		return true
	case base == "copilot-instructions.md" && dir == ".github",
		strings.HasSuffix(base, ".instructions.md") && dir == "instructions" && path.Base(path.Dir(path.Dir(p))) == ".github":
		return true
	case path.Ext(base) == ".mdc" && dir == "rules" && path.Base(path.Dir(path.Dir(p))) == ".cursor":
		return true
	}
	return false
}

// underFolder reports a path below one of the folders (each written as
// "a/b"), at any depth of the tree.
func underFolder(p string, folders ...string) bool {
	for _, f := range folders {
		if strings.HasPrefix(p, f+"/") || strings.Contains(p, "/"+f+"/") {
			return true
		}
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
	case base == "SKILL.md" && path.Base(path.Dir(path.Dir(p))) == "skills":
		// Claude Code's skills: .claude/skills/NAME/SKILL.md, and a
		// plugin's skills/NAME/SKILL.md.
		return model.FormatClaudeSkill, true
	case strings.HasSuffix(base, ".agent.md") || strings.HasSuffix(base, ".chatmode.md"),
		dir == "agents" && path.Base(path.Dir(path.Dir(p))) == ".github":
		return model.FormatCopilotAgent, true
	case underFolder(p, ".opencode/agent", ".opencode/agents"):
		return model.FormatOpenCodeAgent, true
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

// A format is one of the formats atflint reads from JSON and YAML: how a
// file is recognised as it, and how it is read. Load tries them in the
// order of formats.
type format struct {
	name model.Format
	// holds reports a parsed file (a mapping) that holds this format by
	// its content; p is its path, for the formats whose content alone
	// is too common a shape to tell.
	holds func(p string, root *syntax.Node) bool
	// file, if set, reports a path that alone says the file is of this
	// format: such a file that does not parse is reported as this format,
	// not passed over as some other JSON or YAML.
	file func(p string) bool
	// named, if set, reports a file named on the command line that
	// holds this format wherever it lives, for a format holds tells by
	// its path.
	named func(root *syntax.Node) bool
	// schemas are the $schema URLs (or their beginnings) that declare the
	// format, wherever the file lives.
	schemas []string
	load    func(f *model.File, root *syntax.Node) *model.File
}

// formats are the formats of JSON and YAML files, in the order they are
// tried: one told by its path first, then by content, the most specific
// shape first.
var formats = []format{
	{name: model.FormatClaudeSettings,
		file:    claudeSettingsName,
		named:   isClaudeSettings,
		schemas: []string{"https://json.schemastore.org/claude-code-settings.json"},
		load:    loadWith(loadClaudeSettings)},
	{name: model.FormatVSCodeSettings,
		holds: func(p string, root *syntax.Node) bool {
			return path.Base(path.Dir(p)) == ".vscode" && path.Base(p) == "settings.json" && isVSCodeAgentSettings(root)
		},
		named: isVSCodeAgentSettings,
		load:  loadWith(loadVSCodeSettings)},
	{name: model.FormatZed,
		holds: func(p string, root *syntax.Node) bool { return zedSettingsName(p) && isZedAgentSettings(root) },
		named: func(root *syntax.Node) bool { servers, _ := section(root, "context_servers"); return servers != nil },
		load:  loadWith(loadZedSettings)},
	{name: model.FormatCodex, file: codexConfigName, named: isCodexConfig, load: loadWith(loadCodex)},
	{name: model.FormatCursorHooks, file: hooksIn(".cursor"), named: isFlatHooks(false), load: loadWith(loadHookList(model.FormatCursorHooks))},
	{name: model.FormatKiroHook, file: kiroHookName, named: isKiroHook, load: loadWith(loadKiroHook)},
	{name: model.FormatWindsurfHooks, file: hooksIn(".windsurf"), named: isFlatHooks(true), load: loadWith(loadHookList(model.FormatWindsurfHooks))},
	{name: model.FormatOpenCode,
		file: func(p string) bool {
			b := path.Base(p)
			return b == "opencode.json" || b == "opencode.jsonc"
		},
		named:   isOpenCodeConfig,
		schemas: []string{"https://opencode.ai/config.json"},
		load:    loadWith(loadOpenCode)},
	{name: model.FormatClaudePlugin,
		file:  pluginManifestName,
		holds: isPluginHooks,
		named: isPluginManifest,
		load:  loadWith(loadClaudePlugin)},
	{name: model.FormatMarketplace,
		file:  marketplaceName,
		named: isMarketplace,
		schemas: []string{"https://anthropic.com/claude-code/marketplace.schema.json",
			"https://json.schemastore.org/claude-code-marketplace.json"},
		load: loadWith(loadMarketplace)},
	{name: model.FormatContinue, file: continueName, named: isContinueConfig, load: loadWith(loadContinue)},
	{name: model.FormatAmazonQAgent,
		file:    amazonQAgentName,
		named:   isAmazonQAgent,
		schemas: []string{"https://raw.githubusercontent.com/aws/amazon-q-developer-cli/"},
		load:    loadWith(loadAmazonQAgent)},
	{name: model.FormatGemini,
		file:  func(p string) bool { return path.Base(p) == "gemini-extension.json" },
		named: isGeminiExtension,
		load:  loadWith(loadGeminiExtension)},
	{name: model.FormatMCP,
		holds: func(p string, root *syntax.Node) bool {
			return hasServers(p, root) || path.Base(p) == ".mcp.json" && isFlatServers(root)
		},
		load: loadWith(loadMCP)},
	{name: model.FormatA2A, holds: ignorePath(isA2ACard), load: loadWith(loadA2A)},
	{name: model.FormatM365, holds: ignorePath(isM365), load: loadWith(loadM365)},
	{name: model.FormatAGT, holds: ignorePath(isAGT), load: loadWith(loadAGT)},
	{name: model.FormatCagent, holds: ignorePath(isCagent), load: loadWith(loadCagent)},
	{name: model.FormatCrewAI, holds: ignorePath(isCrewAI), load: loadWith(loadCrewAI)},
	{name: model.FormatLangGraph, holds: ignorePath(isLangGraph), load: loadWith(loadLangGraph)},
	{name: model.FormatADK, holds: ignorePath(isADK), load: loadWith(loadADK)},
	{name: model.FormatATF, holds: ignorePath(isMisnamedManifest), load: manifestFrom},
}

func loadWith(load func(*model.File, *syntax.Node)) func(*model.File, *syntax.Node) *model.File {
	return func(f *model.File, root *syntax.Node) *model.File {
		load(f, root)
		return f
	}
}

// hooksIn reports a hooks.json in a folder of the given name.
func hooksIn(dir string) func(string) bool {
	return func(p string) bool { return path.Base(p) == "hooks.json" && path.Base(path.Dir(p)) == dir }
}

func ignorePath(holds func(*syntax.Node) bool) func(string, *syntax.Node) bool {
	return func(_ string, root *syntax.Node) bool { return holds(root) }
}

// claudeSettingsName reports Claude Code's project settings files.
func claudeSettingsName(p string) bool {
	base := path.Base(p)
	return path.Base(path.Dir(p)) == ".claude" && (base == "settings.json" || base == "settings.local.json")
}

// Options say how a file came to be read.
type Options struct {
	// Named is set for a file named on the command line: it is read as
	// the format its content holds, wherever it lives.
	Named bool
	// As, if set, is the format to read the file as, whatever its name
	// and content say (--as).
	As model.Format
	// Arena, if set, is where a YAML file's tree is built: the caller
	// resets it once done with the file.
	Arena *syntax.Arena
}

// Load reads a file in the format its path and content say. A file that
// holds none of the formats loads as a File with no Format and no agent,
// and, if it does not parse, the problem. It never fails: what it cannot
// read is a Problem of the file.
func Load(name string, src []byte, opt Options) *model.File {
	p := strings.ReplaceAll(name, `\`, "/")
	base := path.Base(p)
	namedJSON := false
	switch {
	case opt.As == model.FormatATF || opt.As == "" && atf.IsManifestName(base):
		return loadATF(name, src, opt.Arena)
	case instructionsName(p):
		return loadInstructions(name, src)
	case path.Ext(base) == ".md":
		format, sure := markdownAgent(p)
		if format == "" && opt.Named {
			format, sure = namedMarkdownAgent(src)
		}
		if format != "" {
			return declarePurpose(loadMarkdownAgent(name, src, format, sure))
		}
		return &model.File{Path: name}
	case path.Ext(base) == ".toml" && (codexConfigName(p) || opt.Named || opt.As != ""):
		return loadTOML(name, src, p, opt)
	case path.Ext(base) == ".json" || path.Ext(base) == ".jsonc" || path.Ext(base) == ".yaml" || path.Ext(base) == ".yml" || kiroHookName(p) || opt.As != "":
	case opt.Named && jsonObject(src):
		// A JSON file under a name of its own (lint.hook), named to be read.
		namedJSON = true
	default:
		return &model.File{Path: name}
	}
	f := &model.File{Path: name}
	asJSON := path.Ext(base) == ".json" || path.Ext(base) == ".jsonc" || kiroHookName(p) || namedJSON
	root, ok := parse(f, src, opt.Arena, asJSON, false)
	if !ok {
		// A broken file named as a config, or to be read as one, is a
		// finding; any other keeps its problems but no format, and the
		// caller decides.
		switch {
		case opt.As != "":
			f.Format = opt.As
		default:
			f.Format = formatByName(p)
		}
		return f
	}
	if root.Kind != syntax.Mapping {
		if opt.As != "" {
			f.Format = opt.As
			addProblem(f, model.Invalid, root.Span, "a %s file is a mapping", opt.As)
		}
		return f
	}
	ft, ok := formatOf(p, root, opt)
	if !ok {
		return f
	}
	f = ft.load(f, root)
	if ft.name != model.FormatATF {
		// A manifest's purpose is its own control (I-4).
		f = declarePurpose(f)
	}
	return f
}

// jsonObject reports text that starts, after white space, as a JSON
// object does.
func jsonObject(src []byte) bool {
	t := bytes.TrimLeft(src, " \t\r\n\ufeff")
	return len(t) > 0 && t[0] == '{'
}

// FormatNames are the formats --as takes.
func FormatNames() []model.Format {
	names := []model.Format{model.FormatATF}
	for _, ft := range formats {
		if ft.name != model.FormatATF {
			names = append(names, ft.name)
		}
	}
	return names
}

// loadInstructions reads an instructions file as the prose it gives the
// model, after any front matter (Cursor's rules have some).
func loadInstructions(name string, src []byte) *model.File {
	f := &model.File{Path: name, Format: model.FormatInstructions}
	if front, ok := frontMatter(src); ok {
		f.Prose = []*model.Text{markdownBody(src, front)}
	} else {
		f.Prose = []*model.Text{{Value: string(src), Start: syntax.Pos{Line: 1, Col: 1}}}
	}
	return f
}

// loadTOML reads a TOML file: a Codex config by its name, or another
// named on the command line, whose content then says its format.
func loadTOML(name string, src []byte, p string, opt Options) *model.File {
	f := &model.File{Path: name}
	root, err := syntax.ParseTOML(src)
	if err != nil {
		f.Format = cmp.Or(opt.As, model.FormatCodex)
		pos := syntax.Pos{Line: 1, Col: 1}
		if se, ok := err.(*syntax.Error); ok {
			pos = se.Pos
		}
		addProblem(f, model.Invalid, syntax.At(pos), "invalid TOML: %s", strings.TrimPrefix(err.Error(), pos.String()+": "))
		return f
	}
	ft, ok := formatOf(p, root, opt)
	if !ok {
		return f
	}
	return declarePurpose(ft.load(f, root))
}

// codexConfigName reports OpenAI Codex's config: .codex/config.toml, in a
// project or a home directory.
func codexConfigName(p string) bool {
	return path.Base(p) == "config.toml" && path.Base(path.Dir(p)) == ".codex"
}

// formatByName is the format a file's path alone says, for a file that
// does not parse: "" when its name says none.
func formatByName(p string) model.Format {
	for _, ft := range formats {
		if ft.file != nil && ft.file(p) {
			return ft.name
		}
	}
	if configName(p) {
		return model.FormatMCP
	}
	return ""
}

// formatOf says which format a parsed file holds: the one --as names,
// else the one its $schema declares, else the first whose path or
// content it matches (content alone for a file named on the command
// line).
func formatOf(p string, root *syntax.Node, opt Options) (format, bool) {
	if opt.As != "" {
		i := slices.IndexFunc(formats, func(ft format) bool { return ft.name == opt.As })
		if i < 0 {
			return format{}, false
		}
		return formats[i], true
	}
	if ft, ok := bySchema(root); ok {
		return ft, true
	}
	for _, ft := range formats {
		if ft.file != nil && ft.file(p) || ft.holds != nil && ft.holds(p, root) || opt.Named && ft.named != nil && ft.named(root) {
			return ft, true
		}
	}
	return format{}, false
}

// bySchema finds the format a file's $schema declares.
func bySchema(root *syntax.Node) (format, bool) {
	url := str(root, "$schema").Value
	if url == "" {
		return format{}, false
	}
	for _, ft := range formats {
		for _, s := range ft.schemas {
			if strings.HasPrefix(url, s) {
				return ft, true
			}
		}
	}
	return format{}, false
}

// declarePurpose marks I-4 declared for the agents of a foreign file that
// describe what they are for, as every such format's description does.
func declarePurpose(f *model.File) *model.File {
	field := "description"
	if f.Format == model.FormatCrewAI {
		field = "goal"
	}
	for _, a := range f.Agents {
		if c, _ := a.Controls.Of("I-4"); strings.TrimSpace(a.Purpose.Value) != "" && c.State != model.Declared {
			a.Controls.Set("I-4", model.Control{State: model.Declared, Field: field, Span: a.Purpose.Span})
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
	return &model.Agent{Span: start, Controls: model.NewControls(start)}
}
