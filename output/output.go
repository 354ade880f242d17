// Package output writes findings for people and machines: text for a
// terminal, versioned JSON for scripts. SARIF lives in package sarif.
package output

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
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
// place) are written as one line; see Grouped.
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
	for _, f := range Grouped(fs) {
		place := fmt.Sprintf("%s:%d:%d:", FileName(f.File), f.Span.Start.Line, f.Span.Start.Col)
		fmt.Fprintf(bw, "%s %s %s %s", paint(bold, place), paint(sgr[f.Severity], f.Severity.String()+":"), oneLine(f.Message), paint(faint, "["+f.Rule+"]"))
		if len(f.ATF) > 0 {
			fmt.Fprintf(bw, " (ATF %s)", strings.Join(f.ATF, ", "))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// Grouped merges the findings, in output order, that share a rule, a
// file, a start, a severity and a group into one, whose message heads the
// group and lists its items, and whose ATF ids are all of theirs: read by
// a person, the eighteenth missing control at 1:1 says nothing the first
// did not. A group of one keeps its own message. Machine outputs (JSON,
// SARIF) keep every finding.
func Grouped(fs []finding.Finding) []finding.Finding {
	out := make([]finding.Finding, 0, len(fs))
	taken := make([]bool, len(fs))
	for i, f := range fs {
		if taken[i] {
			continue
		}
		if f.Group == "" {
			out = append(out, f)
			continue
		}
		items, atf := []string{f.Item}, slices.Clone(f.ATF)
		for j := i + 1; j < len(fs) && fs[j].File == f.File && fs[j].Span.Start == f.Span.Start; j++ {
			g := fs[j]
			if !taken[j] && g.Rule == f.Rule && g.Severity == f.Severity && g.Group == f.Group {
				taken[j] = true
				items = append(items, g.Item)
				for _, id := range g.ATF {
					if !slices.Contains(atf, id) {
						atf = append(atf, id)
					}
				}
			}
		}
		if len(items) > 1 {
			f.Message = fmt.Sprintf("%d %s: %s", len(items), f.Group, strings.Join(items, "; "))
			f.ATF = atf
		}
		out = append(out, f)
	}
	return out
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
