package rules

import (
	"strings"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "unpinned-plugin",
			Title:            "A marketplace installs a plugin from a source that can change",
			Severity:         finding.Error,
			SecuritySeverity: 7.5,
			OWASP:            []string{"ASI04"},
			ATF:              []string{"I-5"},
			Rationale: `A Claude Code plugin brings hooks that run shell commands, MCP servers,
skills and agents into every session of whoever installs it. A marketplace
that lists a plugin from another repository (` + "`github`" + `, ` + "`url`" + `, ` + "`git-subdir`" + `
sources) or from npm fetches what that source holds at install and update
time: its default branch, or the branch or tag ` + "`ref`" + ` names, which its owner
can move. The capability manifest (I-5) cannot describe code that changes
under it. Only a full 40-character commit ` + "`sha`" + ` (or, for npm, an exact
` + "`version`" + `) fixes what is installed; a plugin in the marketplace's own repository
(` + "`\"source\": \"./plugins/x\"`" + `) is fixed by the marketplace's commit.

Add the commit's ` + "`sha`" + ` to the source, and update it as a reviewed change.`,
			Lang: "json",
			Bad: `-- .claude-plugin/marketplace.json --
{"name": "acme", "owner": {"name": "Acme"}, "plugins": [
  {"name": "deploy", "source": {"source": "github", "repo": "acme/deploy-plugin", "ref": "main"}}]}
`,
			Good: `-- .claude-plugin/marketplace.json --
{"name": "acme", "owner": {"name": "Acme"}, "plugins": [
  {"name": "deploy", "source": {"source": "github", "repo": "acme/deploy-plugin", "sha": "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0"}},
  {"name": "local", "source": "./plugins/local"}]}
`,
		},
		check: func(p *Pass) {
			p.agents(func(a *model.Agent) {
				for _, in := range a.Installs {
					if !in.Remote || in.Pin.Present() {
						continue
					}
					pin := "no commit sha"
					if strings.HasPrefix(in.Source.Value, "npm:") {
						pin = "no exact version"
					}
					p.Reportf(in.Source.Span, "plugin %s is installed from %s with %s, so each install may fetch different code, hooks and servers included; pin it", quote(in.Name.Value), quote(in.Source.Value), pin)
				}
			})
		},
	})
}
