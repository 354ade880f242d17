package rules

import (
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "no-deny-list",
			Title:            "A coding agent's permissions allow without denying anything",
			Severity:         finding.Warning,
			SecuritySeverity: 5.0,
			OWASP:            []string{"ASI02"},
			ATF:              []string{"S-2"},
			Rationale: `Allow rules widen what runs without asking; deny rules are the boundary that
holds whatever else is allowed, or asked for and approved in a hurry:
` + "`Bash(rm -rf:*)`" + `, ` + "`Bash(git push --force:*)`" + `, ` + "`Read(.env)`" + `, ` + "`Read(~/.ssh/**)`" + `.
Permissions that allow and deny nothing have no stated action boundary (S-2).

Deny what the agent must never do, whatever it is allowed.`,
			Lang: "json",
			Bad: `-- .claude/settings.json --
{"permissions": {"allow": ["Bash(go test:*)", "Edit"]}}
`,
			Good: `-- .claude/settings.json --
{"permissions": {"allow": ["Bash(go test:*)", "Edit"], "deny": ["Bash(git push --force:*)", "Read(.env)"]}}
`,
		},
		check: func(p *Pass) {
			p.agents(func(a *model.Agent) {
				pm := a.Permissions
				// Rules that only add to the host's (a skill's) have no
				// deny list to write.
				if pm != nil && len(pm.Allow.Items) > 0 && len(pm.Deny.Items) == 0 && !pm.AddOnly {
					p.Reportf(pm.Allow.Span, "%s and no deny rule: nothing the agent may do is ruled out", plural(len(pm.Allow.Items), "allow rule"))
				}
			})
		},
	})
}
