package rules_test

import (
	"bytes"
	"cmp"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/owasp"
	"github.com/atflint/atflint/ruledoc"
	"github.com/atflint/atflint/rules"
	"github.com/atflint/atflint/syntax"
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
	writeExample(t, dir, example)
	n := 0
	for _, f := range run(t, dir, dir) {
		if f.Rule == id {
			n++
		}
	}
	return n
}

// writeExample writes an example's files into dir.
func writeExample(t *testing.T, dir, example string) {
	t.Helper()
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
}

// TestFixes applies each fix a rule offers on its bad example and checks
// that the finding it was for is gone, and nothing new has come.
func TestFixes(t *testing.T) {
	fixed := 0
	for _, r := range rules.All() {
		if r.Lang == "go" || r.Lock {
			continue
		}
		dir := t.TempDir()
		writeExample(t, dir, r.Bad)
		before := run(t, dir, dir)
		edits := map[string][]finding.Edit{}
		n := 0
		for _, f := range before {
			if f.Fix != nil {
				if f.Rule != r.ID || f.Fix.Title == "" || len(f.Fix.Edits) == 0 {
					t.Errorf("%s: fix %+v of a %s finding", r.ID, f.Fix, f.Rule)
				}
				edits[f.File] = append(edits[f.File], f.Fix.Edits...)
				n++
			}
		}
		if n == 0 {
			continue
		}
		fixed++
		for file, es := range edits {
			p := filepath.Join(dir, filepath.FromSlash(file))
			text, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, applyEdits(text, es), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		after := run(t, dir, dir)
		if len(after) != len(before)-n {
			t.Errorf("%s: %d findings before %d fixes, %d after:\n%v", r.ID, len(before), n, len(after), after)
		}
	}
	if fixed < 3 {
		t.Errorf("%d rules offer a fix; auto-start-servers, bypass-permissions and allow-by-default do", fixed)
	}
}

// applyEdits applies edits that do not overlap, last first.
func applyEdits(text []byte, es []finding.Edit) []byte {
	slices.SortFunc(es, func(a, b finding.Edit) int {
		return cmp.Or(b.Span.Start.Line-a.Span.Start.Line, b.Span.Start.Col-a.Span.Start.Col)
	})
	for _, e := range es {
		start, end := byteOffset(text, e.Span.Start), byteOffset(text, e.Span.End)
		text = slices.Concat(text[:start], []byte(e.Text), text[end:])
	}
	return text
}

// byteOffset is where a position (line and column in code points, from
// 1) is in text.
func byteOffset(text []byte, p syntax.Pos) int {
	off := 0
	for line := 1; line < p.Line; line++ {
		off += bytes.IndexByte(text[off:], '\n') + 1
	}
	for col := 1; col < p.Col; col++ {
		_, size := utf8.DecodeRune(text[off:])
		off += size
	}
	return off
}
