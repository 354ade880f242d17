package rules

import (
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "auto-start-servers",
			Title:            "A coding agent starts every MCP server the repository names, unasked",
			Severity:         finding.Error,
			SecuritySeverity: 8.0,
			OWASP:            []string{"ASI04"},
			ATF:              []string{"I-5", "S-2"},
			Rationale: `Claude Code asks before it starts an MCP server that a repository's ` + "`.mcp.json`" + `
names. ` + "`enableAllProjectMcpServers: true`" + ` in its settings skips the question for
every server, those a later pull request adds included: a server is a
program run on each developer's machine, and its tools are what the agent
can do. Committed in the project's settings, the switch applies to everyone.

Name the servers to start in ` + "`enabledMcpjsonServers`" + ` instead, so that a new
one is asked about.`,
			Lang: "json",
			Bad: `-- .claude/settings.json --
{"enableAllProjectMcpServers": true}
`,
			Good: `-- .claude/settings.json --
{"enabledMcpjsonServers": ["github"]}
`,
		},
		check: func(p *Pass) {
			p.agents(func(a *model.Agent) {
				if a.StartsAllServers.IsValid() {
					p.ReportFix(a.StartsAllServers, "false", "Set enableAllProjectMcpServers to false, so that each server is asked about", "enableAllProjectMcpServers starts every MCP server the project names without asking, those a later change adds included; list the ones to start in enabledMcpjsonServers")
				}
			})
		},
	})
}
