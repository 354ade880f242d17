package rules

import (
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "schema-violation",
			Title:            "A config breaks the schema its format publishes",
			Severity:         finding.Warning,
			SecuritySeverity: 3.0,
			ATF:              []string{"I-5"},
			Rationale: `An agent card or manifest is the machine-readable statement of what an agent is
and can do (I-5); a client that validates it against its format's schema
rejects a file that breaks it, and one that does not may read it differently.
This rule checks, against the schemas their projects publish, shipped with
atflint under their licences (` + "`schemas/published/`" + `):

- A2A agent cards of the 0.2 protocol (` + "`protocolVersion`" + ` 0.2.x, or none) against
  the A2A agent card schema of 0.2.6; later versions added schemes and fields
  that schema does not know, so their cards are not checked against it;
- Microsoft 365 Copilot declarative agents and API plugin manifests against
  the schema of the ` + "`version`" + ` or ` + "`schema_version`" + ` they declare (v1.0 to v1.8, v2.1
  to v2.4).

It reports each value that breaks the schema where it is: a required field
missing, a key the schema does not allow, a value of the wrong type, a
capability of no known kind.

Add or fix the field as the message says.`,
			Lang: "json",
			Bad: `-- .well-known/agent-card.json --
{"name": "Invoices", "url": "https://agents.acme.example/invoices", "version": "1.0.0",
 "capabilities": {}, "defaultInputModes": ["text/plain"],
 "skills": [{"name": "Look up", "tags": "invoices"}]}
`,
			Good: `-- .well-known/agent-card.json --
{"name": "Invoices", "description": "Answers invoice questions.", "url": "https://agents.acme.example/invoices",
 "version": "1.0.0", "protocolVersion": "0.2.6",
 "capabilities": {}, "defaultInputModes": ["text/plain"], "defaultOutputModes": ["text/plain"],
 "skills": [{"id": "lookup", "name": "Look up", "description": "Look an invoice up.", "tags": ["invoices"]}]}
`,
		},
		check: func(p *Pass) { reportProblems(p, model.SchemaViolation) },
	})
}
