package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/mod/modfile"

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

// TestReleaseReferences: what the documentation tells users to pin names
// the current release docs/releasing.md gives, and go install can build
// a tag of this module.
func TestReleaseReferences(t *testing.T) {
	notes, err := os.ReadFile(filepath.Join(root, "docs", "releasing.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("Current release: `(v[0-9]+\\.[0-9]+\\.[0-9]+)`").FindSubmatch(notes)
	if m == nil {
		t.Fatal("docs/releasing.md names no current release")
	}
	current := string(m[1])
	pins := regexp.MustCompile(`atflint/atflint(?:/cmd/atf(?:lint|vet)|/\.github/workflows/[a-z-]+\.yml)?@([^\s"']+)|\brev: (\S+)|^\s*version: (v\S+)|with: \{version: (\S+)\}`)
	n := 0
	for _, file := range []string{"README.md", "docs/schemas.md", ".pre-commit-hooks.yaml", ".github/workflows/check-repository.yml", "analyzers/golangci/golangci.go", "examples/mcp-go/.custom-gcl.yml"} {
		text, err := os.ReadFile(filepath.Join(root, file))
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(text), "\n") {
			for _, sub := range pins.FindAllStringSubmatch(strings.TrimPrefix(line, "//"), -1) {
				pin := sub[1] + sub[2] + sub[3] + sub[4]
				if strings.Contains(line, "golangci-lint") || pin == "v2.15.0" || strings.HasPrefix(pin, "$") {
					continue // golangci-lint's own version, or a workflow's variable
				}
				n++
				if pin != current {
					t.Errorf("%s:%d pins %s, not the current release %s", file, i+1, pin, current)
				}
			}
		}
	}
	if n < 6 {
		t.Errorf("%d pins found; the README alone has more", n)
	}
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := modfile.Parse("go.mod", mod, nil)
	if err != nil {
		t.Fatal(err)
	}
	if f.Module.Mod.Path != "github.com/atflint/atflint" || len(f.Replace) > 0 || len(f.Exclude) > 0 {
		t.Errorf("go.mod: module %s, %d replace, %d exclude: go install github.com/atflint/atflint/cmd/atflint@%s needs the module path and neither directive", f.Module.Mod.Path, len(f.Replace), len(f.Exclude), current)
	}
}
