// Package assess writes the ATF conformance statement of each agent a
// run read: per element "X/5 requirements met", as the spec's
// CONFORMANCE.md asks adopters to publish, and per requirement whether it
// is met, with the keyword at the target level and the evidence as
// file:line, and what the agent lacks for the next level.
//
// A requirement is met when the agent's manifest declares it and no
// finding on the agent's files says otherwise; partially met when it is
// declared but a finding of a rule about it stands (a credential that
// lives too long, a tool with no guard); not met when it is not declared,
// is switched off or left TODO; not judged when the part of the manifest
// that declares it does not parse or validate.
package assess

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/lint"
	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

// Statuses of a requirement.
const (
	Met          = "met"
	PartiallyMet = "partially met"
	NotMet       = "not met"
	NotJudged    = "not judged"
	// NotEvidenced is a control the manifest declares and the agent's Go
	// code shows no sign of: it may be implemented elsewhere (a gateway,
	// the platform), which the organization attests.
	NotEvidenced = "not evidenced"
)

// codeEvidenced are the requirements whose implementation Go code can
// show (see analyzers/controls).
var codeEvidenced = []string{"B-1", "B-2", "D-1", "S-3", "R-1", "R-2"}

// maxCodeEvidence is how many places in code a requirement cites.
const maxCodeEvidence = 3

// Options say whom the statement is by, and for what level and date.
type Options struct {
	Organization string
	// TargetLevel is the level the agent is assessed at; 0 means the
	// level its manifest declares.
	TargetLevel atf.Level
	Date        string // YYYY-MM-DD
	// NotAnalyzed say what the run could not analyze (a Go package that
	// did not load): each statement's notes list them, since their
	// findings and controls are missing from it.
	NotAnalyzed []string
}

// A Statement is one agent's conformance statement.
type Statement struct {
	Organization   string `json:"organization"`
	Implementation string `json:"implementation"`
	AgentID        string `json:"agentId"`
	Manifest       string `json:"manifest"`
	ATFVersion     string `json:"atfVersion"`
	DeclaredLevel  string `json:"declaredLevel"`
	TargetLevel    string `json:"targetMaturityLevel"`
	Date           string `json:"assessmentDate"`
	// Conforms is whether every requirement that is a MUST at the target
	// level is met.
	Conforms     bool          `json:"conforms"`
	Elements     []Element     `json:"elements"`
	Requirements []Requirement `json:"requirements"`
	Promotion    *Promotion    `json:"promotion,omitempty"`
	// SelfAssessment answers the spec's 30 self-assessment questions.
	SelfAssessment []Answer `json:"selfAssessment"`
	Notes          []string `json:"notes"`

	target atf.Level
}

// An Element is one of ATF's five, with how many of its requirements are met.
type Element struct {
	Name string `json:"name"`
	Met  int    `json:"met"`
	Of   int    `json:"of"`
}

// A Requirement is how one requirement stands.
type Requirement struct {
	ID       string     `json:"id"`
	Name     string     `json:"name"`
	Element  string     `json:"element"`
	Keyword  string     `json:"keyword"` // at the target level
	Status   string     `json:"status"`
	Evidence []Evidence `json:"evidence"`
}

// Evidence is a place that shows how a requirement stands.
type Evidence struct {
	File string `json:"file"`
	Line int    `json:"line"`
	What string `json:"what"`
}

// Promotion is what the agent lacks for the next level.
type Promotion struct {
	To string `json:"to"`
	// Rising are the requirements whose keyword is stronger at the next
	// level, with how each stands now.
	Rising []Rising `json:"rising"`
	// Gates are the maturity model's promotion gates, which a person
	// confirms: a repository cannot show them.
	Gates []Gate `json:"gates"`
}

// Rising is a requirement that counts for more at the next level.
type Rising struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	From   string `json:"from"`
	To     string `json:"to"`
	Status string `json:"status"`
}

// A Gate is one of the five promotion gates and what it asks at the next
// level.
type Gate struct {
	Name  string   `json:"name"`
	Items []string `json:"items"`
}

// elementNames are the element names of the conformance statement
// template.
var elementNames = []struct{ key, name string }{
	{"identity", "Identity"}, {"behavior", "Behavior"}, {"data", "Data Governance"},
	{"segmentation", "Segmentation"}, {"incident", "Incident Response"},
}

// Statements assesses each agent an ATF manifest among files declares.
// Findings count against the agent whose files they are on: its manifest,
// the configs that manifest lists under sources, and the files below the
// manifest's directory that no nearer manifest claims. The inventory,
// when the run analyzed Go code, says where that code implements controls.
func Statements(files []*model.File, fs []finding.Finding, inv *lint.Inventory, opt Options) ([]*Statement, error) {
	var manifests []*model.File
	for _, f := range files {
		if f.Format == model.FormatATF {
			manifests = append(manifests, f)
		}
	}
	if len(manifests) == 0 {
		return nil, fmt.Errorf("no ATF manifest (*.atf.yaml) found to assess; atflint init drafts one")
	}
	var out []*Statement
	for _, m := range manifests {
		if len(m.Agents) == 0 {
			out = append(out, unreadable(m, opt))
			continue
		}
		for _, a := range m.Agents {
			st, err := assess(m, a, agentFindings(m, manifests, files, fs), agentCode(m, inv), opt)
			if err != nil {
				return nil, err
			}
			out = append(out, st)
		}
	}
	return out, nil
}

// unreadable is the statement of a manifest that could not be read at
// all: every requirement not judged.
func unreadable(m *model.File, opt Options) *Statement {
	st := &Statement{Organization: orNotStated(opt.Organization), Implementation: m.Path, Manifest: m.Path, ATFVersion: "not stated",
		DeclaredLevel: "not stated", TargetLevel: levelName(opt.TargetLevel), Date: opt.Date, Notes: []string{}, SelfAssessment: []Answer{}, target: opt.TargetLevel}
	var why []Evidence
	for _, p := range m.Problems {
		why = append(why, Evidence{m.Path, p.Span.Start.Line, p.Message})
	}
	for _, r := range atf.Requirements() {
		st.Requirements = append(st.Requirements, Requirement{ID: r.ID, Name: r.Name, Element: r.Element, Keyword: keyword(r, opt.TargetLevel), Status: NotJudged, Evidence: slices.Clone(why)})
	}
	st.Notes = append(st.Notes, m.Path+" could not be read as a manifest, so no requirement could be judged.")
	st.count()
	return st
}

func assess(m *model.File, a *model.Agent, fs []finding.Finding, code *agentCodeOf, opt Options) (*Statement, error) {
	version, err := atfVersion(m)
	if err != nil {
		return nil, err
	}
	target := opt.TargetLevel
	if target == 0 {
		target = a.Level.Value
	}
	st := &Statement{
		Organization:   orNotStated(opt.Organization),
		Implementation: cmp.Or(a.Name.Value, a.ID.Value, m.Path),
		AgentID:        a.ID.Value,
		Manifest:       m.Path,
		ATFVersion:     version,
		DeclaredLevel:  levelName(a.Level.Value),
		TargetLevel:    levelName(target),
		Date:           opt.Date,
		Notes:          []string{},
		target:         target,
	}
	if !target.Known() {
		st.Notes = append(st.Notes, "The manifest declares no level and none was given (--target-level): the keywords are not shown and conformance is not judged.")
	}
	broken := brokenSpans(m)
	for _, r := range atf.Requirements() {
		st.Requirements = append(st.Requirements, judge(m, a, r, fs, broken, target, code))
	}
	st.count()
	st.Promotion = promotion(st)
	st.SelfAssessment = answers(a, st)
	for _, na := range opt.NotAnalyzed {
		st.Notes = append(st.Notes, "Not analyzed, so not judged from: "+na)
	}
	if code == nil {
		st.Notes = append(st.Notes, "Judged from the manifest and atflint's findings on its files; no Go code of the agent was analyzed, so no control is evidenced in code.")
	} else {
		st.Notes = append(st.Notes, fmt.Sprintf("Judged from the manifest, atflint's findings on the agent's files, and its Go code, where %s are sought as evidence of their implementation.", strings.Join(codeEvidenced, ", ")))
	}
	return st, nil
}

// judge decides how one requirement stands.
func judge(m *model.File, a *model.Agent, r atf.Requirement, fs []finding.Finding, broken []syntax.Span, target atf.Level, code *agentCodeOf) Requirement {
	req := Requirement{ID: r.ID, Name: r.Name, Element: r.Element, Keyword: keyword(r, target), Evidence: []Evidence{}}
	c, _ := a.Controls.Of(r.ID)
	for _, b := range broken {
		if c.Span.IsValid() && within(b, c.Span) {
			req.Status = NotJudged
			req.Evidence = append(req.Evidence, Evidence{m.Path, b.Start.Line, "this part of the manifest does not validate"})
			return req
		}
	}
	var against []finding.Finding
	for _, f := range fs {
		if f.Rule != "missing-control" && slices.Contains(f.ATF, r.ID) && f.Severity >= finding.Warning {
			against = append(against, f)
		}
	}
	var inCode []lint.InventoryControl
	sought := code != nil && slices.Contains(codeEvidenced, r.ID)
	if sought {
		inCode = code.uses(r.ID)
	}
	switch {
	case c.State == model.Declared && r.ID == "I-1" && len(against) > 0:
		// An id that is no URN or is taken is no unique identifier.
		req.Status = NotMet
	case c.State == model.Declared && len(against) > 0:
		req.Status = PartiallyMet
	case c.State == model.Declared && sought && len(inCode) == 0:
		req.Status = NotEvidenced
	case c.State == model.Declared:
		req.Status = Met
	default:
		req.Status = NotMet
	}
	what := "declared: " + c.Field
	switch {
	case req.Status == NotEvidenced:
		what = "declared (" + c.Field + "), not evidenced in the agent's Go code"
	case c.Note != "":
		what = c.Note
	case c.State == model.Off:
		what = c.Field + " is switched off"
	case c.State != model.Declared:
		what = "not declared (" + c.Field + ")"
	}
	req.Evidence = append(req.Evidence, Evidence{m.Path, c.Span.Start.Line, what})
	for _, u := range inCode[:min(len(inCode), maxCodeEvidence)] {
		req.Evidence = append(req.Evidence, Evidence{u.File, u.Line, "in code: " + u.Via})
	}
	for _, f := range against {
		req.Evidence = append(req.Evidence, Evidence{f.File, f.Span.Start.Line, "but: " + f.Message + " [" + f.Rule + "]"})
	}
	return req
}

// agentCodeOf is what the run found in the Go code an ATF manifest
// covers.
type agentCodeOf struct {
	controls []lint.InventoryControl
}

// agentCode is the agent's Go code, nil when the run analyzed none of it:
// the packages the analyzers linked to the manifest, by their tools and
// controls.
func agentCode(m *model.File, inv *lint.Inventory) *agentCodeOf {
	if inv == nil {
		return nil
	}
	var code *agentCodeOf
	for _, t := range inv.Tools {
		if t.Manifest == m.Path {
			code = &agentCodeOf{}
			break
		}
	}
	for _, c := range inv.Controls {
		if c.Manifest == m.Path {
			if code == nil {
				code = &agentCodeOf{}
			}
			code.controls = append(code.controls, c)
		}
	}
	return code
}

func (c *agentCodeOf) uses(req string) []lint.InventoryControl {
	var out []lint.InventoryControl
	for _, u := range c.controls {
		if u.Requirement == req {
			out = append(out, u)
		}
	}
	return out
}

// brokenSpans are where the manifest does not parse or validate.
func brokenSpans(m *model.File) []syntax.Span {
	var spans []syntax.Span
	for _, p := range m.Problems {
		if p.Kind == model.Invalid || p.Kind == model.SchemaViolation {
			spans = append(spans, p.Span)
		}
	}
	return spans
}

// within reports whether span a starts inside span b.
func within(a, b syntax.Span) bool {
	return !a.Start.Before(b.Start) && (a.Start.Before(b.End) || !b.End.IsValid())
}

// agentFindings are the findings on the agent's files: the manifest, the
// files whose controls it carries (its sources), and the files under its
// directory for which it is the nearest manifest.
func agentFindings(m *model.File, manifests, files []*model.File, fs []finding.Finding) []finding.Finding {
	own := map[string]bool{m.Path: true}
	for _, f := range files {
		for _, a := range f.Agents {
			if a.ControlsIn == m.Path {
				own[f.Path] = true
			}
		}
	}
	var out []finding.Finding
	for _, f := range fs {
		if own[f.File] || nearestManifest(f.File, manifests) == m.Path && !slices.ContainsFunc(files, func(g *model.File) bool { return g.Path == f.File }) {
			out = append(out, f)
		}
	}
	return out
}

// nearestManifest is the manifest in the file's directory or the nearest
// above it, as the Go analyzers link packages to manifests.
func nearestManifest(file string, manifests []*model.File) string {
	best, depth := "", -1
	for _, m := range manifests {
		dir := filepath.ToSlash(filepath.Dir(m.Path))
		if dir == "." || strings.HasPrefix(file, dir+"/") {
			if d := strings.Count(dir, "/"); d > depth || dir == "." && depth < 0 {
				best, depth = m.Path, d
			}
		}
	}
	return best
}

// atfVersion is the manifest's atf value, which the schema has already
// held to the versions atflint knows.
func atfVersion(m *model.File) (string, error) {
	if m.Root == nil {
		return "not stated", nil
	}
	e, ok := m.Root.Lookup("atf")
	if !ok || e.Value.Kind != syntax.Scalar {
		return "not stated", nil
	}
	v := e.Value.Value
	if !slices.Contains(SupportedVersions, v) {
		return "", fmt.Errorf("%s:%d: ATF version %q is not one atflint assesses against; it knows %s", m.Path, e.Value.Span.Start.Line, v, strings.Join(SupportedVersions, ", "))
	}
	return v, nil
}

// SupportedVersions are the ATF versions the requirement matrix is of.
var SupportedVersions = []string{"0.9", "0.9.0", "0.9.1"}

func (st *Statement) count() {
	st.Elements = nil
	st.Conforms = st.target.Known()
	for _, e := range elementNames {
		el := Element{Name: e.name}
		for _, r := range st.Requirements {
			if r.Element != e.key {
				continue
			}
			el.Of++
			if r.Status == Met {
				el.Met++
			}
			if r.Keyword == atf.Must.String() && !attested(r.Status) {
				st.Conforms = false
			}
		}
		st.Elements = append(st.Elements, el)
	}
}

func promotion(st *Statement) *Promotion {
	if !st.target.Known() || st.target == atf.Principal {
		return nil
	}
	next := st.target + 1
	p := &Promotion{To: next.String(), Rising: []Rising{}}
	for _, r := range atf.Requirements() {
		from, to := r.At(st.target), r.At(next)
		if strength(to) > strength(from) {
			i := slices.IndexFunc(st.Requirements, func(q Requirement) bool { return q.ID == r.ID })
			p.Rising = append(p.Rising, Rising{r.ID, r.Name, from.String(), to.String(), st.Requirements[i].Status})
		}
	}
	p.Gates = gates(next)
	return p
}

// attested reports a status that counts toward conformance: met, or
// declared where the code shows no sign, which the organization attests
// (ATF Compatible is a self-attestation).
func attested(status string) bool { return status == Met || status == NotEvidenced }

func strength(k atf.Keyword) int {
	switch k {
	case atf.Must:
		return 3
	case atf.Should:
		return 2
	case atf.May:
		return 1
	}
	return 0
}

func keyword(r atf.Requirement, l atf.Level) string {
	if !l.Known() {
		return ""
	}
	return r.At(l).String()
}

func levelName(l atf.Level) string {
	if !l.Known() {
		return "not stated"
	}
	return l.String()
}

func orNotStated(s string) string {
	if s == "" {
		return "not stated"
	}
	return s
}

// ConformsAt reports whether every requirement ATF makes a MUST at level
// l is met, whatever level the statement was made at.
func ConformsAt(st *Statement, l atf.Level) bool {
	for _, r := range st.Requirements {
		if req, ok := atf.Lookup(r.ID); ok && req.At(l) == atf.Must && !attested(r.Status) {
			return false
		}
	}
	return true
}
