package rules

import (
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:       "schema-violation",
			Title:    "A config breaks the schema its format publishes",
			Severity: finding.Warning,
			ATF:      []string{"I-5"},
			Rationale: `An agent card is the machine-readable statement of what an agent is and can do;
a client that validates it against the protocol's schema rejects a card that
breaks it, and one that does not may read it differently. This rule checks A2A
agent cards of the 0.x protocol (those that give their endpoint in ` + "`url`" + `)
against the agent card schema the A2A project publishes, shipped with atflint
under its licence, and reports each value that breaks it: a required field
missing, a value of the wrong type, a security scheme of no known form.

Add or fix the field as the message says.`,
			Lang: "json",
			Bad: `-- .well-known/agent-card.json --
{"name": "Invoices", "url": "https://agents.acme.example/invoices", "version": "1.0.0",
 "capabilities": {}, "defaultInputModes": ["text/plain"],
 "skills": [{"name": "Look up", "tags": "invoices"}]}
`,
			Good: `-- .well-known/agent-card.json --
{"name": "Invoices", "description": "Answers invoice questions.", "url": "https://agents.acme.example/invoices",
 "version": "1.0.0", "protocolVersion": "0.3.0",
 "capabilities": {}, "defaultInputModes": ["text/plain"], "defaultOutputModes": ["text/plain"],
 "skills": [{"id": "lookup", "name": "Look up", "description": "Look an invoice up.", "tags": ["invoices"]}]}
`,
		},
		check: func(p *Pass) { reportProblems(p, model.SchemaViolation) },
	})
}
