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
		{"plugin/hooks.json", `{"hooks": {"Stop": []}}`, Options{}, ""}, // not in a hooks folder
		{"plugin/hooks/hooks.json", `{"hooks": {"Stop": []}}`, Options{}, model.FormatClaudePlugin},
		{".continue/agents/main.yaml", "name: main\nmcpServers: []\n", Options{}, model.FormatContinue},
		{"continue/agents/main.yaml", "name: main\nmcpServers: []\n", Options{As: model.FormatContinue}, model.FormatContinue},
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
