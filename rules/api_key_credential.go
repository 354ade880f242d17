package rules

import (
	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "api-key-credential",
			Title:            "A junior or higher agent is bound to an API key",
			Severity:         finding.Error,
			SecuritySeverity: 6.5,
			OWASP:            []string{"ASI03"},
			ATF:              []string{"I-2"},
			Rationale: `ATF names long-lived API keys an anti-pattern: a static key outlives the
session it was meant for, is copied into places no one tracks, and proves
only that someone holds it. From junior up, where the agent acts, bind its id
to a short-lived, verifiable credential: ` + "`oidc`" + `, ` + "`spiffe`" + `, ` + "`workload`" + `, ` + "`x509`" + ` or
` + "`did`" + `.`,
			Bad: `atf: "0.9"
agent: {id: "urn:acme:agent:triage", level: junior}
identity:
  credential: {type: apiKey, ref: "vault:secret/triage-key"}
`,
			Good: `atf: "0.9"
agent: {id: "urn:acme:agent:triage", level: junior}
identity:
  credential: {type: oidc, ref: "https://login.acme.example/clients/triage", ttl: 15m}
`,
		},
		check: func(p *Pass) {
			p.agents(func(a *model.Agent) {
				c := a.Credential
				if c == nil || c.Type.Value != "apiKey" || a.Level.Value < atf.Junior {
					return
				}
				p.Reportf(c.Type.Span, "%s agent is bound to a long-lived API key; use a short-lived credential (oidc, spiffe, workload, x509 or did)", a.Level.Value.WithArticle())
			})
		},
	})
}
