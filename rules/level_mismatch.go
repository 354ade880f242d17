package rules

import (
	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "level-mismatch",
			Title:            "The agent can do more than its ATF level allows",
			Severity:         finding.Error,
			SecuritySeverity: 7.3,
			OWASP:            []string{"ASI03"},
			ATF:              []string{"S-2", "S-1", "R-5"},
			Rationale: `An ATF level is a promise about autonomy. An intern agent observes and
reports: it may not write, delete, execute, send or spend, and may not read
secrets. And an agent in trouble must fall back to a lower level (R-5), so a
fallback level that is not below the agent's own level is no way down.

Remove the side effect, or promote the agent through the ATF gates and raise
its level; set ` + "`incident.degradation.fallbackLevel`" + ` below ` + "`agent.level`" + `.

In Go code (the ` + "`levelmismatch`" + ` analyzer), a tool handler of an intern agent
that writes, deletes, executes, sends or reads secrets is reported at the
call, and so is a maturity level written in Go (` + "`Level: \"senior\"`" + `): ATF calls
a level set in application code an anti-pattern, since the code can then
promote itself.`,
			Bad: `atf: "0.9"
agent:
  id: urn:acme:agent:triage
  level: intern
tools:
  - name: close_ticket
    actions: [write]
`,
			Good: `atf: "0.9"
agent:
  id: urn:acme:agent:triage
  level: intern
tools:
  - name: read_ticket
    actions: [read]
`,
		},
		check: checkLevelMismatch,
	})
}

func checkLevelMismatch(p *Pass) {
	p.agents(func(a *model.Agent) {
		l := a.Level.Value
		if l == atf.Intern {
			for _, t := range a.Tools {
				if se, ok := t.SideEffect(); ok {
					p.Report(finding.Finding{
						Span:    se.Span,
						ATF:     []string{"S-2"},
						Message: "tool " + quote(t.Name.Value) + " " + se.Verb() + ", but an intern agent is read-only",
					})
				}
			}
			for _, c := range a.Capabilities.Items {
				name, _ := atf.SplitCapability(c.Value)
				if atf.SideEffectCapability(name) {
					p.Report(finding.Finding{Span: c.Span, ATF: []string{"S-2"},
						Message: "capability " + quote(c.Value) + " has side effects, but an intern agent is read-only"})
				}
			}
			reportSecrets(p, a)
		}
		if fb := a.FallbackLevel; fb.Present() && l.Known() && fb.Value >= l {
			p.Report(finding.Finding{Span: fb.Span, ATF: []string{"R-5"},
				Message: "fallback level " + fb.Value.String() + " is not lower than the agent's level " + l.String() + ", so degradation gives no way down"})
		}
	})
}

// reportSecrets reports secrets.read anywhere in an intern agent.
func reportSecrets(p *Pass, a *model.Agent) {
	lists := []model.List{a.Capabilities}
	for _, t := range a.Tools {
		lists = append(lists, t.Capabilities)
	}
	for _, l := range lists {
		for _, c := range l.Items {
			if name, _ := atf.SplitCapability(c.Value); name == "secrets.read" {
				p.Report(finding.Finding{Span: c.Span, ATF: []string{"S-1"},
					Message: "an intern agent may not read secrets, but it declares " + quote(c.Value)})
			}
		}
	}
}
