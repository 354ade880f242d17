package rules

import (
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/syntax"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:       "inline-secret",
			Title:    "A secret is written in the file",
			Severity: finding.Error,
			ATF:      []string{"I-2"},
			Rationale: `A manifest is committed, reviewed, copied and logged; a secret in it is
disclosed to everyone who can read the repository, and lives as long as its
history. The credential bound to an agent (I-2) must be issued to it at run
time, not written down. atflint looks for the shapes of well-known tokens and
keys (GitHub, OpenAI, Anthropic, AWS, Slack, Google, Stripe, private keys,
JWTs, passwords in URLs) and for random-looking values under keys such as
` + "`token`" + ` or ` + "`apiKey`" + `. The secret itself is never printed.

Revoke the secret, remove it from the file and its history, and reference it
instead: ` + "`${VAR}`" + `, ` + "`vault:...`" + `, or a credential ` + "`ref`" + `.`,
			Bad: `atf: "0.9"
agent: {id: "urn:acme:agent:triage", level: junior}
identity:
  credential: {type: oidc, ref: "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB"}
`,
			Good: `atf: "0.9"
agent: {id: "urn:acme:agent:triage", level: junior}
identity:
  credential: {type: oidc, ref: "https://login.acme.example/clients/triage"}
`,
		},
		check: func(p *Pass) {
			syntax.Walk(p.File.Root, func(path []string, parent *syntax.Entry, n *syntax.Node) {
				if n.Kind != syntax.Scalar || n.Type != syntax.String {
					return
				}
				key, value, span := nearestKey(path), n.Value, n.Span
				if parent != nil {
					span = parent.Span()
				} else if k, v, ok := splitAssignment(value); ok {
					key, value = k, v // an argument: --api-key=..., -eTOKEN=...
				}
				if kind, ok := literalSecret(key, value); ok {
					p.Reportf(span, "%s is written in the file; revoke it and reference the secret instead (${VAR}, vault:..., a credential ref)", withArticle(kind))
				}
			})
		},
	})
}
