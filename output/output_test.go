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
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"atf": []`, `"related": [`, `"file": "a.atf.yaml"`, `"line": 2`, `"message": "first"`} {
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
