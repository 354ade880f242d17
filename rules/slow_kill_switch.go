package rules

import (
	"time"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "slow-kill-switch",
			Title:            "The kill switch may take longer than a second",
			Severity:         finding.Error,
			SecuritySeverity: 5.5,
			OWASP:            []string{"ASI10"},
			ATF:              []string{"R-2"},
			Rationale: `R-2 asks that a person can stop the agent in under one second, at every level:
an agent that keeps acting for a minute after the stop is pressed can do a
minute of damage. ` + "`incident.killSwitch.maxLatency`" + ` over 1s is an error; a kill
switch with no ` + "`maxLatency`" + ` at all is a warning, since nothing shows it is fast
enough.`,
			Bad: `atf: "0.9"
agent: {id: "urn:acme:agent:triage", level: intern}
incident:
  killSwitch: {method: scale-to-zero, maxLatency: 30s}
`,
			Good: `atf: "0.9"
agent: {id: "urn:acme:agent:triage", level: intern}
incident:
  killSwitch: {method: revoke-token, maxLatency: 500ms}
`,
		},
		check: func(p *Pass) {
			p.agents(func(a *model.Agent) {
				ks := a.KillSwitch
				switch {
				case ks == nil:
				case !ks.MaxLatency.Present():
					p.Report(finding.Finding{Span: ks.Span, Severity: finding.Warning,
						Message: "the kill switch states no maxLatency, so nothing shows it stops the agent in under 1s"})
				case ks.MaxLatency.Value > time.Second:
					p.Reportf(ks.MaxLatency.Span, "the kill switch may take %s to act; ATF asks for under 1s", model.FormatDuration(ks.MaxLatency.Value))
				}
			})
		},
	})
}
