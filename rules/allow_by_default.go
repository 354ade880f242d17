package rules

import (
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "allow-by-default",
			Title:            "Segmentation or a policy allows what it does not list",
			Severity:         finding.Error,
			SecuritySeverity: 7.2,
			OWASP:            []string{"ASI03"},
			ATF:              []string{"S-1"},
			Rationale: `Zero Trust starts from deny. With ` + "`segmentation.default: allow`" + `, every
resource and action the manifest forgot to list is open to the agent, and the
allowlist (S-1) constrains nothing. ATF names allow-by-default an
anti-pattern. The same holds for an agent-governance-toolkit policy whose
` + "`default_action`" + ` (or ` + "`defaults.action`" + `, or for network access
` + "`defaults.network_default`" + `) is allow, and for a policy rule that
tests ` + "`in`" + ` or ` + "`not_in`" + ` against one string instead of a list: the toolkit's
Python then tests substrings, so an allow rule with ` + "`in: trusted`" + ` also allows
` + "`rusted`" + `, and a deny rule with ` + "`not_in: trusted`" + ` lets it pass.

Set ` + "`default: deny`" + ` and list what the agent may touch; give ` + "`in`" + ` and ` + "`not_in`" + `
a list.`,
			Bad: `atf: "0.9"
agent: {id: "urn:acme:agent:triage", level: intern}
segmentation:
  default: allow
`,
			Good: `atf: "0.9"
agent: {id: "urn:acme:agent:triage", level: intern}
segmentation:
  default: deny
  resources: ["https://api.acme.example/tickets"]
`,
		},
		check: func(p *Pass) {
			p.agents(func(a *model.Agent) {
				if s := a.Segmentation; s != nil && s.Default.Value == "allow" {
					p.ReportFix(s.Default.Span, `"deny"`, "Make the default deny", "the default is allow, so every resource and action not listed is open; make the default deny")
				}
				if s := a.Segmentation; s != nil && s.NetworkDefault.Value == "allow" {
					p.ReportFix(s.NetworkDefault.Span, `"deny"`, "Make network access default to deny", "network access defaults to allow, so every host not listed is open; make the default deny and list the hosts")
				}
				for _, r := range a.PolicyRules {
					if r.Loose != "" {
						p.Reportf(r.LooseAt, "policy rule %s %s", quote(r.Name), r.Loose)
					}
				}
			})
		},
	})
}
