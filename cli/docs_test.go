package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/atflint/atflint/internal/golden"
	"github.com/atflint/atflint/rules"
)

// TestRuleDocs keeps docs/rules/<id>.md equal to each rule's Doc; run the
// tests with -update after changing a rule's documentation.
func TestRuleDocs(t *testing.T) {
	t.Chdir(root)
	want := map[string]bool{}
	for _, r := range rules.All() {
		name := r.ID + ".md"
		want[name] = true
		golden.Check(t, filepath.Join("docs", "rules", name), []byte(r.Markdown()))
	}
	entries, err := os.ReadDir("docs/rules")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !want[e.Name()] {
			t.Errorf("docs/rules/%s documents no rule; remove it", e.Name())
		}
	}
}

// ruleTable is the table of rules in README.md.
func ruleTable() string {
	var b strings.Builder
	b.WriteString("| rule | severity | ATF | finds |\n|---|---|---|---|\n")
	for _, r := range rules.All() {
		fmt.Fprintf(&b, "| [`%s`](docs/rules/%s.md) | %s | %s | %s |\n", r.ID, r.ID, r.Severity, r.ATFShort(", "), r.Title)
	}
	return b.String()
}

// TestReadmeRules keeps the rule table of README.md up to date.
func TestReadmeRules(t *testing.T) {
	t.Chdir(root)
	const start, end = "<!-- rules:start -->\n", "<!-- rules:end -->"
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(readme)
	i, j := strings.Index(s, start), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("README.md has no %q ... %q section", start, end)
	}
	updated := s[:i+len(start)] + ruleTable() + s[j:]
	if golden.Updating() {
		if err := os.WriteFile("README.md", []byte(updated), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if updated != s {
		t.Error("the rule table in README.md is stale; run: go test ./cli -update")
	}
}
