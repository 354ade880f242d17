package loader

import (
	"path"
	"regexp"

	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

// Claude Code plugins and marketplaces (code.claude.com/docs/en/plugins-reference,
// /plugin-marketplaces): a plugin's .claude-plugin/plugin.json names it and
// may hold its MCP servers and hooks inline; its hooks/hooks.json holds
// hooks as settings do; a marketplace's .claude-plugin/marketplace.json
// lists plugins, each with the source it is installed from.

// pluginManifestName reports a plugin's manifest.
func pluginManifestName(p string) bool {
	return path.Base(p) == "plugin.json" && path.Base(path.Dir(p)) == ".claude-plugin"
}

// marketplaceName reports a marketplace's catalogue.
func marketplaceName(p string) bool {
	return path.Base(p) == "marketplace.json" && path.Base(path.Dir(p)) == ".claude-plugin"
}

// isPluginHooks reports a plugin's hooks/hooks.json: hooks by event, as
// in settings.
func isPluginHooks(p string, root *syntax.Node) bool {
	if path.Base(p) != "hooks.json" || path.Base(path.Dir(p)) != "hooks" {
		return false
	}
	hooks, _ := section(root, "hooks")
	return hooks != nil
}

// loadClaudePlugin reads a plugin's manifest or its hooks file: the
// plugin is an agent whose servers and hooks run in every session of
// whoever installs it. Component paths (commands, agents, a hooks or
// .mcp.json file) are files of the plugin's own, read where they are.
func loadClaudePlugin(f *model.File, root *syntax.Node) {
	a := describedAgent(f, model.FormatClaudePlugin, root)
	if servers, _ := section(root, "mcpServers"); servers != nil {
		for _, e := range servers.Entries {
			if e.Value.Kind == syntax.Mapping {
				a.Servers = append(a.Servers, decodeServer(e))
			}
		}
	}
	// Inline in a manifest, hooks is what hooks.json holds ({"hooks":
	// {event: ...}}) or the events themselves.
	if hooks, _ := section(root, "hooks"); hooks != nil {
		if _, nested := hooks.Lookup("hooks"); nested {
			root = hooks
		}
		a.Hooks = decodeHooks(root)
	}
}

// fullSHA is a git commit named in full, the only ref that cannot move.
var fullSHA = regexp.MustCompile(`^[0-9a-fA-F]{40}$`)

// loadMarketplace reads a marketplace's plugins and their sources: a
// path inside the marketplace's repository, or a github repository, git
// URL or npm package, pinned only by a full commit sha (or an exact npm
// version).
func loadMarketplace(f *model.File, root *syntax.Node) {
	a := describedAgent(f, model.FormatMarketplace, root)
	plugins, ok := root.Lookup("plugins")
	if !ok || plugins.Value.Kind != syntax.Sequence {
		return
	}
	for _, p := range plugins.Value.Items {
		if p.Kind != syntax.Mapping {
			continue
		}
		e, ok := p.Lookup("source")
		if !ok {
			continue
		}
		in := installFrom(e.Value)
		in.What, in.Name = "plugin", str(p, "name")
		a.Installs = append(a.Installs, in)
	}
}

// installFrom reads a plugin's source: a path in the marketplace's
// repository, or an object naming a github repository, a git URL or an npm
// package, pinned only by a full commit sha (sha, or a ref that is one) or
// an exact npm version.
func installFrom(src *syntax.Node) *model.Install {
	in := &model.Install{}
	switch src.Kind {
	case syntax.Scalar:
		in.Source = model.Field[string]{Value: src.Value, Span: src.Span}
	case syntax.Mapping:
		kind := str(src, "source").Value
		switch kind {
		case "directory", "file":
			in.Source = str(src, "path")
			return in
		case "github":
			in.Source = str(src, "repo")
			in.Source.Value = "github:" + in.Source.Value
		case "npm":
			in.Source = str(src, "package")
			in.Source.Value = "npm:" + in.Source.Value
			if v := str(src, "version"); exactVersion.MatchString(v.Value) {
				in.Pin = v
			}
		default:
			in.Source = str(src, "url")
		}
		in.Remote = true
		if !in.Source.Present() {
			in.Source = model.Field[string]{Value: kind, Span: src.Span}
		}
		for _, key := range []string{"sha", "ref"} {
			if pin := str(src, key); fullSHA.MatchString(pin.Value) {
				in.Pin = pin
			}
		}
	}
	return in
}

// exactVersion is an npm version that names one release.
var exactVersion = regexp.MustCompile(`^v?[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$`)
