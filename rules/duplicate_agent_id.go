package rules

import (
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "duplicate-agent-id",
			Title:            "Two manifests declare the same agent id",
			Severity:         finding.Error,
			SecuritySeverity: 6.0,
			OWASP:            []string{"ASI03"},
			ATF:              []string{"I-1"},
			Rationale: `An agent id must belong to exactly one agent (I-1). When two manifests share
one, their logs, approvals and revocations cannot be told apart: revoking one
agent revokes the other, and an audit cannot say which acted. This happens
when a manifest is copied to start a new agent. The first manifest in path
order keeps the id; every later one is reported, pointing back at it.

Give each agent its own id.`,
			Bad: `-- billing/agent.atf.yaml --
atf: "0.9"
agent:
  id: urn:acme:agent:assistant
  level: intern
-- support/agent.atf.yaml --
atf: "0.9"
agent:
  id: urn:acme:agent:assistant
  level: intern
`,
			Good: `-- billing/agent.atf.yaml --
atf: "0.9"
agent:
  id: urn:acme:agent:billing-assistant
  level: intern
-- support/agent.atf.yaml --
atf: "0.9"
agent:
  id: urn:acme:agent:support-assistant
  level: intern
`,
		},
		unique: func(f *model.File) []model.Field[string] {
			var ids []model.Field[string]
			for _, a := range f.Agents {
				if a.ID.Present() && a.ID.Value != "" {
					ids = append(ids, a.ID)
				}
			}
			return ids
		},
		duplicate: func(id, first string) string {
			return "agent id " + quote(id) + " is already the id of the agent in " + first + "; each agent needs its own id"
		},
	})
}
