package rules

import (
	"time"

	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

// maxCredentialTTL is the longest credential lifetime each level allows,
// our reading of ATF's "hours" for interns, "minutes" for junior and
// senior agents, and "one request" for principals.
var maxCredentialTTL = map[atf.Level]time.Duration{
	atf.Intern:    24 * time.Hour,
	atf.Junior:    time.Hour,
	atf.Senior:    time.Hour,
	atf.Principal: 5 * time.Minute,
}

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "long-lived-credential",
			Title:            "The credential lives longer than the agent's level allows",
			Severity:         finding.Error,
			SecuritySeverity: 6.0,
			OWASP:            []string{"ASI03"},
			ATF:              []string{"I-2"},
			Rationale: `The more an agent may do alone, the shorter its credential should live, so
that a stolen one is soon worthless. ATF sizes the lifetime by level: hours
for an intern, minutes for junior and senior agents, one request for a
principal. atflint allows ` + "`identity.credential.ttl`" + ` up to 24h at intern, 1h at
junior and senior, and 5m (or ` + "`ttl: request`" + `) at principal.`,
			Bad: `atf: "0.9"
agent: {id: "urn:acme:agent:triage", level: senior}
identity:
  credential: {type: oidc, ref: "https://login.acme.example/clients/triage", ttl: 30d}
`,
			Good: `atf: "0.9"
agent: {id: "urn:acme:agent:triage", level: senior}
identity:
  credential: {type: oidc, ref: "https://login.acme.example/clients/triage", ttl: 15m}
`,
		},
		check: func(p *Pass) {
			p.agents(func(a *model.Agent) {
				c := a.Credential
				limit, ok := maxCredentialTTL[a.Level.Value]
				if c == nil || !ok || !c.TTL.Present() || c.TTL.Value <= limit {
					return
				}
				p.Reportf(c.TTL.Span, "credential ttl %s is longer than the %s %s agent allows", model.FormatDuration(c.TTL.Value), model.FormatDuration(limit), a.Level.Value.WithArticle())
			})
		},
	})
}
