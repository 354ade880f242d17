package rules_test

import (
	"github.com/atflint/atflint/owasp"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/ruledoc"
	"github.com/atflint/atflint/rules"
)

// TestDocExamples checks every rule's documentation: the bad example makes
// the rule report, the good one does not, and the doc is complete.
func TestDocExamples(t *testing.T) {
	for _, r := range rules.All() {
		t.Run(r.ID, func(t *testing.T) {
			if r.Title == "" || r.Rationale == "" || r.Bad == "" || r.Good == "" || len(r.ATF) == 0 || r.Severity == 0 {
				t.Fatalf("incomplete doc: %+v", r.Doc)
			}
			if r.SecuritySeverity <= 0 || r.SecuritySeverity > 10 {
				t.Errorf("security severity %v: want one in (0, 10], GitHub's scale", r.SecuritySeverity)
			}
			for _, id := range r.OWASP {
				if _, ok := owasp.Lookup(id); !ok {
					t.Errorf("OWASP %q is no risk of the Agentic Top 10", id)
				}
			}
			if strings.HasSuffix(r.Title, ".") {
				t.Errorf("title %q ends with a period", r.Title)
			}
			for _, id := range r.ATF {
				if _, ok := atf.Lookup(id); !ok {
					t.Errorf("unknown ATF requirement %q", id)
				}
			}
			if r.Lang == "go" || r.Lock {
				return // these run through atflint check in cli's TestGoRuleExamples and TestLockRuleExamples
			}
			if n := countRule(t, r.ID, r.Bad); n == 0 {
				t.Errorf("the bad example does not make %s report", r.ID)
			}
			if n := countRule(t, r.ID, r.Good); n != 0 {
				t.Errorf("the good example makes %s report %d findings", r.ID, n)
			}
		})
	}
}

// countRule writes an example's files and counts the rule's findings on them.
func countRule(t *testing.T, id, example string) int {
	dir := t.TempDir()
	for _, ex := range ruledoc.Examples(example) {
		name := ex.Name
		if name == "" {
			name = "example.atf.yaml"
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(ex.Text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	for _, f := range run(t, dir, dir) {
		if f.Rule == id {
			n++
		}
	}
	return n
}
