package loader

import (
	"testing"

	"github.com/atflint/atflint/model"
)

// TestRecognition: a format is told by --as, then $schema, then path and
// content; a file named on the command line by content alone.
func TestRecognition(t *testing.T) {
	const settings = `{"permissions": {"allow": ["Bash(ls:*)"], "deny": []}}`
	const schemaSettings = `{"$schema": "https://json.schemastore.org/claude-code-settings.json", "permissions": {"allow": []}}`
	const servers = `{"mcpServers": {"fs": {"command": "./fs"}}}`
	for _, tc := range []struct {
		name, src string
		opt       Options
		want      model.Format
	}{
		{".claude/settings.json", settings, Options{}, model.FormatClaudeSettings},
		{"config/team-settings.json", settings, Options{}, ""}, // walked: not by content alone
		{"config/team-settings.json", settings, Options{Named: true}, model.FormatClaudeSettings},
		{"config/team-settings.json", schemaSettings, Options{}, model.FormatClaudeSettings},
		{"deploy/x.json", servers, Options{}, model.FormatMCP},
		{"deploy/x.json", servers, Options{As: model.FormatA2A}, model.FormatA2A},
		{"deploy/x.yaml", "atf: \"0.9\"\nagent: {id: urn:a:b, level: junior}\n", Options{}, model.FormatATF},
		{"notes.txt", servers, Options{As: model.FormatMCP}, model.FormatMCP},
		{"x.json", `[1, 2]`, Options{As: model.FormatMCP}, model.FormatMCP},
		// The formats added with their $schema, anywhere.
		{"catalog/plugins.json", `{"$schema": "https://anthropic.com/claude-code/marketplace.schema.json", "name": "m", "plugins": []}`, Options{}, model.FormatMarketplace},
		{"agents/dev.json", `{"$schema": "https://raw.githubusercontent.com/aws/amazon-q-developer-cli/refs/heads/main/schemas/agent-v1.json", "name": "dev"}`, Options{}, model.FormatAmazonQAgent},
		{"team/oc.json", `{"$schema": "https://opencode.ai/config.json", "theme": "opencode"}`, Options{}, model.FormatOpenCode},
		{"plugin/hooks.json", `{"hooks": {"Stop": []}}`, Options{}, ""}, // not in a hooks folder
		{"plugin/hooks/hooks.json", `{"hooks": {"Stop": []}}`, Options{}, model.FormatClaudePlugin},
		{".continue/agents/main.yaml", "name: main\nmcpServers: []\n", Options{}, model.FormatContinue},
		{"continue/agents/main.yaml", "name: main\nmcpServers: []\n", Options{As: model.FormatContinue}, model.FormatContinue},
		{".zed/settings.json", `{"context_servers": {"db": {"command": "db-mcp"}}}`, Options{}, model.FormatZed},
		{".zed/settings.json", `{"theme": "One Dark"}`, Options{}, ""}, // no agent settings
		{"team/zed.json", `{"context_servers": {"db": {"command": "db-mcp"}}}`, Options{Named: true}, model.FormatZed},
		{"dotfiles/.config/zed/settings.json", `{"agent": {"always_allow_tool_actions": true}}`, Options{}, model.FormatZed},
		{"dotfiles/zed/settings.json", `{"agent": {"always_allow_tool_actions": true}}`, Options{}, ""},
		{"ext/gemini-extension.json", `{"name": "db", "version": "1.0.0", "mcpServers": {"db": {"command": "db-mcp"}}}`, Options{}, model.FormatGemini},
		{"ext/gemini-extension.json", `{"name": "docs", "version": "1.0.0", "contextFileName": "GEMINI.md"}`, Options{}, model.FormatGemini},
		{"team/extension.json", `{"name": "docs", "version": "1.0.0", "contextFileName": "GEMINI.md", "excludeTools": ["run_shell_command"]}`, Options{Named: true}, model.FormatGemini},
		{"team/extension.json", `{"name": "db", "version": "1.0.0", "contextFileName": "GEMINI.md", "mcpServers": {"db": {"command": "db-mcp"}}}`, Options{Named: true}, model.FormatGemini},
		{"team/servers.yaml", "{mcpServers: {db: {command: npx, args: [-y, some-mcp]}}}\n", Options{Named: true}, model.FormatMCP},
		{".kiro/hooks/lint.kiro.hook", `{"when": {"type": "fileEdited"}, "then": {"type": "runCommand", "command": "make lint"}}`, Options{}, model.FormatKiroHook},
		{".kiro/agents/dev.json", `{"name": "dev", "allowedTools": ["fs_read"]}`, Options{}, model.FormatAmazonQAgent},
		{".windsurf/hooks.json", `{"hooks": {"pre_run_command": [{"command": "./check.sh"}]}}`, Options{}, model.FormatWindsurfHooks},
		{"plugin/.mcp.json", `{"github": {"command": "github-mcp"}}`, Options{}, model.FormatMCP},
		{"docs/.windsurf/rules/style.md", "Use tabs.\n", Options{}, model.FormatInstructions},
		{".kiro/steering/tech.md", "Use bun.\n", Options{}, model.FormatInstructions},
		{".windsurfrules", "Use bun.\n", Options{}, model.FormatInstructions},
		{"app/.cursorrules", "Use bun.\n", Options{}, model.FormatInstructions},
		// Each format told by its path, named on the command line under
		// another: its content says which it is.
		{"team/codex.toml", "approval_policy = \"on-request\"\n[mcp_servers.db]\ncommand = \"db-mcp\"\n", Options{Named: true}, model.FormatCodex},
		{"team/codex.toml", "[tool.poetry]\nname = \"x\"\n", Options{Named: true}, ""},
		{"team/hooks.json", `{"version": 1, "hooks": {"beforeShellExecution": [{"command": "./audit.sh"}]}}`, Options{Named: true}, model.FormatCursorHooks},
		{"team/hooks.json", `{"hooks": {"pre_run_command": [{"command": "./check.sh", "show_output": true}]}}`, Options{Named: true}, model.FormatWindsurfHooks},
		{"team/hooks.json", `{"hooks": {"PreToolUse": [{"matcher": "Bash", "hooks": [{"type": "command", "command": "./check.sh"}]}]}}`, Options{Named: true}, model.FormatClaudeSettings},
		{"team/settings.json", `{"hooks": {}, "model": "opus"}`, Options{Named: true}, model.FormatClaudeSettings},
		{"team/lint.hook", `{"name": "Lint", "when": {"type": "fileEdited", "patterns": ["*.ts"]}, "then": {"type": "runCommand", "command": "npm run lint"}}`, Options{Named: true}, model.FormatKiroHook},
		{"team/oc.json", `{"permission": {"edit": "ask", "bash": {"git status": "allow", "*": "ask"}}}`, Options{Named: true}, model.FormatOpenCode},
		{"team/oc.json", `{"mcp": {"db": {"type": "local", "command": ["db-mcp"]}}}`, Options{Named: true}, model.FormatOpenCode},
		{"team/plugin.json", `{"name": "review", "version": "1.0.0", "commands": ["./commands/review.md"]}`, Options{Named: true}, model.FormatClaudePlugin},
		{"team/plugin.json", `{"name": "db", "version": "1.0.0", "author": {"name": "a"}, "mcpServers": {"db": {"command": "db-mcp"}}}`, Options{Named: true}, model.FormatClaudePlugin},
		{"team/catalog.json", `{"name": "tools", "owner": {"name": "a"}, "plugins": [{"name": "review", "source": "./review"}]}`, Options{Named: true}, model.FormatMarketplace},
		{"team/continue.yaml", "name: main\nversion: 1.0.0\nschema: v1\nmcpServers:\n  - name: db\n    command: db-mcp\n", Options{Named: true}, model.FormatContinue},
		{"team/continue.yaml", "name: main\nversion: 1.0.0\nschema: v1\nmodels:\n  - name: m\n    provider: anthropic\n", Options{Named: true}, model.FormatContinue},
		{"team/dev.json", `{"name": "dev", "allowedTools": ["fs_read"], "mcpServers": {"db": {"command": "db-mcp"}}}`, Options{Named: true}, model.FormatAmazonQAgent},
		{"team/dev.json", `{"name": "dev", "tools": ["*"], "prompt": "You review code."}`, Options{Named: true}, model.FormatAmazonQAgent},
		{"team/vscode.json", `{"chat.tools.autoApprove": true}`, Options{Named: true}, model.FormatVSCodeSettings},
		{"team/servers.json", `{"name": "x", "mcpServers": {"db": {"command": "db-mcp"}}}`, Options{Named: true}, model.FormatMCP},
		{"team/package.json", `{"name": "x", "version": "1.0.0", "scripts": {}}`, Options{Named: true}, ""},
		{"team/deploy.md", "---\nname: deploy\ndescription: Deploys.\nallowed-tools: Bash\n---\nDeploy.\n", Options{Named: true}, model.FormatClaudeSkill},
		{"team/reviewer.md", "---\nname: reviewer\ndescription: Reviews.\ntools: Read\n---\nReview.\n", Options{Named: true}, model.FormatClaudeAgent},
		{"team/notes.md", "---\ntitle: Notes\n---\nSome notes.\n", Options{Named: true}, ""},
		{"team/deploy.md", "---\nname: deploy\ndescription: Deploys.\nallowed-tools: Bash\n---\nDeploy.\n", Options{}, ""},
	} {
		f := Load(tc.name, []byte(tc.src), tc.opt)
		if f.Format != tc.want {
			t.Errorf("%s %+v: format %q, want %q", tc.name, tc.opt, f.Format, tc.want)
		}
	}
	// Read as a format, a list is no file of it: a finding, not a silence.
	if f := Load("x.json", []byte(`[1, 2]`), Options{As: model.FormatMCP}); len(f.Problems) == 0 {
		t.Error("a list read as an MCP config has no problem")
	}
}

func TestFormatNames(t *testing.T) {
	names := FormatNames()
	if len(names) != len(formats) || names[0] != model.FormatATF {
		t.Errorf("names %v", names)
	}
}

// TestCandidate: the walk opens the files of every format by path, and
// no others of the extensions it knows.
func TestCandidate(t *testing.T) {
	for name, want := range map[string]bool{
		"x.json": true, "x.yaml": true, "AGENTS.md": true, "README.md": false,
		".codex/config.toml": true, "pyproject.toml": false,
		".kiro/hooks/lint.kiro.hook": true, "git/hooks/pre-commit.hook": false,
		".kiro/steering/tech.md": true, ".windsurf/rules/a.md": true, ".windsurfrules": true, "app/.cursorrules": true,
		".continue/rules/a.md": true, ".cursor/rules/a.mdc": true, "notes/a.mdc": false,
	} {
		if got := Candidate(name); got != want {
			t.Errorf("Candidate(%q) = %v, want %v", name, got, want)
		}
	}
}
