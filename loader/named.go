package loader

import (
	"strings"

	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

// The content checks below tell a format that is otherwise known by its
// path, for a file named on the command line that lives elsewhere. Each
// asks for the keys the format's documentation (cited at its loader) puts
// at the top of a file and other formats do not, so that the first that
// matches, in the registry's order, is the right one.

// hasKey reports whether root has any of the keys.
func hasKey(root *syntax.Node, keys ...string) bool {
	for _, k := range keys {
		if _, ok := root.Lookup(k); ok {
			return true
		}
	}
	return false
}

// hookGroups reports how a file's hooks are written: Claude Code groups
// the hooks of an event under matchers ({"matcher": ..., "hooks": [...]}),
// Cursor, Windsurf and Amazon Q list each hook under its event
// ({"command": ...}). ok is false when there are no hooks to tell by.
func hookGroups(root *syntax.Node) (grouped, ok bool) {
	eachEvent(root, func(_ string, item *syntax.Node) {
		if ok {
			return
		}
		if _, nested := item.Lookup("hooks"); nested {
			grouped, ok = true, true
		} else if hasKey(item, "command", "powershell", "bash") {
			grouped, ok = false, true
		}
	})
	return grouped, ok
}

// isFlatHooks reports a hooks.json of Cursor's or Windsurf's: hooks listed
// under their events. Cursor's events are in camel case (beforeShellExecution)
// and its file carries a version; Windsurf's are in snake case
// (pre_run_command).
func isFlatHooks(snake bool) func(*syntax.Node) bool {
	return func(root *syntax.Node) bool {
		if grouped, ok := hookGroups(root); !ok || grouped || !snake && !hasKey(root, "version") {
			return false
		}
		events, _ := section(root, "hooks")
		for _, ev := range events.Entries {
			if strings.Contains(ev.Key.Value, "_") != snake {
				return false
			}
		}
		return true
	}
}

// isCodexConfig reports Codex's config.toml by the settings only Codex
// has.
func isCodexConfig(root *syntax.Node) bool {
	return hasKey(root, "approval_policy", "sandbox_mode", "mcp_servers", "model_provider", "model_providers",
		"profiles", "sandbox_workspace_write", "shell_environment_policy", "model_reasoning_effort")
}

// isKiroHook reports a Kiro hook: when it runs, and then what it does.
func isKiroHook(root *syntax.Node) bool {
	when, _ := section(root, "when")
	then, _ := section(root, "then")
	return when != nil && then != nil && str(then, "type").Present()
}

// isOpenCodeConfig reports OpenCode's config: its permission setting, or
// MCP servers under mcp, each local or remote.
func isOpenCodeConfig(root *syntax.Node) bool {
	if hasKey(root, "permission") && !hasKey(root, "permissions") {
		return true
	}
	mcp, _ := section(root, "mcp")
	if mcp == nil {
		return false
	}
	for _, e := range mcp.Entries {
		if t := str(e.Value, "type").Value; t == "local" || t == "remote" {
			return true
		}
	}
	return false
}

// isPluginManifest reports a Claude Code plugin's plugin.json: a named
// plugin with the components it brings, MCP servers only beside what
// describes a package (its version, author, ...), which an agent of
// Amazon Q's, also named and with servers, does not have; and not as a
// list, as Continue writes them; nor beside a Gemini extension's context
// file or excluded tools.
func isPluginManifest(root *syntax.Node) bool {
	if !str(root, "name").Present() || hasKey(root, "permissions", "plugins", "allowedTools", "toolsSettings", "tools", "prompt", "schema", "contextFileName", "excludeTools") || isContinueConfig(root) {
		return false
	}
	return hasKey(root, "commands", "agents", "skills", "hooks", "outputStyles", "lspServers") ||
		hasKey(root, "mcpServers") && hasKey(root, "version", "author", "homepage", "repository", "license", "keywords")
}

// isMarketplace reports a plugin marketplace's catalogue: its owner and
// a list of plugins, each with a source.
func isMarketplace(root *syntax.Node) bool {
	plugins, ok := root.Lookup("plugins")
	if !ok || plugins.Value.Kind != syntax.Sequence || !hasKey(root, "owner", "name") {
		return false
	}
	for _, p := range plugins.Value.Items {
		if hasKey(p, "source") {
			return true
		}
	}
	return len(plugins.Value.Items) == 0 && hasKey(root, "owner")
}

// isContinueConfig reports a Continue config or block: its schema version
// with what it configures, or its MCP servers as a list.
func isContinueConfig(root *syntax.Node) bool {
	if e, ok := root.Lookup("mcpServers"); ok && e.Value.Kind == syntax.Sequence {
		return true
	}
	return str(root, "schema").Value == "v1" && hasKey(root, "models", "rules", "context", "prompts", "docs", "data")
}

// isGeminiExtension reports a Gemini CLI extension's manifest: a named,
// versioned package of MCP servers, a context file or tools it turns off.
func isGeminiExtension(root *syntax.Node) bool {
	return str(root, "name").Present() && str(root, "version").Present() && hasKey(root, "contextFileName", "excludeTools") && !hasKey(root, "permissions")
}

// namedMarkdownAgent tells a Markdown file named on the command line by
// its front matter: a skill grants tools in allowed-tools; any other is
// read as a subagent if its front matter declares one.
func namedMarkdownAgent(src []byte) (format model.Format, sure bool) {
	front, ok := frontMatter(src)
	if !ok {
		return "", false
	}
	if root := syntax.ParseLooseMapping(front); root != nil && hasKey(root, "allowed-tools") {
		return model.FormatClaudeSkill, true
	}
	return model.FormatClaudeAgent, false
}

// isAmazonQAgent reports an Amazon Q or Kiro CLI agent: the tools it may
// use unasked, and their settings.
func isAmazonQAgent(root *syntax.Node) bool {
	if hasKey(root, "allowedTools", "toolsSettings", "toolAliases") {
		return true
	}
	tools, ok := root.Lookup("tools")
	return ok && tools.Value.Kind == syntax.Sequence && hasKey(root, "prompt", "mcpServers", "resources")
}
