package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/atflint/atflint/internal/golden"
	"github.com/atflint/atflint/lint"
)

// TestInventory lists an example's Go tools, server and manifest, in JSON
// and text, against goldens.
func TestInventory(t *testing.T) {
	if testing.Short() {
		t.Skip("loads and type-checks the frameworks' modules")
	}
	code, out, errOut := atflint(t, "inventory", "--format", "json", "examples/mcp-go")
	if code != ExitClean {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var inv lint.Inventory
	if err := json.Unmarshal([]byte(out), &inv); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if inv.Version != 1 || len(inv.Tools) != 2 || inv.Tools[1].Name != "delete_file" || inv.Tools[1].Handler == nil {
		t.Errorf("inventory = %+v", inv)
	}
	golden.Check(t, filepath.Join("testdata", "cli", "inventory-mcp-go.json"), []byte(out))
	_, text, _ := atflint(t, "inventory", "examples/mcp-go")
	golden.Check(t, filepath.Join("testdata", "cli", "inventory-mcp-go.txt"), []byte(text))
}

func TestInventoryUsage(t *testing.T) {
	if code, _, errOut := atflint(t, "inventory", "--format", "sarif"); code != ExitUsage || errOut == "" {
		t.Errorf("exit %d, stderr %q; want 2 and a message", code, errOut)
	}
}

// TestUnresolvedSummary checks that check says how many tool
// registrations it could not follow, whatever is shown, and that the
// inventory lists them.
func TestUnresolvedSummary(t *testing.T) {
	dir := t.TempDir()
	stub := filepath.Join(root, "analyzers", "testdata", "src", "github.com", "mark3labs", "mcp-go")
	err := filepath.WalkDir(stub, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(stub, p)
		data, err := os.ReadFile(p)
		if err == nil {
			err = writeFile(filepath.Join(dir, "stub", rel), string(data))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"stub/go.mod": "module github.com/mark3labs/mcp-go\n\ngo 1.26\n",
		"go.mod":      "module example.com/proxy\n\ngo 1.26\n\nrequire github.com/mark3labs/mcp-go v0.0.0\n\nreplace github.com/mark3labs/mcp-go => ./stub\n",
		"proxy.go": `package proxy

import (
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func Register(s *server.MCPServer, byName map[string]mcp.Tool) {
	s.AddTool(byName["x"], nil)
}
`,
	} {
		if err := writeFile(filepath.Join(dir, name), text); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := atflint(t, "check", dir)
	if code != ExitClean || out != "" {
		t.Errorf("exit %d, stdout %q; want 0 and nothing at the default severity", code, out)
	}
	if !strings.Contains(errOut, "Go tool registrations not followed to their tools, which are not checked: 1;") {
		t.Errorf("stderr %q does not count the registration", errOut)
	}
	_, inv, _ := atflint(t, "inventory", "--format", "json", dir)
	if !strings.Contains(inv, `"kind": "mcp-go registration"`) {
		t.Errorf("inventory does not list the registration:\n%s", inv)
	}
}

func writeFile(path, text string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(text), 0o644)
}
