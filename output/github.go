package output

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/atflint/atflint/finding"
)

// GitHub writes findings as GitHub Actions workflow commands, which the
// runner turns into annotations on the pull request:
//
//	::error file=a.atf.yaml,line=3,endLine=3,col=5,endColumn=9,title=...::message
func GitHub(w io.Writer, fs []finding.Finding) error {
	bw := bufio.NewWriter(w)
	for _, f := range Grouped(fs) {
		cmd := map[finding.Severity]string{finding.Error: "error", finding.Warning: "warning", finding.Note: "notice"}[f.Severity]
		title := f.Rule
		if len(f.ATF) > 0 {
			title += " (ATF " + strings.Join(f.ATF, ", ") + ")"
		}
		fmt.Fprintf(bw, "::%s file=%s,line=%d,endLine=%d,col=%d,endColumn=%d,title=%s::%s\n",
			cmd, property(f.File), f.Span.Start.Line, max(f.Span.End.Line, f.Span.Start.Line),
			f.Span.Start.Col, max(f.Span.End.Col, f.Span.Start.Col), property(title), data(f.Message))
	}
	return bw.Flush()
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
