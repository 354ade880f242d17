package rules

import "github.com/atflint/atflint/finding"

// The suppression rules are reported by the filter that reads
// atflint:ignore comments, after every other rule has run: they have no
// check here.
func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "invalid-suppression",
			Title:            "An atflint:ignore comment that cannot suppress anything",
			Severity:         finding.Error,
			SecuritySeverity: 3.5,
			ATF:              []string{"B-5"},
			Rationale: `A suppression is a decision to accept a risk, and the reviewer who reads it
needs to know why and for how long. An ` + "`atflint:ignore`" + ` comment must name
the rules it silences in brackets, by rule id or by ATF requirement id, and give
a reason after them; ` + "`until=YYYY-MM-DD`" + ` sets the last day it holds. One with
no rule, an unknown rule (the closest id is named), no reason or a date that is
not one suppresses nothing and is reported, and so is one past its date: the
findings it hid come back with it.

The comment is written in the file's own syntax, on the line of the finding or
alone on the line above it: ` + "`# atflint:ignore[rule] reason`" + ` in YAML and TOML,
` + "`// atflint:ignore[rule] reason`" + ` in JSONC and Go (also as the directive
` + "`//atflint:ignore[rule] reason`" + `), ` + "`<!-- atflint:ignore[rule] reason -->`" + ` in
Markdown. ` + "`--no-ignores`" + ` shows every finding.`,
			Bad: `atf: "0.9"
agent:
  id: urn:acme:agent:triage
  # atflint:ignore[unknown-key]
  Owner: team-triage
  level: intern
`,
			Good: `atf: "0.9"
agent:
  id: urn:acme:agent:triage
  # atflint:ignore[unknown-key] read by our portal, until=2099-12-31
  Owner: team-triage
  level: intern
`,
		},
	})
	register(&Rule{
		Doc: Doc{
			ID:               "unused-suppression",
			Title:            "An atflint:ignore comment that suppresses nothing",
			Severity:         finding.Warning,
			SecuritySeverity: 1.0,
			ATF:              []string{"B-5"},
			Rationale: `A suppression outlives what it was written for: the finding is fixed, the
line moves, the rule is renamed. Left behind, it would silence the next finding
of that rule on that line without anyone deciding to. A valid ` + "`atflint:ignore`" + `
comment that matched no finding of the run is reported; remove it.`,
			Bad: `atf: "0.9"
agent:
  id: urn:acme:agent:triage # atflint:ignore[unknown-key] legacy key
  level: intern
`,
			Good: `atf: "0.9"
agent:
  id: urn:acme:agent:triage
  level: intern
`,
		},
	})
}
