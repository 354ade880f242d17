package output

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/atflint/atflint/finding"
)

// AnnotationsPerKind is how many annotations of each kind (error,
// warning, notice) GitHub Actions shows for one step; it drops the rest
// without a word.
const AnnotationsPerKind = 10

// GitHub writes findings as GitHub Actions workflow commands, which the
// runner turns into annotations on the pull request:
//
//	::error file=a.atf.yaml,line=3,endLine=3,col=5,endColumn=9,title=...::message
//
// The missing controls of one place share an annotation (see finding.Grouped).
// Within GitHub's limit of AnnotationsPerKind of each kind, the most
// severe come first; when some do not fit, one notice says how many, so
// that none vanishes unsaid.
func GitHub(w io.Writer, fs []finding.Finding) error {
	bw := bufio.NewWriter(w)
	var kinds [finding.Error + 1][]finding.Finding
	for _, f := range finding.Grouped(fs) {
		kinds[f.Severity] = append(kinds[f.Severity], f)
	}
	left := 0
	for _, sev := range []finding.Severity{finding.Error, finding.Warning, finding.Note} {
		room := AnnotationsPerKind
		if sev == finding.Note && left+max(len(kinds[sev])-room, 0) > 0 {
			room-- // the notice that says what was left out
		}
		shown := kinds[sev][:min(len(kinds[sev]), room)]
		left += len(kinds[sev]) - len(shown)
		for _, f := range shown {
			annotate(bw, f)
		}
	}
	if left > 0 {
		fmt.Fprintf(bw, "::notice title=atflint::%s not shown as annotations, as GitHub shows %d of each kind per step; the job summary, code scanning or --format text has them all\n",
			Plural(left, "more finding"), AnnotationsPerKind)
	}
	return bw.Flush()
}

func annotate(w io.Writer, f finding.Finding) {
	cmd := map[finding.Severity]string{finding.Error: "error", finding.Warning: "warning", finding.Note: "notice"}[f.Severity]
	title := f.Rule
	if len(f.ATF) > 0 {
		title += " (ATF " + strings.Join(f.ATF, ", ") + ")"
	}
	fmt.Fprintf(w, "::%s file=%s,line=%d,endLine=%d,col=%d,endColumn=%d,title=%s::%s\n",
		cmd, property(f.File), f.Span.Start.Line, max(f.Span.End.Line, f.Span.Start.Line),
		f.Span.Start.Col, max(f.Span.End.Col, f.Span.Start.Col), property(title), data(f.Message))
}

// Plural writes a count of a word: "1 finding", "2 findings".
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// data escapes a workflow command's message as the runner expects.
func data(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// property escapes a workflow command's property value, where : and ,
// separate too.
func property(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
