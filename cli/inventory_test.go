package cli

import (
	"encoding/json"
	"path/filepath"
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
