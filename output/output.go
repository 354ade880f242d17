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
//
// Findings that share a group (missing-control's requirements at one
// place) are written as one line; see finding.Grouped.
func Text(w io.Writer, fs []finding.Finding) error { return text(w, fs, false) }

// ColorText writes what Text does, with the place in bold and the
// severity in colour, for a terminal.
func ColorText(w io.Writer, fs []finding.Finding) error { return text(w, fs, true) }

// sgr are the terminal's select graphic rendition sequences ColorText uses.
var sgr = map[finding.Severity]string{finding.Error: "\x1b[1;31m", finding.Warning: "\x1b[1;33m", finding.Note: "\x1b[1;36m"}

const (
	bold  = "\x1b[1m"
	faint = "\x1b[2m"
	reset = "\x1b[0m"
)

func text(w io.Writer, fs []finding.Finding, color bool) error {
	paint := func(code, s string) string {
		if !color {
			return s
		}
		return code + s + reset
	}
	bw := bufio.NewWriter(w)
	for _, f := range finding.Grouped(fs) {
		place := fmt.Sprintf("%s:%d:%d:", FileName(f.File), f.Span.Start.Line, f.Span.Start.Col)
		fmt.Fprintf(bw, "%s %s %s %s", paint(bold, place), paint(sgr[f.Severity], f.Severity.String()+":"), oneLine(f.Message), paint(faint, "["+f.Rule+"]"))
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
	*Run
}

// Run is what a run covered, for the JSON output: a result read without
// it (merged across an organisation, say) cannot tell a clean repository
// from one atflint could not analyse.
type Run struct {
	Files    int `json:"files"`    // files checked
	Packages int `json:"packages"` // Go packages analysed
	// NotAnalysed are what kept the run from checking something, each
	// as atflint says it on stderr.
	NotAnalysed []string `json:"not_analysed"`
}

type jsonFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	jsonLocation
	ATF         []string      `json:"atf"`
	Related     []jsonRelated `json:"related,omitempty"`
	Fingerprint string        `json:"fingerprint,omitempty"`
	// Suppression is set on the suppressed findings --include-suppressed
	// adds.
	Suppression *jsonSuppression `json:"suppression,omitempty"`
}

type jsonSuppression struct {
	Kind          string `json:"kind"` // inSource (an atflint:ignore comment) or external
	Justification string `json:"justification"`
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

// JSON writes the findings as one JSON document: {"version": 1, "findings": [...]},
// with what the run covered when run is not nil. Columns count Unicode
// code points from 1; endColumn is exclusive.
func JSON(w io.Writer, fs []finding.Finding, run *Run) error {
	r := jsonReport{Version: JSONVersion, Findings: make([]jsonFinding, 0, len(fs)), Run: run}
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
		if sup := f.Suppression; sup != nil {
			jf.Suppression = &jsonSuppression{sup.Kind(), sup.Justification}
		}
		r.Findings = append(r.Findings, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
