package rules

import (
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "invalid-manifest",
			Title:            "The file cannot be read as a manifest",
			Severity:         finding.Error,
			SecuritySeverity: 5.0,
			ATF:              []string{"I-5"},
			Rationale: `A manifest is only evidence if every tool reads it the same way. This rule
reports a file that cannot be read (not UTF-8, too large, unreadable), that is
not valid YAML or JSON, that holds more than one document, or whose values
have the wrong type or form for the schema (` + "`atflint schema`" + ` prints it).
The finding points at the parser's position, or at the value at fault.

Fix the value as the message says. Quote strings that YAML would read as
something else, and keep one agent per file.`,
			Bad: `atf: "0.9"
agent:
  id: urn:acme:agent:triage
  level: seniro        # not a level
`,
			Good: `atf: "0.9"
agent:
  id: urn:acme:agent:triage
  level: senior
`,
		},
		check: func(p *Pass) { reportProblems(p, model.Invalid) },
	})
}

// reportProblems reports the loader's problems of one kind.
func reportProblems(p *Pass, k model.ProblemKind) {
	for _, pr := range p.File.Problems {
		if pr.Kind == k {
			p.Reportf(pr.Span, "%s", pr.Message)
		}
	}
}
