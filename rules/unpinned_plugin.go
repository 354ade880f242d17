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
			Title:            "A plugin or a hub block is installed from a source that can change",
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

A Continue config's ` + "`uses: owner/slug`" + ` takes a block (an MCP server, a model,
rules for the model) from Continue's hub, its latest version unless the slug
names one: ` + "`owner/slug@1.2.0`" + ` fixes it.

Add the commit's ` + "`sha`" + ` to the source, or the version to the slug, and update
it as a reviewed change.`,
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
					switch {
					case in.What == "hub block":
						p.Reportf(in.Source.Span, "this config takes hub block %s at its latest version, so each load may bring a different server, model or rules; name a version (%s@1.0.0)", quote(in.Name.Value), strings.SplitN(in.Name.Value, "@", 2)[0])
					case strings.HasPrefix(in.Source.Value, "npm:"):
						p.Reportf(in.Source.Span, "plugin %s is installed from %s with no exact version, so each install may fetch different code, hooks and servers included; pin it", quote(in.Name.Value), quote(in.Source.Value))
					default:
						p.Reportf(in.Source.Span, "plugin %s is installed from %s with no commit sha, so each install may fetch different code, hooks and servers included; pin it", quote(in.Name.Value), quote(in.Source.Value))
					}
				}
			})
		},
	})
}
