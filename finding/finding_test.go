package finding

import (
	"strings"
	"testing"

	"github.com/atflint/atflint/syntax"
)

func TestGrouped(t *testing.T) {
	at := func(line, col int) syntax.Span { return syntax.Span{Start: syntax.Pos{Line: line, Col: col}} }
	mc := func(sev Severity, span syntax.Span, id string) Finding {
		return Finding{Rule: "missing-control", Severity: sev, File: "a.atf.yaml", Span: span, ATF: []string{id},
			Message: id + " alone", Group: "requirements not declared", Item: id}
	}
	fs := []Finding{
		mc(Error, at(1, 1), "D-1"),
		mc(Warning, at(1, 1), "D-4"), // another severity: its own line
		{Rule: "other", Severity: Error, File: "a.atf.yaml", Span: at(1, 1), Message: "m"},
		mc(Error, at(1, 1), "I-2"), // same place and group as D-1, not next to it
		mc(Error, at(5, 1), "B-1"), // another place: alone
		{Rule: "missing-control", Severity: Error, File: "b.atf.yaml", Span: at(1, 1), Message: "b", Group: "requirements not declared", Item: "S-1"},
	}
	var got []string
	for _, f := range Grouped(fs) {
		got = append(got, f.File+" "+f.Severity.String()+" "+f.Message+" "+strings.Join(f.ATF, ","))
	}
	want := []string{
		"a.atf.yaml error 2 requirements not declared: D-1; I-2 D-1,I-2",
		"a.atf.yaml warning D-4 alone D-4",
		"a.atf.yaml error m ",
		"a.atf.yaml error B-1 alone B-1",
		"b.atf.yaml error b ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if fs[0].Message != "D-1 alone" || len(fs[0].ATF) != 1 {
		t.Error("Grouped changed the findings it was given")
	}
}
