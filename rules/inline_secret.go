package rules

import (
	"strings"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/syntax"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "inline-secret",
			Title:            "A secret is written in the file",
			Severity:         finding.Error,
			SecuritySeverity: 9.3,
			OWASP:            []string{"ASI03"},
			ATF:              []string{"I-2"},
			Rationale: `A manifest is committed, reviewed, copied and logged; a secret in it is
disclosed to everyone who can read the repository, and lives as long as its
history. The credential bound to an agent (I-2) must be issued to it at run
time, not written down. atflint looks for the shapes of well-known tokens and
keys (GitHub, OpenAI, Anthropic, AWS, Slack, Google, Stripe, private keys,
JWTs, passwords in URLs) and for random-looking values under keys such as
` + "`token`" + ` or ` + "`apiKey`" + `, after flags (` + "`--api-key ...`" + `), in headers passed as
arguments (` + "`Authorization: Bearer ...`" + `) and in URL query strings. Placeholders
(` + "`your-token`" + `, ` + "`XXXX...`" + `) and keys about a secret (` + "`TOKEN_FILE`" + `) are not
secrets. The secret itself is never printed.

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
			report := func(span syntax.Span, kind string) {
				p.Reportf(span, "%s is written in the file; revoke it and reference the secret instead (${VAR}, vault:..., a credential ref)", withArticle(kind))
			}
			text := p.text()
			for _, l := range text.lists {
				// An argument list may hold a flag and its value apart:
				// "--api-key", "...".
				items := l.node.Items
				for i := 0; i+1 < len(items); i++ {
					flag, value := items[i], items[i+1]
					if !isString(flag) || !isString(value) || !strings.HasPrefix(flag.Value, "-") || strings.Contains(flag.Value, "=") {
						continue
					}
					if _, alone := literalSecret(l.near, value.Value); alone {
						continue // reported as an item of its own
					}
					if kind, ok := literalSecret(strings.TrimLeft(flag.Value, "-"), value.Value); ok {
						report(value.Span, kind)
					}
				}
			}
			for _, s := range text.values {
				kind, ok := literalSecret(s.near, s.node.Value)
				if k, v, isAssignment := splitAssignment(s.node.Value); !ok && isAssignment {
					// --api-key=..., TOKEN=..., "Authorization: Bearer ...",
					// as arguments or inside a value.
					kind, ok = literalSecret(k, v)
				}
				if ok {
					report(s.span(), kind)
				}
			}
		},
	})
}

func isString(n *syntax.Node) bool { return n.Kind == syntax.Scalar && n.Type == syntax.String }
