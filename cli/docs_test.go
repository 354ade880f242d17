package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/filter"
	"github.com/atflint/atflint/internal/golden"
	"github.com/atflint/atflint/rules"
	"github.com/atflint/atflint/schemas"
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

// TestPublishedSchemas keeps each schema's $id the URL its file is served
// at from the repository, that file the schema atflint embeds, and the
// SchemaStore catalog entries in docs/ in step with both and with the
// names atflint reads.
func TestPublishedSchemas(t *testing.T) {
	embedded := map[string][]byte{"schemas/atf.schema.json": schemas.JSONSchema(), "filter/config.schema.json": filter.ConfigSchema()}
	urls := map[string]bool{}
	for file, data := range embedded {
		var s struct {
			ID string `json:"$id"`
		}
		if err := json.Unmarshal(data, &s); err != nil {
			t.Fatal(err)
		}
		if s.ID != schemas.RawBase+file {
			t.Errorf("%s: $id %q, want the raw URL of the file, %q", file, s.ID, schemas.RawBase+file)
		}
		urls[s.ID] = true
		onDisk, err := os.ReadFile(filepath.Join(root, file))
		if err != nil || !bytes.Equal(onDisk, data) {
			t.Errorf("%s is not the schema atflint embeds (%v)", file, err)
		}
	}
	data, err := os.ReadFile(filepath.Join(root, "docs", "schemastore.json"))
	if err != nil {
		t.Fatal(err)
	}
	var entries []struct {
		Name, Description, URL string
		FileMatch              []string
	}
	if err := json.Unmarshal(data, &entries); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !urls[e.URL] || e.Name == "" || e.Description == "" || strings.HasSuffix(e.Description, ".") {
			t.Errorf("catalog entry %+v: want a name, a description without a final period (SchemaStore's rule), and the url of one of the schemas", e)
		}
		delete(urls, e.URL)
		switch {
		case strings.HasSuffix(e.URL, "atf.schema.json"):
			for _, m := range e.FileMatch {
				if !atf.IsManifestName(strings.ReplaceAll(m, "*", "agent")) {
					t.Errorf("fileMatch %q names files atflint does not read as manifests", m)
				}
			}
		default:
			if !slices.Equal(e.FileMatch, filter.DefaultFiles) {
				t.Errorf("fileMatch %q, want the files atflint looks for, %q", e.FileMatch, filter.DefaultFiles)
			}
		}
	}
	if len(urls) > 0 {
		t.Errorf("no catalog entry for %v", urls)
	}
}
