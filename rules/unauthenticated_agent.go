package rules

import (
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

// invoiceCard and invoiceCardSkills begin and end the agent card of the
// A2A rules' examples.
const (
	invoiceCard = `-- .well-known/agent-card.json --
{"name": "Invoices", "description": "Answers invoice questions.", "url": "https://agents.acme.example/invoices",
 "version": "1.0.0", "protocolVersion": "0.3.0", "capabilities": {}, "defaultInputModes": ["text/plain"], "defaultOutputModes": ["text/plain"],
`
	invoiceCardSkills = ` "skills": [{"id": "lookup", "name": "Look up", "description": "Look an invoice up.", "tags": ["invoices"]}]}
`
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "unauthenticated-agent",
			Title:            "A remote agent takes requests from anyone",
			Severity:         finding.Error,
			SecuritySeverity: 7.8,
			OWASP:            []string{"ASI07"},
			ATF:              []string{"I-2"},
			Rationale: `An A2A agent card tells callers how to authenticate: ` + "`securitySchemes`" + `
defines the schemes, and ` + "`security`" + ` (` + "`securityRequirements`" + ` in A2A 1.0) requires
them. A card with neither publishes an agent that acts for whoever calls it:
nothing ties a request to a caller, so nothing can be attributed, limited or
revoked (I-2). Most cards in the wild declare no authentication.

Define a scheme (OAuth 2.0, OpenID Connect, mTLS, an API key in a header) and
require it.`,
			Lang: "json",
			Bad:  invoiceCard + invoiceCardSkills,
			Good: invoiceCard + ` "provider": {"organization": "Acme", "url": "https://acme.example"},
 "securitySchemes": {"oidc": {"type": "openIdConnect", "openIdConnectUrl": "https://login.acme.example/.well-known/openid-configuration"}},
 "security": [{"oidc": []}],
` + invoiceCardSkills,
		},
		check: func(p *Pass) {
			p.agents(func(a *model.Agent) {
				c, ok := a.Controls.Of("I-2")
				if !a.Endpoint.Present() || !ok || c.State == model.Declared {
					return
				}
				msg := "the agent card declares no authentication: anyone who reaches the endpoint can make the agent act"
				if c.Note != "" {
					msg = c.Note + ": anyone who reaches the endpoint can make the agent act"
				}
				p.Reportf(c.Span, "%s", msg)
			})
		},
	})
	register(&Rule{
		Doc: Doc{
			ID:               "no-provider",
			Title:            "A remote agent names no one who answers for it",
			Severity:         finding.Warning,
			SecuritySeverity: 4.0,
			ATF:              []string{"I-3"},
			Rationale: `An A2A agent card's ` + "`provider`" + ` names the organization behind the agent. A card
without one asks callers to trust an agent no one owns: there is no ownership
chain (I-3) to turn to when it misbehaves.

Name the provider's organization and URL.`,
			Lang: "json",
			Bad:  invoiceCard + invoiceCardSkills,
			Good: invoiceCard + ` "provider": {"organization": "Acme", "url": "https://acme.example"},
` + invoiceCardSkills,
		},
		check: func(p *Pass) {
			p.agents(func(a *model.Agent) {
				if c, ok := a.Controls.Of("I-3"); a.Endpoint.Present() && ok && c.State != model.Declared {
					p.Reportf(c.Span, "the agent card names no provider, so no one answers for the agent")
				}
			})
		},
	})
}
