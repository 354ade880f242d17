package scaffold

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/internal/golden"
	"github.com/atflint/atflint/lint"
	"github.com/atflint/atflint/loader"
	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/rules"
)

// inventory is a repository with a bit of everything init meets: a guarded
// and an unguarded side effect, a read-only tool, one that sends, the same
// tool registered twice, a tool without a constant name, one whose
// handler was not found, a nested module, an MCP client config, a coding
// agent's settings (not this agent's), an existing manifest and a
// registration not followed.
func inventory() *lint.Inventory {
	effect := func(c string, side bool, guard string) lint.InventoryEffect {
		return lint.InventoryEffect{Capability: c, SideEffect: side, Guard: guard, Call: "x", File: "repo/server/tools.go", Line: 9, Column: 2}
	}
	handler := &lint.Place{File: "repo/server/tools.go", Line: 1, Column: 1}
	return &lint.Inventory{
		Version: 1,
		Tools: []lint.InventoryTool{
			{Name: "read_note", File: "repo/server/tools.go", Line: 10, Column: 3, Framework: "mcp-go", Handler: handler, Effects: []lint.InventoryEffect{effect("fs.read", false, "")}},
			{Name: "delete_note", File: "repo/server/tools.go", Line: 20, Column: 3, Framework: "mcp-go", Handler: handler, Effects: []lint.InventoryEffect{effect("fs.delete", true, "approval"), effect("fs.read", false, "")}},
			{Name: "post_update", File: "repo/server/tools.go", Line: 30, Column: 3, Framework: "mcp-go", Handler: handler, Effects: []lint.InventoryEffect{effect("net.outbound", true, "")}},
			{Name: "ping", File: "repo/server/tools.go", Line: 40, Column: 3, Framework: "mcp-go", Handler: handler, Effects: []lint.InventoryEffect{}},
			{Name: "", File: "repo/server/tools.go", Line: 50, Column: 3, Framework: "go-sdk", Effects: []lint.InventoryEffect{}},
			{Name: "mystery", File: "repo/plugins/p.go", Line: 5, Column: 1, Framework: "eino", Effects: []lint.InventoryEffect{}},
			{Name: "post_update", File: "repo/plugins/p.go", Line: 9, Column: 1, Framework: "eino", Handler: handler, Effects: []lint.InventoryEffect{effect("exec", true, "authorization")}},
		},
		Servers: []lint.InventoryEntry{
			{Kind: "MCP server", File: "repo/server/main.go", Line: 3, Column: 7},
			{Kind: "MCP server in mcp-config", Name: "notes", File: "repo/.mcp.json", Line: 3, Column: 5, Format: "mcp-config"},
			{Kind: "MCP server in mcp-config", Name: "search", File: "repo/.mcp.json", Line: 9, Column: 5, Format: "mcp-config"},
		},
		Agents: []lint.InventoryEntry{
			{Kind: "mcp-config", File: "repo/.mcp.json", Line: 1, Column: 1, Format: "mcp-config"},
			{Kind: "claude-settings", File: "repo/.claude/settings.json", Line: 1, Column: 1, Format: "claude-settings"},
			{Kind: string(model.FormatATF), Name: "urn:acme:agent:old", File: "repo/old/old.atf.yaml", Line: 3, Column: 1, Format: string(model.FormatATF)},
		},
		Unresolved: []lint.InventoryEntry{{Kind: "mcp-go registration", File: "repo/server/dyn.go", Line: 7, Column: 2, Note: "it ranges over a value the analysis cannot see into"}},
		Modules: []lint.InventoryModule{
			{Path: "example.com/notes", Dir: "repo"},
			{Path: "example.com/notes/plugins", Dir: "repo/plugins"},
			{Path: "example.com/unrelated", Dir: "other"},
		},
	}
}

// TestManifest drafts the manifest at each level, keeps it as a golden
// file, and checks it with the rules: every finding is a field left
// TODO, or what the level itself forbids of the code's effects.
func TestManifest(t *testing.T) {
	for _, l := range atf.Levels {
		t.Run(l.String(), func(t *testing.T) {
			path := filepath.Join("repo", "agent.atf.yaml")
			d, err := Manifest(inventory(), Options{Name: "notes", Level: l, Path: path})
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", l.String()+".atf.yaml"), d.Text)
			if d.Tools != 5 || d.Sources != 1 {
				t.Errorf("%d tools, %d sources; want 5 (post_update once) and 1 (the MCP config only)", d.Tools, d.Sources)
			}
			wantTODO := []string{"agent.purpose", "agent.owner.team", "agent.owner.accountable", "identity.credential.ref"}
			if l == atf.Principal {
				wantTODO = append(wantTODO, "tools[].resources")
			}
			wantTODO = append(wantTODO, "segmentation.resources")
			if !slices.Equal(d.TODO, wantTODO) {
				t.Errorf("TODO %q, want %q", d.TODO, wantTODO)
			}
			f := loader.LoadATF(path, d.Text)
			for _, fd := range rules.CheckFile(f) {
				ok := false
				switch fd.Rule {
				case "missing-control":
					// A TODO, or the tool whose handler was not found, or a
					// MAY left out.
					ok = strings.Contains(fd.Message, "still TODO") || strings.Contains(fd.Message, `tool "mystery" lists no actions`) || strings.Contains(fd.Message, "MAY")
				case "level-mismatch":
					ok = l == atf.Intern
				case "unguarded-tool":
					ok = l == atf.Principal && strings.Contains(fd.Message, "with no resources;")
				}
				if !ok {
					t.Errorf("%d:%d: %s [%s]", fd.Span.Start.Line, fd.Span.Start.Col, fd.Message, fd.Rule)
				}
			}
		})
	}
}

func TestWarnings(t *testing.T) {
	d, err := Manifest(inventory(), Options{Name: "notes", Level: atf.Intern, Path: "repo/agent.atf.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"repo/server/tools.go:50:3: this go-sdk tool's name is not a constant: add it by hand",
		`repo/plugins/p.go:5:1: tool "mystery": its handler was not found, so its actions are left for you (check reports it)`,
		"repo/server/dyn.go:7:2: this mcp-go registration was not followed to its tool (it ranges over a value the analysis cannot see into): add that tool by hand",
		`repo/old/old.atf.yaml:3:1: the ATF manifest of "urn:acme:agent:old" is already here; the new one declares a second agent`,
		`repo/server/tools.go:20:3: tool "delete_note" reaches fs.delete, but an intern agent is read-only: atflint check reports it; choose --level junior, or take the effect out`,
		`repo/server/tools.go:30:3: tool "post_update" reaches exec, but an intern agent is read-only: atflint check reports it; choose --level junior, or take the effect out`,
	}
	if !slices.Equal(d.Warnings, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(d.Warnings, "\n"), strings.Join(want, "\n"))
	}
}

// TestNothingFound drafts for a directory with no Go code and no configs:
// no id can be derived, so it is TODO too.
func TestNothingFound(t *testing.T) {
	d, err := Manifest(&lint.Inventory{Version: 1}, Options{Name: "bare", Level: atf.Junior, Path: "agent.atf.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	if d.TODO[0] != "agent.id" || !strings.Contains(string(d.Text), "\ntools: []") {
		t.Errorf("TODO %q; text:\n%s", d.TODO, d.Text)
	}
}

func TestScalar(t *testing.T) {
	for in, want := range map[string]string{
		"read_file":         "read_file",
		"example.com/x/...": "example.com/x/...",
		"true":              `"true"`,
		"007":               `"007"`,
		"a: b":              `"a: b"`,
		"-x":                `"-x"`,
		"../.mcp.json":      `"../.mcp.json"`,
		"note\nnext":        `"note\nnext"`,
		"":                  `""`,
	} {
		if got := scalar(in); got != want {
			t.Errorf("scalar(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestUnknownLevel(t *testing.T) {
	if _, err := Manifest(&lint.Inventory{}, Options{Name: "x", Path: "agent.atf.yaml"}); err == nil {
		t.Error("no error for level 0")
	}
}
