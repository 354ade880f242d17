package rules

import (
	"strings"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:       "wildcard-permission",
			Title:    "A coding agent may run any command, fetch any site or use any MCP tool without asking",
			Severity: finding.Error,
			ATF:      []string{"S-2", "S-1"},
			Rationale: `An allow rule runs its tool calls without asking. Some rules allow everything
of a kind: bare ` + "`Bash`" + ` or ` + "`Bash(*)`" + ` any command; ` + "`Bash(python:*)`" + `, ` + "`Bash(node:*)`" + `,
` + "`Bash(npm:*)`" + `, ` + "`Bash(curl:*)`" + ` and other interpreters, shells, package managers and
network tools any program at all, since each runs code it is given;
` + "`WebFetch`" + ` or ` + "`WebFetch(domain:*)`" + ` any site; ` + "`mcp__*`" + ` every tool of every MCP
server. Each leaves no action boundary (S-2) or resource allowlist (S-1) for
that kind of call.

Allow the exact commands and domains the work needs (` + "`Bash(go test:*)`" + `,
` + "`WebFetch(domain:pkg.go.dev)`" + `), and let the rest ask.`,
			Lang: "json",
			Bad: `-- .claude/settings.json --
{"permissions": {"allow": ["Bash(npm:*)", "WebFetch(domain:*)"], "deny": ["Bash(rm:*)"]}}
`,
			Good: `-- .claude/settings.json --
{"permissions": {"allow": ["Bash(npm test:*)", "WebFetch(domain:docs.npmjs.com)"], "deny": ["Bash(rm:*)"]}}
`,
		},
		check: func(p *Pass) {
			p.agents(func(a *model.Agent) {
				if a.Permissions == nil {
					return
				}
				for _, r := range a.Permissions.Allow.Items {
					if why := wildcardPermission(r.Value); why != "" {
						p.Reportf(r.Span, "allow rule %s lets the agent %s without asking", quote(r.Value), why)
					}
				}
			})
		},
	})
}

// runsAnything are commands that run whatever code they are given.
var runsAnything = map[string]bool{
	"bash": true, "sh": true, "zsh": true, "fish": true, "pwsh": true, "powershell": true, "cmd": true,
	"python": true, "python3": true, "node": true, "deno": true, "bun": true, "ruby": true, "perl": true, "php": true,
	"npm": true, "npx": true, "pnpm": true, "yarn": true, "pip": true, "pip3": true, "uv": true, "uvx": true,
	"pipx": true, "go": true, "cargo": true, "make": true, "docker": true, "kubectl": true, "sudo": true,
	"eval": true, "exec": true, "env": true, "xargs": true, "curl": true, "wget": true, "ssh": true,
}

// wildcardPermission says what an allow rule lets the agent do that has
// no bound, or "" for a rule with one.
func wildcardPermission(rule string) string {
	rule = strings.TrimSpace(rule)
	name, arg, hasArg := strings.Cut(rule, "(")
	arg = strings.TrimSuffix(arg, ")")
	switch {
	case name == "Bash" && (!hasArg || arg == "*" || arg == ":*" || arg == ""):
		return "run any shell command"
	case name == "Bash":
		cmd := strings.Fields(strings.NewReplacer(":*", " ", "*", " ").Replace(arg))
		if len(cmd) == 1 && runsAnything[cmd[0]] {
			return "run any program through " + quote(cmd[0])
		}
	case name == "WebFetch" && (!hasArg || arg == "domain:*" || arg == "*"):
		return "fetch any site"
	case rule == "mcp__*" || rule == "mcp__":
		return "use every tool of every MCP server"
	}
	return ""
}
