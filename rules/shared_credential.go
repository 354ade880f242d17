package rules

import (
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "shared-credential",
			Title:            "Two agents are bound to the same credential",
			Severity:         finding.Error,
			SecuritySeverity: 7.0,
			OWASP:            []string{"ASI03"},
			ATF:              []string{"I-1", "I-2"},
			Rationale: `Several agents sharing one service account is an ATF anti-pattern: the
credential, not the agent, becomes the identity, so nothing it does can be
attributed to one agent and it cannot be revoked for one agent alone. Two
manifests of a run whose ` + "`identity.credential.ref`" + ` is the same are reported,
the later one pointing back at the first.

Issue each agent its own credential.`,
			Bad: `-- a.atf.yaml --
atf: "0.9"
agent: {id: "urn:acme:agent:a", level: junior}
identity:
  credential: {type: oidc, ref: "https://login.acme.example/clients/shared"}
-- b.atf.yaml --
atf: "0.9"
agent: {id: "urn:acme:agent:b", level: junior}
identity:
  credential: {type: oidc, ref: "https://login.acme.example/clients/shared"}
`,
			Good: `-- a.atf.yaml --
atf: "0.9"
agent: {id: "urn:acme:agent:a", level: junior}
identity:
  credential: {type: oidc, ref: "https://login.acme.example/clients/agent-a"}
-- b.atf.yaml --
atf: "0.9"
agent: {id: "urn:acme:agent:b", level: junior}
identity:
  credential: {type: oidc, ref: "https://login.acme.example/clients/agent-b"}
`,
		},
		unique: func(f *model.File) []model.Field[string] {
			var refs []model.Field[string]
			for _, a := range f.Agents {
				if c := a.Credential; c != nil && c.Ref.Present() && c.Ref.Value != "" {
					refs = append(refs, c.Ref)
				}
			}
			return refs
		},
		duplicate: func(ref, first string) string {
			// A ref may be the secret itself (which inline-secret
			// reports); only one shaped as a reference is named.
			what := "this credential"
			if _, secret := literalSecret("credential", ref); !secret && secretReference.MatchString(ref) && !hasPassword(ref) {
				what = "credential " + quote(ref)
			}
			return what + " is already bound to the agent in " + first + "; agents sharing a credential cannot be told apart or revoked alone"
		},
	})
}
