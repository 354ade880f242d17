package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMerge merges what check and inventory write, run on two examples,
// and checks the exit codes of bad uses.
func TestMerge(t *testing.T) {
	results := t.TempDir()
	for _, ex := range []string{"insecure", "invoice-triage"} {
		dir := filepath.Join(results, "acme__"+ex)
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for cmd, args := range map[string][]string{
			"check":     {"check", "--format", "json", "--min-severity", "note", "--no-go"},
			"inventory": {"inventory", "--format", "json", "--no-go"},
		} {
			_, out, errOut := atflint(t, append(args, "examples/"+ex)...)
			if out == "" {
				t.Fatalf("%s: no output: %s", cmd, errOut)
			}
			if err := os.WriteFile(filepath.Join(dir, cmd+".json"), []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	code, out, errOut := atflint(t, "merge", "--format", "markdown", filepath.Join(results, "acme__insecure"), filepath.Join(results, "acme__invoice-triage"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"# atflint across 2 repositories",
		"| acme/insecure | ", "support-bot (intern)",
		"| acme/invoice-triage | 0 | 0 | 0 | ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q:\n%s", want, out)
		}
	}
	if i, j := strings.Index(out, "acme/insecure"), strings.Index(out, "acme/invoice-triage"); i > j {
		t.Error("the clean repository comes before the one with findings")
	}
	if code, _, _ := atflint(t, "merge"); code != ExitUsage {
		t.Errorf("merge with no paths: exit %d", code)
	}
	if code, _, _ := atflint(t, "merge", "--format", "sarif", results); code != ExitUsage {
		t.Errorf("merge --format sarif: exit %d", code)
	}
	if code, _, errOut := atflint(t, "merge", filepath.Join(results, "acme__insecure", "nothing.json")); code != ExitUsage || !strings.Contains(errOut, "nothing.json") {
		t.Errorf("a missing file: exit %d, %s", code, errOut)
	}
}
