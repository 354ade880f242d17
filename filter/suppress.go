package filter

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/internal/suggest"
	"github.com/atflint/atflint/lint"
	"github.com/atflint/atflint/rules"
	"github.com/atflint/atflint/syntax"
)

// The rules of suppressions themselves: they are reported here, where
// suppressions are read, not by the rule engine.
const (
	InvalidSuppression = "invalid-suppression"
	UnusedSuppression  = "unused-suppression"
)

// directive is the word that starts a suppression comment.
const directive = finding.IgnoreDirective

// ReasonPlaceholder is the reason an editor's code action writes into a
// suppression it inserts, for the author to replace: until it is, the
// suppression is invalid-suppression and suppresses nothing.
const ReasonPlaceholder = "<why this is accepted>"

// A Suppression is one atflint:ignore comment: the findings of its rules
// (or of rules evidencing its ATF requirements) on its line, when it
// trails code, or on the line after it, when it stands alone, are not
// reported.
type Suppression struct {
	File   string
	Pos    syntax.Pos
	Line   int      // the line whose findings it suppresses
	IDs    []string // rule ids and ATF requirement ids
	Reason string
	Until  time.Time // zero: no expiry
	used   bool
}

func (s *Suppression) matches(f finding.Finding) bool {
	if f.File != s.File || f.Span.Start.Line != s.Line {
		return false
	}
	for _, id := range s.IDs {
		if id == f.Rule || slices.Contains(f.ATF, id) {
			return true
		}
	}
	return false
}

// Suppress applies the atflint:ignore comments of the files read by a
// run to its findings. It returns the findings kept, those suppressed
// (with why), and findings about the suppressions: one that names no
// reason, an unknown rule or a bad date, or has expired, is
// invalid-suppression and suppresses nothing; one that suppressed nothing
// is unused-suppression. A file the run could not read has its finding
// already and is passed over; one that cannot be read now is an error in
// the list returned; the others are still applied.
func Suppress(sources []lint.Source, fs []finding.Finding, now time.Time) (kept, suppressed, about []finding.Finding, errs []error) {
	var sups []*Suppression
	for _, file := range sources {
		if file.Format == lint.Unreadable || file.NoIgnores {
			continue
		}
		src, err := file.Read()
		if err != nil {
			errs = append(errs, fmt.Errorf("reading %s for atflint:ignore comments: %w", file.Path, err))
			continue
		}
		if !bytes.Contains(src, []byte(directive)) {
			continue
		}
		s, bad := Parse(file.Path, src, now)
		sups = append(sups, s...)
		about = append(about, bad...)
	}
	for _, f := range fs {
		var by *Suppression
		for _, s := range sups {
			if s.matches(f) {
				s.used = true
				by = cmp.Or(by, s)
			}
		}
		if by == nil {
			kept = append(kept, f)
			continue
		}
		f.Suppression = &finding.Suppression{InSource: true, Justification: by.Reason}
		suppressed = append(suppressed, f)
	}
	for _, s := range sups {
		if !s.used {
			about = append(about, suppressionFinding(UnusedSuppression, s.File, s.Pos,
				fmt.Sprintf("this atflint:ignore[%s] suppresses nothing: no finding of it on line %d; remove it", strings.Join(s.IDs, ","), s.Line)))
		}
	}
	return kept, suppressed, about, errs
}

// Parse reads the suppressions of one file: the valid ones, and findings
// for those that are not.
func Parse(file string, src []byte, now time.Time) ([]*Suppression, []finding.Finding) {
	comments, ok := syntax.Comments(file, src)
	if !ok {
		return nil, nil
	}
	var sups []*Suppression
	var bad []finding.Finding
	for _, c := range comments {
		rest, ok := strings.CutPrefix(c.Text, directive)
		if !ok {
			continue
		}
		s, problem := parseDirective(rest, now)
		if problem != "" {
			bad = append(bad, suppressionFinding(InvalidSuppression, file, c.Pos, problem))
			continue
		}
		s.File, s.Pos, s.Line = file, c.Pos, c.Pos.Line
		if !c.Trailing {
			s.Line++
		}
		sups = append(sups, s)
	}
	return sups, bad
}

// parseDirective reads what follows atflint:ignore: [ids], then words,
// of which until=YYYY-MM-DD is the expiry and the others the reason.
func parseDirective(rest string, now time.Time) (*Suppression, string) {
	const form = "write atflint:ignore[rule-id] reason, optionally with until=YYYY-MM-DD"
	list, after, ok := strings.Cut(strings.TrimPrefix(rest, "["), "]")
	if !strings.HasPrefix(rest, "[") || !ok {
		return nil, "atflint:ignore names no rule; " + form
	}
	s := &Suppression{}
	for id := range strings.SplitSeq(list, ",") {
		id = strings.TrimSpace(id)
		if id == "" {
			continue
		}
		if problem := unknownID(id); problem != "" {
			return nil, problem
		}
		s.IDs = append(s.IDs, id)
	}
	if len(s.IDs) == 0 {
		return nil, "atflint:ignore[] names no rule; " + form
	}
	var reason []string
	for w := range strings.FieldsSeq(after) {
		if date, ok := strings.CutPrefix(w, "until="); ok {
			t, err := time.Parse(time.DateOnly, date)
			if err != nil {
				return nil, fmt.Sprintf("until=%s is not a date; write it as until=2027-03-01", date)
			}
			s.Until = t
			continue
		}
		reason = append(reason, w)
	}
	s.Reason = strings.Join(reason, " ")
	if s.Reason == ReasonPlaceholder {
		return nil, fmt.Sprintf("atflint:ignore[%s] still gives the placeholder %s as its reason, and suppresses nothing until it says why", list, ReasonPlaceholder)
	}
	if s.Reason == "" {
		return nil, fmt.Sprintf("atflint:ignore[%s] gives no reason, and suppresses nothing without one; say why after the ]", list)
	}
	// until= names the last day it holds.
	if !s.Until.IsZero() && !now.Before(s.Until.AddDate(0, 0, 1)) {
		return nil, fmt.Sprintf("atflint:ignore[%s] expired on %s and suppresses nothing now; fix what it hid, or extend it", list, s.Until.Format(time.DateOnly))
	}
	return s, ""
}

// unknownID explains an id that is neither a rule nor an ATF requirement.
func unknownID(id string) string {
	if rules.Lookup(id) != nil {
		return ""
	}
	if _, ok := atf.Lookup(id); ok {
		return ""
	}
	msg := fmt.Sprintf("atflint:ignore names %q, which is no rule and no ATF requirement", id)
	if s := suggest.Closest(id, rules.IDs()); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	} else {
		msg += "; 'atflint rules' lists the rules"
	}
	return msg
}

func suppressionFinding(rule, file string, at syntax.Pos, msg string) finding.Finding {
	r := rules.Lookup(rule)
	return finding.Finding{Rule: rule, Severity: r.Severity, Message: msg, File: file, Span: syntax.Span{Start: at, End: syntax.Pos{Line: at.Line, Col: at.Col + 1}}, ATF: r.ATF}
}
