// Package sarif writes findings as SARIF 2.1.0, the way GitHub code
// scanning reads it: every enabled rule with its documentation, one result
// per finding with one repository-relative location, related locations
// linked from the message, and no more results than GitHub keeps.
package sarif

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	gosarif "github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/rules"
)

// MaxResults is the most results GitHub accepts in one run; past it, the
// most severe are kept.
const MaxResults = 25000

// FingerprintKey names atflint's fingerprint among a result's
// partialFingerprints; its version changes when the fingerprint does.
const FingerprintKey = "atflintFingerprint/v1"

// maxMessage bounds a result's message, whatever produced it.
const maxMessage = 2000

// InformationURI is where atflint lives.
const InformationURI = "https://github.com/atflint/atflint"

// Options configure the report.
type Options struct {
	Rules   []*rules.Rule // the enabled rules
	Version string        // atflint's version
	// MaxResults overrides the limit, for tests; 0 means MaxResults.
	MaxResults int
}

// Write writes one SARIF run holding fs. It returns how many findings it
// left out to stay within the limit. Every finding's file must lie inside
// the working directory, which the paths are relative to.
func Write(w io.Writer, fs []finding.Finding, opt Options) (dropped int, err error) {
	limit := opt.MaxResults
	if limit <= 0 {
		limit = MaxResults
	}
	if len(fs) > limit {
		dropped = len(fs) - limit
		fs = mostSevere(fs, limit)
	}
	ruleIndex := map[string]int{}
	descriptors := make([]*gosarif.ReportingDescriptor, len(opt.Rules))
	for i, r := range opt.Rules {
		ruleIndex[r.ID] = i
		descriptors[i] = descriptor(r)
	}
	results := make([]*gosarif.Result, 0, len(fs))
	for _, f := range fs {
		i, ok := ruleIndex[f.Rule]
		if !ok {
			return 0, fmt.Errorf("finding of rule %s, which is not among the enabled rules", f.Rule)
		}
		res, err := result(f, uint(i))
		if err != nil {
			return 0, err
		}
		results = append(results, res)
	}
	driver := &gosarif.ToolComponent{
		Name:           "atflint",
		InformationURI: ptr(InformationURI),
		Rules:          descriptors,
	}
	if opt.Version != "" {
		driver.Version = ptr(opt.Version)
		if v := strings.TrimPrefix(opt.Version, "v"); isSemver(v) {
			driver.SemanticVersion = ptr(v)
		}
	}
	run := &gosarif.Run{
		Tool:        gosarif.Tool{Driver: driver},
		Invocations: []*gosarif.Invocation{{ExecutionSuccessful: ptr(true)}},
		ColumnKind:  "unicodeCodePoints",
		Results:     results,
	}
	report := &gosarif.Report{
		Version: "2.1.0",
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Runs:    []*gosarif.Run{run},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return dropped, enc.Encode(report)
}

// mostSevere keeps the n most severe findings, in their original order.
func mostSevere(fs []finding.Finding, n int) []finding.Finding {
	kept := slices.Clone(fs)
	slices.SortStableFunc(kept, func(a, b finding.Finding) int { return int(b.Severity) - int(a.Severity) })
	kept = kept[:n]
	finding.Sort(kept)
	return kept
}

func descriptor(r *rules.Rule) *gosarif.ReportingDescriptor {
	d := &gosarif.ReportingDescriptor{
		ID:                   r.ID,
		Name:                 ptr(pascal(r.ID)),
		ShortDescription:     &gosarif.MultiformatMessageString{Text: ptr(r.Title)},
		FullDescription:      &gosarif.MultiformatMessageString{Text: ptr(fullDescription(r.Rationale))},
		HelpURI:              ptr(r.URL()),
		Help:                 &gosarif.MultiformatMessageString{Text: ptr(helpText(r)), Markdown: ptr(r.Markdown())},
		DefaultConfiguration: &gosarif.ReportingConfiguration{Level: level(r.Severity)},
	}
	d.Properties = gosarif.Properties{
		"tags":              tags(r.ATF),
		"precision":         "high",
		"security-severity": securitySeverity(r.Severity),
	}
	return d
}

func result(f finding.Finding, ruleIndex uint) (*gosarif.Result, error) {
	loc, err := location(f.File, f.Span.Start.Line, f.Span.Start.Col, f.Span.End.Line, f.Span.End.Col)
	if err != nil {
		return nil, err
	}
	msg := sentence(escapeLinks(clip(f.Message, maxMessage)))
	res := &gosarif.Result{
		RuleID:    ptr(f.Rule),
		RuleIndex: &ruleIndex,
		Level:     ptr(level(f.Severity)),
		Locations: []*gosarif.Location{loc},
	}
	if f.Fingerprint != "" {
		// Code scanning keys alerts by these across commits, as the
		// baseline does.
		res.PartialFingerprints = map[string]any{FingerprintKey: f.Fingerprint}
	}
	for i, rel := range f.Related {
		id := uint(i + 1)
		rl, err := location(rel.File, rel.Span.Start.Line, rel.Span.Start.Col, rel.Span.End.Line, rel.Span.End.Col)
		if err != nil {
			return nil, err
		}
		rl.Id = &id
		rl.Message = &gosarif.Message{Text: ptr(rel.Message)}
		res.RelatedLocations = append(res.RelatedLocations, rl)
		// GitHub links a related location only from the message.
		msg += fmt.Sprintf(" See [%s](%d).", escapeLinks(rel.Message), id)
	}
	res.Message = gosarif.Message{Text: ptr(msg)}
	return res, nil
}

// location is a region of a repository file. Columns are code points,
// as run.columnKind says; an empty region grows to one character.
func location(file string, line, col, endLine, endCol int) (*gosarif.Location, error) {
	uri, err := fileURI(file)
	if err != nil {
		return nil, err
	}
	line, col = max(line, 1), max(col, 1)
	if endLine < line || endLine == line && endCol <= col {
		endLine, endCol = line, col+1
	}
	return &gosarif.Location{PhysicalLocation: &gosarif.PhysicalLocation{
		ArtifactLocation: &gosarif.ArtifactLocation{URI: ptr(uri), URIBaseId: ptr("%SRCROOT%")},
		Region:           &gosarif.Region{StartLine: &line, StartColumn: &col, EndLine: &endLine, EndColumn: &endCol},
	}}, nil
}

// An OutsideError is a finding in a file outside the working directory,
// which SARIF cannot point at.
type OutsideError struct{ File string }

func (e *OutsideError) Error() string {
	return e.File + " is outside the working directory; SARIF paths must be inside the repository, so run atflint from the repository root"
}

// fileURI turns a /-separated path relative to the repository root into a
// URI reference, refusing paths that leave the repository.
func fileURI(file string) (string, error) {
	clean := path.Clean(file)
	if path.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, "../") || strings.Contains(file, `\`) || windowsDrive(clean) {
		return "", &OutsideError{file}
	}
	parts := strings.Split(clean, "/")
	for i, p := range parts {
		// A colon would make the first segment read as a URI scheme.
		parts[i] = strings.ReplaceAll(url.PathEscape(p), ":", "%3A")
	}
	return strings.Join(parts, "/"), nil
}

// windowsDrive reports a path that starts with a drive, as C: or C:/x:
// a file on another drive than the working directory's.
func windowsDrive(p string) bool {
	return len(p) >= 2 && p[1] == ':' && ('a' <= p[0]|0x20 && p[0]|0x20 <= 'z') && (len(p) == 2 || p[2] == '/')
}

func level(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "error"
	case finding.Warning:
		return "warning"
	}
	return "note"
}

// securitySeverity is GitHub's score: over 7 is high, 4 to 7 medium,
// under 4 low.
func securitySeverity(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "8.0"
	case finding.Warning:
		return "5.5"
	}
	return "3.0"
}

// maxTags is the most tags GitHub keeps on a rule.
const maxTags = 20

// tags are "security", the ATF elements and an "atf/I-1" tag per
// requirement; a rule about more requirements than fit (the matrix) gets
// one tag per element instead, "atf/identity".
func tags(ids []string) []string {
	t := []string{"security"}
	var elements []string
	for _, id := range ids {
		if r, ok := atf.Lookup(id); ok && !slices.Contains(elements, r.Element) {
			elements = append(elements, r.Element)
		}
	}
	t = append(t, elements...)
	if len(t)+len(ids) <= maxTags {
		for _, id := range ids {
			t = append(t, "atf/"+id)
		}
	} else {
		for _, e := range elements {
			t = append(t, "atf/"+e)
		}
	}
	return t
}

// fullDescription is the rationale's first paragraph on one line, within
// GitHub's 1024 characters.
func fullDescription(rationale string) string {
	para, _, _ := strings.Cut(strings.TrimSpace(rationale), "\n\n")
	return clip(strings.Join(strings.Fields(para), " "), 1024)
}

func helpText(r *rules.Rule) string {
	return r.Title + ".\n\n" + strings.TrimSpace(r.Rationale) + "\n\nMore: " + r.URL()
}

// clip shortens s to at most n characters, at a word if it can.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n-1]
	if i := strings.LastIndexByte(string(r), ' '); i > n/2 {
		return string(r)[:i] + "…"
	}
	return string(r) + "…"
}

// sentence ends a message as a sentence. Messages join their clauses with
// semicolons, so the first sentence, the alert's title on GitHub, is the
// whole message and reads on its own.
func sentence(s string) string {
	if s != "" && !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "?") {
		s += "."
	}
	return s
}

// escapeLinks keeps brackets in a message from reading as SARIF links.
func escapeLinks(s string) string {
	return strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`).Replace(s)
}

// pascal turns a rule id into a name: missing-identity, MissingIdentity.
func pascal(id string) string {
	var b strings.Builder
	for _, w := range strings.Split(id, "-") {
		if w != "" {
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	return b.String()
}

func isSemver(v string) bool {
	parts := strings.SplitN(strings.SplitN(v, "-", 2)[0], ".", 3)
	if len(parts) != 3 {
		return false
	}
	for _, p := range parts {
		if p == "" || strings.Trim(p, "0123456789") != "" {
			return false
		}
	}
	return true
}

func ptr[T any](v T) *T { return &v }
