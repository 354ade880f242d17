// Package output writes findings for people and machines: text for a
// terminal, versioned JSON for scripts. SARIF lives in package sarif.
package output

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/syntax"
)

// Text writes one line per finding:
//
//	file:line:col: severity: message [rule-id] (ATF I-1, I-2)
func Text(w io.Writer, fs []finding.Finding) error {
	bw := bufio.NewWriter(w)
	for _, f := range fs {
		fmt.Fprintf(bw, "%s:%d:%d: %s: %s [%s]", FileName(f.File), f.Span.Start.Line, f.Span.Start.Col, f.Severity, oneLine(f.Message), f.Rule)
		if len(f.ATF) > 0 {
			fmt.Fprintf(bw, " (ATF %s)", strings.Join(f.ATF, ", "))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// FileName writes a file name as it is, or quoted with Go's escapes when it
// holds a line break or another control character, which could otherwise
// start a line of its own, such as a workflow command in a CI log.
func FileName(name string) string {
	if strings.ContainsFunc(name, unicode.IsControl) {
		return strconv.Quote(name)
	}
	return name
}

// oneLine keeps a message on its line, whatever a file put in it.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}

// JSONVersion is the version of the JSON output format; it changes only
// when a field is removed or changes meaning.
const JSONVersion = 1

type jsonReport struct {
	Version  int           `json:"version"`
	Findings []jsonFinding `json:"findings"`
}

type jsonFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	jsonLocation
	ATF         []string      `json:"atf"`
	Related     []jsonRelated `json:"related,omitempty"`
	Fingerprint string        `json:"fingerprint,omitempty"`
}

type jsonLocation struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
}

type jsonRelated struct {
	jsonLocation
	Message string `json:"message"`
}

func location(file string, s syntax.Span) jsonLocation {
	return jsonLocation{file, s.Start.Line, s.Start.Col, s.End.Line, s.End.Col}
}

// JSON writes the findings as one JSON document: {"version": 1, "findings": [...]}.
// Columns count Unicode code points from 1; endColumn is exclusive.
func JSON(w io.Writer, fs []finding.Finding) error {
	r := jsonReport{Version: JSONVersion, Findings: make([]jsonFinding, 0, len(fs))}
	for _, f := range fs {
		jf := jsonFinding{
			Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message,
			jsonLocation: location(f.File, f.Span), ATF: f.ATF, Fingerprint: f.Fingerprint,
		}
		if jf.ATF == nil {
			jf.ATF = []string{}
		}
		for _, rel := range f.Related {
			jf.Related = append(jf.Related, jsonRelated{location(rel.File, rel.Span), rel.Message})
		}
		r.Findings = append(r.Findings, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
