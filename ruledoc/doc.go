// Package ruledoc is the documentation of atflint's rules: the Doc every
// rule carries, its URL and its Markdown page. It sits low, so that the Go
// analyzers know a rule's metadata without linking the rule engine and
// the loaders behind it.
package ruledoc

import (
	"fmt"
	"strings"

	"golang.org/x/tools/txtar"

	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/owasp"
)

// Doc documents a rule.
type Doc struct {
	ID       string // stable, kebab-case
	Title    string // one line, no final period
	Severity finding.Severity
	ATF      []string // the requirement ids the rule evidences, the main one first
	// SecuritySeverity is what is at stake, on GitHub code scanning's
	// scale: over 9 critical (a secret in a file), 7 to 9 high (code run
	// unguarded), 4 to 7 medium (a missing control), under 4 low (a
	// schema nit).
	SecuritySeverity float64
	// OWASP are the risks of the OWASP Top 10 for Agentic Applications
	// the rule's findings expose (ASI02), none when it maps to none.
	OWASP []string
	// ByRequirement gives each of the rule's ATF requirements a SARIF
	// descriptor of its own (missing-control/S-3), with the security
	// severity of that requirement, so that code scanning can sort and
	// filter them apart.
	ByRequirement bool
	Rationale     string // why it matters and how to fix it, in Markdown
	Details       string // reference material after the rationale, in Markdown
	// Bad and Good are examples: Bad makes the rule report, Good does
	// not. An example of several files is a txtar archive.
	Bad, Good string
	// Lock: the rule's findings come from a check against atflint.lock,
	// which the command makes; its examples hold a lock and are run
	// through atflint check.
	Lock bool
	// Lang is the language of the examples: "" for an ATF manifest in
	// YAML, "go" for Go code, which the Go analyzers check.
	Lang string
}

// An Example is one file of a rule's example.
type Example struct {
	Name string // empty for a single-file example
	Text string
}

// Examples splits an example into its files: a txtar archive holds
// several, anything else is one manifest.
func Examples(text string) []Example {
	if !strings.HasPrefix(text, "-- ") {
		return []Example{{Text: text}}
	}
	a := txtar.Parse([]byte(text))
	ex := make([]Example, len(a.Files))
	for i, f := range a.Files {
		ex[i] = Example{Name: f.Name, Text: string(f.Data)}
	}
	return ex
}

// URL is where a rule's documentation lives.
func (d Doc) URL() string { return URL(d.ID) }

// URL is where the documentation of the rule with this id lives.
func URL(id string) string { return URLAt(id, "") }

// URLAt is the documentation of the rule with this id at a release tag,
// branch or commit of atflint; "", or a ref that is none of those, is the
// main branch.
func URLAt(id, ref string) string {
	if ref == "" || strings.Trim(ref, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-") != "" || strings.Contains(ref, "..") {
		ref = "main"
	}
	return "https://github.com/atflint/atflint/blob/" + ref + "/docs/rules/" + id + ".md"
}

// RequirementSeverity is the security severity of one requirement of a
// ByRequirement rule: the more levels make it a MUST, the more is at
// stake, from 3.0 (a MUST at none) to 7.0 (a MUST at every level).
func (d Doc) RequirementSeverity(id string) float64 {
	r, ok := atf.Lookup(id)
	if !ok {
		return d.SecuritySeverity
	}
	musts := 0
	for _, l := range atf.Levels {
		if r.At(l) == atf.Must {
			musts++
		}
	}
	return 3 + float64(musts)
}

// SeverityBand names a security severity as GitHub code scanning shows it.
func SeverityBand(s float64) string {
	switch {
	case s > 9:
		return "critical"
	case s >= 7:
		return "high"
	case s >= 4:
		return "medium"
	}
	return "low"
}

// ATFNames writes the rule's requirement ids with their names.
func (d Doc) ATFNames() string {
	parts := make([]string, len(d.ATF))
	for i, id := range d.ATF {
		r, _ := atf.Lookup(id)
		parts[i] = fmt.Sprintf("%s %s", id, r.Name)
	}
	return strings.Join(parts, ", ")
}

// ATFShort writes the rule's requirement ids for a one-line listing. A
// rule that covers most of the matrix, as missing-control does, names the
// count instead, since each of its findings carries the one id at fault.
func (d Doc) ATFShort(sep string) string {
	const most = 8
	if len(d.ATF) > most {
		return fmt.Sprintf("%d ids, one per finding", len(d.ATF))
	}
	return strings.Join(d.ATF, sep)
}

// Markdown renders the rule's documentation: the page under docs/rules,
// the text of `atflint explain`, the help of the SARIF rule.
func (d Doc) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s.\n\n", d.ID, d.Title)
	fmt.Fprintf(&b, "- Severity: %s\n", d.Severity)
	if d.ByRequirement {
		b.WriteString("- Security severity: per requirement, from 3.0 (low) to 7.0 (high) by how many levels make it a MUST\n")
	} else {
		fmt.Fprintf(&b, "- Security severity: %.1f (%s in code scanning)\n", d.SecuritySeverity, SeverityBand(d.SecuritySeverity))
	}
	fmt.Fprintf(&b, "- ATF requirements: %s\n", d.ATFNames())
	if len(d.OWASP) > 0 {
		names := make([]string, len(d.OWASP))
		for i, id := range d.OWASP {
			r, _ := owasp.Lookup(id)
			names[i] = id + " " + r.Name
		}
		fmt.Fprintf(&b, "- OWASP Top 10 for Agentic Applications: %s\n", strings.Join(names, ", "))
	}
	b.WriteString("\n")
	fmt.Fprintf(&b, "## Why\n\n%s\n", strings.TrimSpace(d.Rationale))
	if d.Details != "" {
		fmt.Fprintf(&b, "\n%s\n", strings.TrimSpace(d.Details))
	}
	for _, ex := range []struct{ title, text string }{{"Bad", d.Bad}, {"Good", d.Good}} {
		if ex.text == "" {
			continue
		}
		fmt.Fprintf(&b, "\n## %s\n", ex.title)
		for _, f := range Examples(ex.text) {
			if f.Name != "" {
				fmt.Fprintf(&b, "\n`%s`:\n", f.Name)
			}
			lang := d.Lang
			switch {
			case strings.HasSuffix(f.Name, ".go"):
				lang = "go"
			case strings.HasSuffix(f.Name, ".yaml"), strings.HasSuffix(f.Name, ".yml"), lang == "":
				lang = "yaml"
			}
			fmt.Fprintf(&b, "\n```%s\n%s```\n", lang, f.Text)
		}
	}
	b.WriteString("\n---\nATF requirement ids and keywords: " + atf.Credit + ".")
	if len(d.OWASP) > 0 {
		b.WriteString(" OWASP ids and names: " + owasp.Credit + ".")
	}
	b.WriteString("\n")
	return b.String()
}
