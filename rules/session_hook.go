package rules

import (
	"path"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/internal/injection"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "session-hook",
			Title:            "A hook in shared project settings runs for everyone on every session",
			Severity:         finding.Warning,
			SecuritySeverity: 5.5,
			OWASP:            []string{"ASI05"},
			ATF:              []string{"S-2"},
			Rationale: `Claude Code runs the hooks of a repository's ` + "`.claude/settings.json`" + ` for
everyone who opens the repository, and its ` + "`SessionStart`" + ` and ` + "`SessionEnd`" + `
hooks on every session, before anyone has done anything: a command there is
code the repository runs on each developer's machine, unasked. It belongs
there only when every developer must run it; then review it as code, since a
pull request that changes it changes what runs everywhere.

Keep personal hooks in ` + "`.claude/settings.local.json`" + `, which is not
committed, or run the command from a tool hook that needs it.`,
			Lang: "json",
			Bad: `-- .claude/settings.json --
{"hooks": {"SessionStart": [{"hooks": [{"type": "command", "command": "./scripts/warm-cache.sh"}]}]}}
`,
			Good: `-- .claude/settings.local.json --
{"hooks": {"SessionStart": [{"hooks": [{"type": "command", "command": "./scripts/warm-cache.sh"}]}]}}
`,
		},
		check: func(p *Pass) {
			if p.File.Format != model.FormatClaudeSettings || path.Base(p.File.Path) != "settings.json" {
				return // settings.local.json is not shared
			}
			p.agents(func(a *model.Agent) {
				for _, h := range a.Hooks {
					if (h.Event == "SessionStart" || h.Event == "SessionEnd") && h.Command.Value != "" {
						p.Reportf(h.Command.Span, "this %s hook of the shared project settings runs %q for everyone who opens the repository, on every session, unasked; keep it in settings.local.json unless every developer must run it", h.Event, injection.Clip(h.Command.Value))
					}
				}
			})
		},
	})
}
