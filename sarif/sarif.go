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

	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/owasp"
	"github.com/atflint/atflint/ruledoc"
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
	// Ref is the release tag or commit the rules' documentation is linked
	// at, so that a result's help is the text of the version that ran;
	// "" links the main branch.
	Ref string
	// MaxResults overrides the limit, for tests; 0 means MaxResults.
	MaxResults int
}

// The taxonomies the rules relate to, by their index in run.taxonomies.
const (
	atfTaxonomy   = 0
	owaspTaxonomy = 1
)

var taxonomyNames = [...]string{atfTaxonomy: "ATF", owaspTaxonomy: "OWASP Agentic Top 10"}

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
	var descriptors []descriptor
	ruleIndex := map[string]int{}
	byID := map[string]*rules.Rule{}
	for _, r := range opt.Rules {
		byID[r.ID] = r
		if r.ByRequirement {
			for _, id := range r.ATF {
				ruleIndex[r.ID+"/"+id] = len(descriptors)
				descriptors = append(descriptors, requirementDescriptor(r, id, opt.Ref))
			}
			continue
		}
		ruleIndex[r.ID] = len(descriptors)
		descriptors = append(descriptors, ruleDescriptor(r, opt.Ref))
	}
	results := make([]result, 0, len(fs))
	for _, f := range fs {
		id := f.Rule
		if r := byID[f.Rule]; r != nil && r.ByRequirement && len(f.ATF) > 0 {
			id += "/" + f.ATF[0]
		}
		i, ok := ruleIndex[id]
		if !ok {
			return 0, fmt.Errorf("finding of rule %s, which is not among the enabled rules", id)
		}
		res, err := newResult(f, id, i)
		if err != nil {
			return 0, err
		}
		results = append(results, res)
	}
	driver := toolComponent{
		Name:           "atflint",
		InformationURI: InformationURI,
		Rules:          descriptors,
		SupportedTaxonomies: []componentRef{
			{taxonomyNames[atfTaxonomy], atfTaxonomy},
			{taxonomyNames[owaspTaxonomy], owaspTaxonomy},
		},
	}
	if opt.Version != "" {
		driver.Version = opt.Version
		if v := strings.TrimPrefix(opt.Version, "v"); isSemver(v) {
			driver.SemanticVersion = v
		}
	}
	report := log{
		Version: "2.1.0",
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Runs: []run{{
			Tool:        tool{Driver: driver},
			Invocations: []invocation{{ExecutionSuccessful: true}},
			Taxonomies:  taxonomies(),
			ColumnKind:  "unicodeCodePoints",
			Results:     results,
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return dropped, enc.Encode(report)
}

// taxonomies are ATF's 25 requirements and OWASP's ten agentic risks,
// which the rules' relationships point into. GitHub code scanning reads
// neither (it filters by tags, which carry the same ids); other SARIF
// viewers do.
func taxonomies() []toolComponent {
	atfTaxa := make([]descriptor, 0, len(atf.Requirements()))
	for _, r := range atf.Requirements() {
		var kws []string
		for _, l := range atf.Levels {
			kws = append(kws, fmt.Sprintf("%s at %s", r.At(l), l))
		}
		atfTaxa = append(atfTaxa, descriptor{
			ID: r.ID, Name: r.Name,
			ShortDescription: &text{Text: r.Name + ": " + r.Summary},
			FullDescription:  &text{Text: fmt.Sprintf("%s %s (%s): %s. %s.", r.ID, r.Name, r.Element, r.Summary, strings.Join(kws, ", "))},
		})
	}
	var owaspTaxa []descriptor
	for _, r := range owasp.Risks() {
		owaspTaxa = append(owaspTaxa, descriptor{ID: r.ID, Name: r.Name, ShortDescription: &text{Text: r.Name}})
	}
	return []toolComponent{
		atfTaxonomy: {
			Name: taxonomyNames[atfTaxonomy], Version: atf.SpecVersion, Organization: "MassiveScale.AI / Cloud Security Alliance",
			InformationURI:   "https://github.com/massivescale-ai/agentic-trust-framework",
			ShortDescription: &text{Text: "The Agentic Trust Framework's 25 requirements. " + atf.Credit + "."},
			IsComprehensive:  true, Taxa: atfTaxa,
		},
		owaspTaxonomy: {
			Name: taxonomyNames[owaspTaxonomy], Version: owasp.Version, Organization: "OWASP GenAI Security Project",
			InformationURI:   owasp.URI,
			ShortDescription: &text{Text: owasp.Name + " " + owasp.Version + ". " + owasp.Credit + "."},
			IsComprehensive:  true, Taxa: owaspTaxa,
		},
	}
}

// mostSevere keeps the n most severe findings, in their original order.
func mostSevere(fs []finding.Finding, n int) []finding.Finding {
	kept := slices.Clone(fs)
	slices.SortStableFunc(kept, func(a, b finding.Finding) int { return int(b.Severity) - int(a.Severity) })
	kept = kept[:n]
	finding.Sort(kept)
	return kept
}

func ruleDescriptor(r *rules.Rule, ref string) descriptor {
	url := ruledoc.URLAt(r.ID, ref)
	return descriptor{
		ID:                   r.ID,
		Name:                 pascal(r.ID),
		ShortDescription:     &text{Text: r.Title},
		FullDescription:      &text{Text: fullDescription(r.Rationale)},
		HelpURI:              url,
		Help:                 &text{Text: helpText(r, url), Markdown: r.Markdown()},
		DefaultConfiguration: &configuration{Level: level(r.Severity)},
		Relationships:        relationships(r.ATF, r.OWASP),
		Properties:           properties(r.ATF, r.OWASP, r.SecuritySeverity),
	}
}

// requirementDescriptor is the descriptor of one requirement of a rule
// that reports by requirement: missing-control/S-3, with that
// requirement's own security severity. The level of each result still
// comes from the requirement's keyword at the agent's level.
func requirementDescriptor(r *rules.Rule, id, ref string) descriptor {
	req, _ := atf.Lookup(id)
	url := ruledoc.URLAt(r.ID, ref)
	risks := owasp.ForRequirement(id)
	var kws []string
	for _, l := range atf.Levels {
		kws = append(kws, fmt.Sprintf("%s at %s", req.At(l), l))
	}
	about := fmt.Sprintf("ATF %s %s (%s): %s. It is a %s.", id, req.Name, req.Element, req.Summary, strings.Join(kws, ", "))
	// The help is the requirement's, not the whole rule page, which
	// every one of the rule's descriptors would otherwise repeat.
	help := about + "\n\n" + strings.TrimSpace(r.Rationale)
	return descriptor{
		ID:                   r.ID + "/" + id,
		Name:                 pascal(r.ID) + strings.ReplaceAll(id, "-", ""),
		ShortDescription:     &text{Text: fmt.Sprintf("%s %s is not declared", id, req.Name)},
		FullDescription:      &text{Text: clip(about+" "+fullDescription(r.Rationale), 1024)},
		HelpURI:              url,
		Help:                 &text{Text: help + "\n\nMore: " + url, Markdown: fmt.Sprintf("# %s/%s\n\n%s\n\nMore, with the field that declares each requirement: [%s](%s)\n", r.ID, id, help, r.ID, url)},
		DefaultConfiguration: &configuration{Level: level(r.Severity)},
		Relationships:        relationships([]string{id}, risks),
		Properties:           properties([]string{id}, risks, r.RequirementSeverity(id)),
	}
}

func properties(atfIDs, risks []string, securitySeverity float64) map[string]any {
	return map[string]any{
		"tags":              tags(atfIDs, risks),
		"precision":         "high",
		"security-severity": fmt.Sprintf("%.1f", securitySeverity),
	}
}

// relationships link a rule to the ATF requirements and OWASP risks it
// is about.
func relationships(atfIDs, risks []string) []relationship {
	var rels []relationship
	for _, id := range atfIDs {
		i := slices.IndexFunc(atf.Requirements(), func(r atf.Requirement) bool { return r.ID == id })
		if i >= 0 {
			rels = append(rels, relationship{descriptorRef{id, i, componentRef{taxonomyNames[atfTaxonomy], atfTaxonomy}}, []string{"relevant"}})
		}
	}
	for _, id := range risks {
		i := slices.IndexFunc(owasp.Risks(), func(r owasp.Risk) bool { return r.ID == id })
		if i >= 0 {
			rels = append(rels, relationship{descriptorRef{id, i, componentRef{taxonomyNames[owaspTaxonomy], owaspTaxonomy}}, []string{"relevant"}})
		}
	}
	return rels
}

func newResult(f finding.Finding, ruleID string, ruleIndex int) (result, error) {
	loc, err := newLocation(f.File, f.Span.Start.Line, f.Span.Start.Col, f.Span.End.Line, f.Span.End.Col)
	if err != nil {
		return result{}, err
	}
	msg := sentence(escapeLinks(clip(f.Message, maxMessage)))
	res := result{
		RuleID:    ruleID,
		RuleIndex: ruleIndex,
		Level:     level(f.Severity),
		Locations: []location{loc},
	}
	if sup := f.Suppression; sup != nil {
		res.Suppressions = []suppression{{Kind: sup.Kind(), Justification: sup.Justification}}
	}
	if f.Fingerprint != "" {
		// Code scanning keys alerts by these across commits, as the
		// baseline does.
		res.PartialFingerprints = map[string]string{FingerprintKey: f.Fingerprint}
	}
	for i, rel := range f.Related {
		rl, err := newLocation(rel.File, rel.Span.Start.Line, rel.Span.Start.Col, rel.Span.End.Line, rel.Span.End.Col)
		if err != nil {
			return result{}, err
		}
		rl.ID = i + 1
		rl.Message = &message{Text: rel.Message}
		res.RelatedLocations = append(res.RelatedLocations, rl)
		// GitHub links a related location only from the message.
		msg += fmt.Sprintf(" See [%s](%d).", escapeLinks(rel.Message), rl.ID)
	}
	res.Message = message{Text: msg}
	return res, nil
}

// newLocation is a region of a repository file. Columns are code points,
// as run.columnKind says; an empty region grows to one character.
func newLocation(file string, line, col, endLine, endCol int) (location, error) {
	uri, err := fileURI(file)
	if err != nil {
		return location{}, err
	}
	line, col = max(line, 1), max(col, 1)
	if endLine < line || endLine == line && endCol <= col {
		endLine, endCol = line, col+1
	}
	return location{PhysicalLocation: physicalLocation{
		ArtifactLocation: artifactLocation{URI: uri, URIBaseID: "%SRCROOT%"},
		Region:           region{StartLine: line, StartColumn: col, EndLine: endLine, EndColumn: endCol},
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

// maxTags is the most tags GitHub keeps on a rule.
const maxTags = 10

// tags are "security", the ATF elements, an "atf/I-1" tag per
// requirement and an "owasp/ASI02" tag per OWASP risk: code scanning
// filters by tags. A rule about more requirements than fit gets one tag
// per element instead, "atf/identity", and no more than GitHub keeps.
func tags(ids, risks []string) []string {
	t := []string{"security"}
	var elements []string
	for _, id := range ids {
		if r, ok := atf.Lookup(id); ok && !slices.Contains(elements, r.Element) {
			elements = append(elements, r.Element)
		}
	}
	if len(t)+len(elements)+len(ids)+len(risks) <= maxTags {
		t = append(t, elements...)
		for _, id := range ids {
			t = append(t, "atf/"+id)
		}
	} else {
		for _, e := range elements {
			t = append(t, "atf/"+e)
		}
	}
	for _, id := range risks {
		t = append(t, "owasp/"+id)
	}
	return t[:min(len(t), maxTags)]
}

// fullDescription is the rationale's first paragraph on one line, within
// GitHub's 1024 characters.
func fullDescription(rationale string) string {
	para, _, _ := strings.Cut(strings.TrimSpace(rationale), "\n\n")
	return clip(strings.Join(strings.Fields(para), " "), 1024)
}

func helpText(r *rules.Rule, url string) string {
	return r.Title + ".\n\n" + strings.TrimSpace(r.Rationale) + "\n\nMore: " + url
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
