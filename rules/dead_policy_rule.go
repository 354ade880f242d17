package rules

import (
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "dead-policy-rule",
			Title:            "A governance policy rule can never match",
			Severity:         finding.Error,
			SecuritySeverity: 5.0,
			ATF:              []string{"S-2"},
			Rationale: `The agent-governance-toolkit evaluates a rule's condition and applies its
action when it holds. A condition with an operator the toolkit does not
accept (another engine's ` + "`regex`" + `, ` + "`starts_with`" + ` or ` + "`exists`" + `), an ` + "`in`" + ` or
` + "`not_in`" + ` whose value is a number, a boolean or null, or no field never holds, so
the rule does not do what it says: where the loader accepts it, it never
fires, and a deny rule that never fires allows what it was written to stop
(S-2); where the evaluator raises on it (agent-os with ` + "`in`" + ` on a number), the
policy fails closed and denies everything. Either way the rule is not the
policy its author wrote. The toolkit's own linter accepts such rules.

Fix the condition as the message says; it lists the operators the toolkit
accepts.`,
			Lang: "yaml",
			Bad: `-- policies/strict.yaml --
name: strict
rules:
  - name: no-delegation
    condition: {field: delegation_depth, operator: greater_than, value: 1}
    action: deny
defaults:
  action: deny
`,
			Good: `-- policies/strict.yaml --
name: strict
rules:
  - name: no-delegation
    condition: {field: delegation_depth, operator: gt, value: 1}
    action: deny
defaults:
  action: deny
`,
		},
		check: func(p *Pass) {
			p.agents(func(a *model.Agent) {
				for _, r := range a.PolicyRules {
					if r.Never != "" {
						p.Reportf(r.NeverAt, "policy rule %s can never match: %s", quote(r.Name), r.Never)
					}
				}
			})
		},
	})
}
