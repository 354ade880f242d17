package output

import (
	"bytes"
	"strings"
	"testing"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/syntax"
)

func TestText(t *testing.T) {
	var b bytes.Buffer
	err := Text(&b, []finding.Finding{{
		Rule: "r", Severity: finding.Warning, Message: "two\nlines", File: "a b/ü.atf.yaml",
		Span: syntax.Span{Start: syntax.Pos{Line: 3, Col: 5}}, ATF: []string{"I-1", "I-2"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if want := "a b/ü.atf.yaml:3:5: warning: two lines [r] (ATF I-1, I-2)\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
	// A file name cannot start a line of its own.
	b.Reset()
	Text(&b, []finding.Finding{{Rule: "r", Severity: finding.Error, Message: "m", File: "a\n::warning file=x::i.atf.yaml"}})
	if want := `"a\n::warning file=x::i.atf.yaml":0:0: error: m [r]` + "\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func TestJSONRelated(t *testing.T) {
	var b bytes.Buffer
	err := JSON(&b, []finding.Finding{{
		Rule: "r", Severity: finding.Error, Message: "m", File: "b.atf.yaml",
		Span:    syntax.Span{Start: syntax.Pos{Line: 1, Col: 1}, End: syntax.Pos{Line: 1, Col: 4}},
		Related: []finding.Related{{File: "a.atf.yaml", Span: syntax.Span{Start: syntax.Pos{Line: 2, Col: 3}, End: syntax.Pos{Line: 2, Col: 9}}, Message: "first"}},
	}}, &Run{Files: 2, NotAnalysed: []string{"cannot list d"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"atf": []`, `"related": [`, `"file": "a.atf.yaml"`, `"line": 2`, `"message": "first"`, `"files": 2`, `"not_analysed": [`, `"cannot list d"`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("output lacks %s:\n%s", want, b.String())
		}
	}
}

func TestGitHub(t *testing.T) {
	var b bytes.Buffer
	err := GitHub(&b, []finding.Finding{{
		Rule: "inline-secret", Severity: finding.Note, Message: "100% sure:\nsee a, b", File: "dir, x/a:b.atf.yaml",
		Span: syntax.Span{Start: syntax.Pos{Line: 3, Col: 5}, End: syntax.Pos{Line: 3, Col: 9}}, ATF: []string{"I-2"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	want := "::notice file=dir%2C x/a%3Ab.atf.yaml,line=3,endLine=3,col=5,endColumn=9,title=inline-secret (ATF I-2)::100%25 sure:%0Asee a, b\n"
	if b.String() != want {
		t.Errorf("got  %q\nwant %q", b.String(), want)
	}
}

func TestGitHubLimits(t *testing.T) {
	var fs []finding.Finding
	for i := range 14 {
		for _, sev := range []finding.Severity{finding.Error, finding.Note} {
			fs = append(fs, finding.Finding{Rule: "r", Severity: sev, Message: "m", File: "a.atf.yaml", Span: syntax.Span{Start: syntax.Pos{Line: i + 1, Col: 1}}})
		}
	}
	fs = append(fs, finding.Finding{Rule: "r", Severity: finding.Warning, Message: "m", File: "a.atf.yaml", Span: syntax.Span{Start: syntax.Pos{Line: 1, Col: 1}}})
	var b bytes.Buffer
	if err := GitHub(&b, fs); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	count := map[string]int{}
	for _, l := range lines {
		kind, _, _ := strings.Cut(strings.TrimPrefix(l, "::"), " ")
		count[kind]++
	}
	// 10 errors, the warning, 9 notes and the notice of the 9 left out.
	if count["error"] != 10 || count["warning"] != 1 || count["notice"] != 10 || !strings.HasPrefix(lines[0], "::error") {
		t.Errorf("annotations %v:\n%s", count, b.String())
	}
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "::notice title=atflint::9 more findings not shown") {
		t.Errorf("last line %q", last)
	}
	// Within the limits, nothing is said.
	b.Reset()
	GitHub(&b, fs[:3])
	if strings.Contains(b.String(), "not shown") {
		t.Errorf("a notice with nothing left out:\n%s", b.String())
	}
}

func TestSummary(t *testing.T) {
	var b bytes.Buffer
	if err := Summary(&b, nil, SummaryOptions{Files: 2, NotAnalyzed: []string{"cannot analyze Go package x"}}); err != nil {
		t.Fatal(err)
	}
	if want := "### atflint: no findings\n\n2 files checked.\n\n**Not analyzed** (1):\n\n- cannot analyze Go package x\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
	// A file name cannot break the table or add markup.
	b.Reset()
	Summary(&b, []finding.Finding{{Rule: "r", Severity: finding.Error, File: "a|b`[x](y)\n.atf.yaml"}}, SummaryOptions{Files: 1, Ref: "v1.2.3"})
	if !strings.Contains(b.String(), "| \"a\\|b\\`\\[x\\](y)\\\\n.atf.yaml\" | 1 |") || !strings.Contains(b.String(), "blob/v1.2.3/docs/rules/r.md") {
		t.Errorf("summary:\n%s", b.String())
	}
}

func TestColorText(t *testing.T) {
	fs := []finding.Finding{{Rule: "r", Severity: finding.Error, Message: "m", File: "a.atf.yaml", Span: syntax.Span{Start: syntax.Pos{Line: 1, Col: 2}}}}
	var plain, color bytes.Buffer
	Text(&plain, fs)
	ColorText(&color, fs)
	if want := "\x1b[1ma.atf.yaml:1:2:\x1b[0m \x1b[1;31merror:\x1b[0m m \x1b[2m[r]\x1b[0m\n"; color.String() != want {
		t.Errorf("got %q, want %q", color.String(), want)
	}
	// Without its escapes, the coloured line is the plain one.
	stripped := strings.NewReplacer("\x1b[1m", "", "\x1b[0m", "", "\x1b[1;31m", "", "\x1b[2m", "").Replace(color.String())
	if stripped != plain.String() {
		t.Errorf("%q is not %q with colour", color.String(), plain.String())
	}
}
