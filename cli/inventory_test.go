package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/atflint/atflint/internal/golden"
	"github.com/atflint/atflint/lint"
	"github.com/atflint/atflint/ruledoc"
	"github.com/atflint/atflint/rules"
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
	dir := stubModule(t, "example.com/proxy")
	for name, text := range map[string]string{
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

// stubModule makes a module that requires the analyzers' mcp-go stub,
// offline.
func stubModule(t *testing.T, path string) string {
	t.Helper()
	dir := stableDir(t)
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
	if err == nil {
		err = writeFile(filepath.Join(dir, "stub", "go.mod"), "module github.com/mark3labs/mcp-go\n\ngo 1.26\n")
	}
	if err == nil {
		err = writeFile(filepath.Join(dir, "go.mod"), "module "+path+"\n\ngo 1.26\n\nrequire github.com/mark3labs/mcp-go v0.0.0\n\nreplace github.com/mark3labs/mcp-go => ./stub\n")
	}
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func writeFile(path, text string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(text), 0o644)
}

// TestGoRuleExamples runs each Go rule's documented examples, as a module
// of their own on the mcp-go stub, through atflint check: the bad one
// makes the rule report, the good one does not.
func TestGoRuleExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet")
	}
	checkRuleExamples(t, func(r *rules.Rule) bool { return r.Lang == "go" }, func(t *testing.T) string { return stubModule(t, "example.com/example") })
}

// checkRuleExamples writes each picked rule's bad and good examples (txtar
// archives) into a directory newDir makes, runs atflint check there with
// flags, and wants findings of the rule for the bad one and none for the
// good one.
func checkRuleExamples(t *testing.T, pick func(*rules.Rule) bool, newDir func(*testing.T) string, flags ...string) {
	n := 0
	for _, r := range rules.All() {
		if !pick(r) {
			continue
		}
		n++
		for _, ex := range []struct {
			name, text string
			bad        bool
		}{{"bad", r.Bad, true}, {"good", r.Good, false}} {
			t.Run(r.ID+"/"+ex.name, func(t *testing.T) {
				dir := newDir(t)
				for _, f := range ruledoc.Examples(ex.text) {
					if f.Name == "" {
						t.Fatalf("an example atflint check runs is a txtar archive of whole files")
					}
					if err := writeFile(filepath.Join(dir, f.Name), f.Text); err != nil {
						t.Fatal(err)
					}
				}
				args := append([]string{"check", "--format", "json", "--min-severity", "note"}, flags...)
				_, out, errOut := atflint(t, append(args, dir)...)
				got := strings.Count(out, `"rule": "`+r.ID+`"`)
				if ex.bad && got == 0 || !ex.bad && got != 0 {
					t.Errorf("%d findings of %s:\n%s%s", got, r.ID, out, errOut)
				}
			})
		}
	}
	if n == 0 {
		t.Fatal("no rule examples picked")
	}
}
