package rules

import (
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "unknown-key",
			Title:            "A key the manifest schema does not define",
			Severity:         finding.Warning,
			SecuritySeverity: 2.0,
			ATF:              []string{"I-5"},
			Rationale: `Nothing reads a key the schema does not define, so a misspelt or mis-cased
key silently drops the control it was meant to declare: ` + "`killswitch`" + ` declares no
kill switch, ` + "`Agent`" + ` no agent. This is how governance configs rot. The finding
names the closest key the schema does define.

Rename the key as suggested, or remove it.`,
			Bad: `atf: "0.9"
agent:
  id: urn:acme:agent:triage
  level: intern
incident:
  killswitch: {method: revoke-token, maxLatency: 500ms}
`,
			Good: `atf: "0.9"
agent:
  id: urn:acme:agent:triage
  level: intern
incident:
  killSwitch: {method: revoke-token, maxLatency: 500ms}
`,
		},
		check: func(p *Pass) { reportProblems(p, model.UnknownKey) },
	})
}
