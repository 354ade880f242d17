// Package finding defines what every rule and analyzer reports: a Finding
// at an exact span of a file, with its severity and the ATF requirements it
// evidences. Filters and outputs work on findings alone.
package finding

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/atflint/atflint/syntax"
)

// Severity is how much a finding matters. Higher is worse.
type Severity uint8

const (
	Note Severity = iota + 1
	Warning
	Error
)

var severityNames = [...]string{"", "note", "warning", "error"}

func (s Severity) String() string {
	if s < Note || s > Error {
		return "unknown"
	}
	return severityNames[s]
}

// ParseSeverity reads error, warning or note.
func ParseSeverity(s string) (Severity, bool) {
	for sev := Note; sev <= Error; sev++ {
		if s == severityNames[sev] {
			return sev, true
		}
	}
	return 0, false
}

// A Finding is one thing wrong, at one place.
type Finding struct {
	Rule     string
	Severity Severity
	Message  string
	File     string // relative to the base directory, / separated
	Span     syntax.Span
	ATF      []string // the ATF requirement ids the finding evidences
	Related  []Related
	// Group and Item let the outputs read by people write the findings of
	// one rule at one place, of one severity, as one line: Group heads it
	// ("requirements a junior agent MUST meet are not declared"), Item is
	// this finding's part of it ("I-2 Credential Binding
	// (identity.credential)"). Empty for a finding that stands alone.
	Group, Item string
	// Suppression is why the finding is not reported, when it is not;
	// only outputs asked to show suppressed findings, for audit, see it.
	Suppression *Suppression
	// Fingerprint identifies the finding across line shifts and
	// whitespace changes, for baselines and SARIF partialFingerprints;
	// filter.Fingerprint sets it, "" before.
	Fingerprint string
	// Line is the text of the line the finding starts on, where the run
	// that found it kept it: the fingerprint hashes that line, and reads
	// the file again for a finding without it.
	Line string
	// Fix, where the rule knows one, is the edit of the file that
	// resolves the finding, for an editor to apply.
	Fix *Fix
}

// A Fix is an edit of a finding's file that resolves it.
type Fix struct {
	Title string // what it does, as a command: "Set defaultMode to default"
	Edits []Edit
}

// An Edit replaces the text of Span with Text.
type Edit struct {
	Span syntax.Span
	Text string
}

// IgnoreDirective starts a comment that suppresses findings in a file.
const IgnoreDirective = "atflint:ignore"

// A Suppression is why a finding is not reported: an atflint:ignore
// comment in the file (InSource), or the configuration's ignores or the
// baseline, outside it.
type Suppression struct {
	InSource      bool
	Justification string
}

// Kind is where the suppression is kept, in SARIF's words: inSource or
// external.
func (s *Suppression) Kind() string {
	if s.InSource {
		return "inSource"
	}
	return "external"
}

// Related is another place that explains a finding: the first use of a
// duplicated id, the call that registers a tool.
type Related struct {
	File    string
	Span    syntax.Span
	Message string
}

// Compare orders findings by file, line, column, then rule and message, so
// that output is the same on every run.
func Compare(a, b Finding) int {
	return cmp.Or(
		strings.Compare(a.File, b.File),
		cmp.Compare(a.Span.Start.Line, b.Span.Start.Line),
		cmp.Compare(a.Span.Start.Col, b.Span.Start.Col),
		strings.Compare(a.Rule, b.Rule),
		strings.Compare(a.Message, b.Message),
	)
}

// Sort sorts findings into output order.
func Sort(fs []Finding) { slices.SortStableFunc(fs, Compare) }

// Grouped merges the findings, in output order, that share a rule, a
// file, a start, a severity and a group into one, whose message heads the
// group and lists its items, and whose ATF ids are all of theirs: read by
// a person, the eighteenth missing control at 1:1 says nothing the first
// did not. A group of one keeps its own message. Machine outputs (JSON,
// SARIF) keep every finding.
func Grouped(fs []Finding) []Finding {
	out := make([]Finding, 0, len(fs))
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
