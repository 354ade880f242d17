package rules

import (
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "bypass-permissions",
			Title:            "A coding agent is set to skip every permission check",
			Severity:         finding.Error,
			SecuritySeverity: 8.8,
			OWASP:            []string{"ASI02", "ASI03"},
			ATF:              []string{"S-2"},
			Rationale: `Claude Code's ` + "`defaultMode: bypassPermissions`" + ` (a subagent's ` + "`permissionMode`" + `) runs every tool call, shell
commands and file writes included, without asking and without the allow and
deny rules. The agent then has no action boundary (S-2) but the sandbox it
runs in, if any. Committed in a repository's settings, it applies to everyone
who opens the repository. VS Code's ` + "`chat.tools.autoApprove: true`" + ` (now
` + "`chat.tools.global.autoApprove`" + `) in a workspace's ` + "`.vscode/settings.json`" + ` does the
same for its agent, and a prompt injection that can write that file turns it
on; so do entries of ` + "`chat.tools.terminal.autoApprove`" + ` or ` + "`chat.tools.urls.autoApprove`" + `
that match everything (` + "`/.*/`" + `, ` + "`*`" + `). OpenAI Codex's ` + "`approval_policy = \"never\"`" + ` in
` + "`.codex/config.toml`" + ` runs every command unasked, and
` + "`sandbox_mode = \"danger-full-access\"`" + ` takes away the sandbox its commands run in,
at the top or in a ` + "`[profiles.NAME]`" + ` table;
OpenCode's ` + "`permission`" + ` of ` + "`\"allow\"`" + ` for everything, for ` + "`*`" + ` or for ` + "`bash`" + ` (or a V2
` + "`permissions`" + ` rule allowing every shell command) does the same for its agent, and
in an agent's own permission (` + "`agent.NAME`" + ` in opencode.json, or an agent in
` + "`.opencode/agent/*.md`" + `) for that agent.

Use ` + "`default`" + ` or ` + "`acceptEdits`" + `, with allow and deny rules for what may run.`,
			Lang: "json",
			Bad: `-- .claude/settings.json --
{"permissions": {"defaultMode": "bypassPermissions", "deny": ["Bash(rm:*)"]}}
`,
			Good: `-- .claude/settings.json --
{"permissions": {"defaultMode": "default", "allow": ["Bash(go test:*)"], "deny": ["Bash(rm:*)"]}}
`,
		},
		check: func(p *Pass) {
			p.agents(func(a *model.Agent) {
				pm := a.Permissions
				switch {
				case pm == nil:
				case pm.DefaultMode.Value == "bypassPermissions":
					p.ReportFix(pm.DefaultMode.Span, `"default"`, "Set defaultMode to default, which asks before each tool call the rules do not allow", "permissions default to bypassPermissions: every tool call runs without asking and no rule applies; use default or acceptEdits, with allow and deny rules")
				}
				if pm != nil {
					for _, ap := range pm.ApproveAll {
						p.Reportf(ap.Setting.Span, "%s approves, without asking, every %s; turn it off and approve what the agent needs one by one", ap.Setting.Value, ap.What)
					}
					for _, u := range pm.Unsandboxed {
						p.Reportf(u.Span, "%s runs the agent's commands with no sandbox, free to touch the whole machine and network; keep the sandbox on", u.Value)
					}
				}
			})
		},
	})
}
