package filter

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/lint"
	"github.com/atflint/atflint/syntax"
)

var today = time.Date(2027, 1, 15, 12, 0, 0, 0, time.UTC)

func at(file, rule string, line int, atf ...string) finding.Finding {
	return finding.Finding{Rule: rule, File: file, Severity: finding.Error, Span: syntax.Span{Start: syntax.Pos{Line: line, Col: 3}}, ATF: atf}
}

// suppress writes files into a directory and applies their suppressions
// to the findings; it returns the rules of the findings kept and the
// messages of those about suppressions, each prefixed by file:line.
func suppress(t *testing.T, files map[string]string, fs []finding.Finding) (kept, about []string) {
	t.Helper()
	dir := t.TempDir()
	var sources []lint.Source
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		sources = append(sources, lint.Source{Path: name, Abs: p})
	}
	k, suppressed, a, errs := Suppress(sources, fs, today)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, f := range k {
		kept = append(kept, fmt.Sprintf("%s:%02d %s", f.File, f.Span.Start.Line, f.Rule))
	}
	if len(k)+len(suppressed) != len(fs) {
		t.Errorf("%d kept and %d suppressed of %d findings", len(k), len(suppressed), len(fs))
	}
	for _, f := range suppressed {
		if s := f.Suppression; s == nil || !s.InSource || s.Justification == "" {
			t.Errorf("%s:%d %s suppressed with no reason: %+v", f.File, f.Span.Start.Line, f.Rule, s)
		}
	}
	for _, f := range a {
		about = append(about, fmt.Sprintf("%s:%02d %s: %s", f.File, f.Span.Start.Line, f.Rule, f.Message))
	}
	slices.Sort(kept)
	slices.Sort(about)
	return kept, about
}

func TestSuppressEachKind(t *testing.T) {
	files := map[string]string{
		"a.atf.yaml": "agent:\n  # atflint:ignore[unknown-key] read by our portal\n  Owner: x\n  level: y # atflint:ignore[S-2] reviewed by the board, until=2027-06-30\n",
		"b.toml":     "[mcp_servers.x]\ncommand = \"npx\" # atflint:ignore[unpinned-server] pinned by the lock file\n",
		"c.json":     "{\n  // atflint:ignore[inline-secret] a test key, revoked\n  \"token\": \"x\"\n}\n",
		"d.go":       "package p\n\n//atflint:ignore[unguarded-tool] the tool runs in a sandbox\nvar x = 1\nvar y = 2 // atflint:ignore[unvalidated-tool-input,D-1] checked upstream\n",
		"e.md":       "---\nname: x\n---\n<!-- atflint:ignore[bypass-permissions] a local demo -->\ntools: all\n",
	}
	fs := []finding.Finding{
		at("a.atf.yaml", "unknown-key", 3),
		at("a.atf.yaml", "unguarded-tool", 4, "S-2"),
		at("a.atf.yaml", "missing-control", 4, "R-2"), // another rule on a suppressed line
		at("b.toml", "unpinned-server", 2),
		at("c.json", "inline-secret", 3),
		at("d.go", "unguarded-tool", 4),
		at("d.go", "unvalidated-tool-input", 5, "D-1"),
		at("e.md", "bypass-permissions", 5),
	}
	kept, about := suppress(t, files, fs)
	if want := []string{"a.atf.yaml:04 missing-control"}; !slices.Equal(kept, want) {
		t.Errorf("kept %q, want %q", kept, want)
	}
	if len(about) > 0 {
		t.Errorf("findings about suppressions: %q", about)
	}
}

func TestSuppressProblems(t *testing.T) {
	files := map[string]string{
		"a.yaml": strings.Join([]string{
			"a: 1 # atflint:ignore[unknown-key]",                       // no reason
			"b: 2 # atflint:ignore[unknwn-key] typo",                   // unknown rule
			"c: 3 # atflint:ignore wide open",                          // no rule
			"d: 4 # atflint:ignore[unknown-key] old, until=2027-01-14", // expired yesterday
			"e: 5 # atflint:ignore[unknown-key] today, until=2027-01-15",
			"f: 6 # atflint:ignore[unknown-key] when, until=someday",
			"g: 7 # atflint:ignore[unknown-key] nothing here",
			`h: "# atflint:ignore[unknown-key] inside a string"`,
			"i: 9 # atflint:ignore[unknown-key] " + ReasonPlaceholder, // as a code action writes it
		}, "\n") + "\n",
	}
	var fs []finding.Finding
	for line := 1; line <= 9; line++ {
		if line != 7 {
			fs = append(fs, at("a.yaml", "unknown-key", line))
		}
	}
	kept, about := suppress(t, files, fs)
	if want := []string{"a.yaml:01 unknown-key", "a.yaml:02 unknown-key", "a.yaml:03 unknown-key", "a.yaml:04 unknown-key", "a.yaml:06 unknown-key", "a.yaml:08 unknown-key", "a.yaml:09 unknown-key"}; !slices.Equal(kept, want) {
		t.Errorf("kept %q, want %q", kept, want)
	}
	want := []string{
		`a.yaml:01 invalid-suppression: atflint:ignore[unknown-key] gives no reason`,
		`a.yaml:02 invalid-suppression: atflint:ignore names "unknwn-key", which is no rule and no ATF requirement; did you mean "unknown-key"?`,
		`a.yaml:03 invalid-suppression: atflint:ignore names no rule`,
		`a.yaml:04 invalid-suppression: atflint:ignore[unknown-key] expired on 2027-01-14`,
		`a.yaml:06 invalid-suppression: until=someday is not a date`,
		`a.yaml:07 unused-suppression: this atflint:ignore[unknown-key] suppresses nothing`,
		`a.yaml:09 invalid-suppression: atflint:ignore[unknown-key] still gives the placeholder`,
	}
	if len(about) != len(want) {
		t.Fatalf("about suppressions:\n%s\nwant %d", strings.Join(about, "\n"), len(want))
	}
	for i := range want {
		if !strings.HasPrefix(about[i], want[i]) {
			t.Errorf("got  %s\nwant %s...", about[i], want[i])
		}
	}
}

// A file named by a source that is gone is an error, and the others are
// still applied.
func TestSuppressUnreadable(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(good, []byte("a: 1 # atflint:ignore[unknown-key] fine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	kept, _, _, errs := Suppress([]lint.Source{{Path: "gone.yaml", Abs: filepath.Join(dir, "gone.yaml")}, {Path: "a.yaml", Abs: good}}, []finding.Finding{at("a.yaml", "unknown-key", 1)}, today)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "gone.yaml") || len(kept) != 0 {
		t.Errorf("errs %v, kept %v", errs, kept)
	}
}
