package rules

import (
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "inherits-all-tools",
			Title:            "An agent gets every tool its host has",
			Severity:         finding.Warning,
			SecuritySeverity: 5.5,
			OWASP:            []string{"ASI02", "ASI03"},
			ATF:              []string{"I-5", "S-2"},
			Rationale: `A Claude Code subagent or a Copilot custom agent with no ` + "`tools`" + ` list, or with
` + "`tools: [\"*\"]`" + `, gets every tool of the session: shell, file writes, web access
and every MCP server's tools, now and whatever is added later. What it may do
is then not written down anywhere (I-5), and nothing bounds its actions to its
task (S-2).

List the tools the agent needs.`,
			Lang: "markdown",
			Bad: `-- .claude/agents/reviewer.md --
---
name: reviewer
description: Review the diff for bugs.
---
Review the change.
`,
			Good: `-- .claude/agents/reviewer.md --
---
name: reviewer
description: Review the diff for bugs.
tools: [Read, Grep, Glob]
---
Review the change.
`,
		},
		check: func(p *Pass) {
			p.agents(func(a *model.Agent) {
				if a.AllTools.IsValid() {
					p.Reportf(a.AllTools, "the agent gets every tool its host has, shell, file writes and MCP tools included; list the tools it needs")
				}
			})
		},
	})
}
