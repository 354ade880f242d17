package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "auto-approve",
			Title:            "An MCP client runs a server's tools with no one asked",
			Severity:         finding.Error,
			SecuritySeverity: 7.8,
			OWASP:            []string{"ASI02"},
			ATF:              []string{"S-2"},
			Rationale: `MCP clients ask before a tool runs unless told not to: Roo's and Cline's
` + "`alwaysAllow`" + `, ` + "`autoApprove`" + ` lists, Gemini CLI's ` + "`trust: true`" + ` for a whole server.
Every tool listed runs on the model's word alone, whatever it was steered to
do, so the human in the loop that ATF's action boundaries (S-2) rely on is
gone for them. atflint reports each list and each trusted server.

Remove the lists. Where a tool only reads and asking would be noise, keep it
and suppress the finding with the reason, so the choice is on record.`,
			Lang: "json",
			Bad: `-- .roo/mcp.json --
{"mcpServers": {"netlify": {"command": "node", "args": ["server.js"], "alwaysAllow": ["deploy-site", "set-env-vars"]}}}
`,
			Good: `-- .roo/mcp.json --
{"mcpServers": {"netlify": {"command": "node", "args": ["server.js"]}}}
`,
		},
		check: func(p *Pass) {
			p.agents(func(a *model.Agent) {
				for _, s := range a.Servers {
					if star := slices.IndexFunc(s.AutoApprove.Items, func(t model.Field[string]) bool { return strings.TrimSpace(t.Value) == "*" }); star >= 0 {
						p.Reportf(s.AutoApprove.Items[star].Span, "MCP server %s lets every tool it offers run without asking; approve each call", quote(s.Name))
					} else if n := len(s.AutoApprove.Items); n > 0 {
						p.Reportf(s.AutoApprove.Span, "MCP server %s lets %s run without asking, %s among them; approve each call",
							quote(s.Name), plural(n, "tool"), quote(s.AutoApprove.Items[0].Value))
					}
					if s.TrustAll.IsValid() {
						p.Reportf(s.TrustAll, "MCP server %s is trusted: every tool it offers runs without asking; remove trust: true", quote(s.Name))
					}
				}
			})
		},
	})
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
