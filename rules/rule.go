// Package rules holds every rule atflint checks agents against, one file
// per rule, and the engine that runs them. A rule reads the agent model and
// reports findings; its Doc is the single source of `atflint explain`, the
// SARIF rule metadata and docs/rules.
package rules

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"

	"github.com/atflint/atflint/ruledoc"

	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

// Doc documents a rule; see ruledoc.
type Doc = ruledoc.Doc

// A Rule is one check. A rule with neither check nor unique is checked
// in Go code only, by the analyzer of the same id.
type Rule struct {
	Doc
	// check inspects one file and reports what it finds.
	check func(p *Pass)
	// unique, for rules across files, returns the values of a file that
	// no other file of the run may share, and what a duplicate means.
	unique func(f *model.File) []model.Field[string]
	// duplicate words the finding for a value first seen in another file.
	duplicate func(value, firstFile string) string
}

var registry []*Rule

func register(r *Rule) *Rule {
	registry = append(registry, r)
	return r
}

// All returns every rule, sorted by id.
func All() []*Rule {
	rs := slices.Clone(registry)
	slices.SortFunc(rs, func(a, b *Rule) int { return strings.Compare(a.ID, b.ID) })
	return rs
}

// IDs returns every rule's id, sorted, for suggestions.
func IDs() []string {
	ids := make([]string, 0, len(registry))
	for _, r := range All() {
		ids = append(ids, r.ID)
	}
	return ids
}

// Lookup returns the rule with the given id, or nil.
func Lookup(id string) *Rule {
	for _, r := range registry {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// A Pass is one rule looking at one file.
type Pass struct {
	File     *model.File
	rule     *Rule
	findings *[]finding.Finding
	tree     *treeText // the strings of the file's tree, once a rule asks
}

// Reportf reports a finding of the rule's default severity at span.
func (p *Pass) Reportf(span syntax.Span, format string, args ...any) {
	p.Report(finding.Finding{Span: span, Message: fmt.Sprintf(format, args...)})
}

// Report reports a finding; its rule and file are filled in, and its
// severity and ATF ids when it leaves them empty.
func (p *Pass) Report(f finding.Finding) {
	f.Rule = p.rule.ID
	f.File = p.File.Path
	if f.Severity == 0 {
		f.Severity = p.rule.Severity
	}
	if f.ATF == nil {
		f.ATF = p.rule.ATF
	}
	for i := range f.Related {
		if f.Related[i].File == "" {
			f.Related[i].File = p.File.Path
		}
	}
	*p.findings = append(*p.findings, f)
}

// ReportFix reports a finding of the rule's default severity at span,
// with a fix that writes value in place of the scalar value of the
// setting there, when the file's tree has it. value is a JSON literal
// (false, "deny"), which YAML and TOML read the same.
func (p *Pass) ReportFix(span syntax.Span, value, title, format string, args ...any) {
	f := finding.Finding{Span: span, Message: fmt.Sprintf(format, args...)}
	if v := scalarOf(p.File.Root, span); v != nil {
		f.Fix = &finding.Fix{Title: title, Edits: []finding.Edit{{Span: v.Span, Text: value}}}
	}
	p.Report(f)
}

// scalarOf is the scalar value of the mapping entry that spans at, or nil.
func scalarOf(n *syntax.Node, at syntax.Span) *syntax.Node {
	if n == nil {
		return nil
	}
	for _, e := range n.Entries {
		if e.Span() == at && e.Value != nil && e.Value.Kind == syntax.Scalar {
			return e.Value
		}
		if v := scalarOf(e.Value, at); v != nil {
			return v
		}
	}
	for _, item := range n.Items {
		if v := scalarOf(item, at); v != nil {
			return v
		}
	}
	return nil
}

// CheckFile runs every rule on one file.
func CheckFile(f *model.File) []finding.Finding {
	var fs []finding.Finding
	// One pass for all rules: a rule's pass lives only while it checks.
	p := &Pass{File: f, findings: &fs}
	for _, r := range registry {
		if r.check != nil {
			p.rule = r
			r.check(p)
		}
	}
	if p.tree != nil {
		p.tree.release()
	}
	return fs
}

// A Key is a value that must be unique across the files of a run.
type Key struct {
	rule  *Rule
	value string
	file  string
	span  syntax.Span
}

// Keys returns the values of a file that cross-file rules compare.
func Keys(f *model.File) []Key {
	var keys []Key
	for _, r := range registry {
		if r.unique == nil {
			continue
		}
		for _, v := range r.unique(f) {
			keys = append(keys, Key{r, v.Value, f.Path, v.Span})
		}
	}
	return keys
}

// Hash is a hash of the key's rule and value, the same from run to run:
// equal keys have equal hashes, so a run can keep the hashes of its many
// files, and only the keys of the files whose hashes meet.
func (k Key) Hash() uint64 {
	h := fnv.New64a()
	h.Write([]byte(k.rule.ID))
	h.Write([]byte{0})
	h.Write([]byte(k.value))
	return h.Sum64()
}

// CheckUnique reports every key whose value an earlier key of the same
// rule already had. Keys must come in file order, so the first file keeps
// its value and every later one is reported, pointing back at the first.
func CheckUnique(keys []Key) []finding.Finding {
	type first struct {
		file string
		span syntax.Span
	}
	seen := map[*Rule]map[string]first{}
	var fs []finding.Finding
	for _, k := range keys {
		m := seen[k.rule]
		if m == nil {
			m = map[string]first{}
			seen[k.rule] = m
		}
		f, dup := m[k.value]
		if !dup {
			m[k.value] = first{k.file, k.span}
			continue
		}
		fs = append(fs, finding.Finding{
			Rule:     k.rule.ID,
			Severity: k.rule.Severity,
			Message:  k.rule.duplicate(k.value, f.file),
			File:     k.file,
			Span:     k.span,
			ATF:      k.rule.ATF,
			Related:  []finding.Related{{File: f.file, Span: f.span, Message: "first declared here"}},
		})
	}
	return fs
}

// agents calls fn for every agent of the file.
func (p *Pass) agents(fn func(a *model.Agent)) {
	for _, a := range p.File.Agents {
		fn(a)
	}
}

// keyword returns the strength of requirement id at level l.
func keyword(id string, l atf.Level) atf.Keyword {
	r, _ := atf.Lookup(id)
	return r.At(l)
}
