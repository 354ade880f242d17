package rules

import (
	"strings"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "wildcard-scope",
			Title:            "A resource, action or capability is a wildcard",
			Severity:         finding.Error,
			SecuritySeverity: 7.0,
			OWASP:            []string{"ASI03"},
			ATF:              []string{"S-1", "S-2", "I-5"},
			Rationale: `A wildcard turns an allowlist into allow-all: ` + "`resources: [\"*\"]`" + ` is no
resource allowlist (S-1), ` + "`actions: [\"*\"]`" + ` no action boundary (S-2), and
` + "`capabilities: [\"*\"]`" + ` no capability manifest (I-5). A resource counts as a
wildcard when it matches every host or the whole file system (` + "`*`" + `, ` + "`https://*`" + `,
` + "`file:///**`" + `); a wildcard inside a named host or path (` + "`s3://reports/*`" + `) is a scope
and is fine.

List the resources, actions and capabilities one by one.`,
			Bad: `atf: "0.9"
agent: {id: "urn:acme:agent:triage", level: intern}
segmentation:
  default: deny
  resources: ["https://*"]
`,
			Good: `atf: "0.9"
agent: {id: "urn:acme:agent:triage", level: intern}
segmentation:
  default: deny
  resources: ["https://api.acme.example/tickets"]
`,
		},
		check: checkWildcardScope,
	})
}

func checkWildcardScope(p *Pass) {
	p.agents(func(a *model.Agent) {
		report := func(l model.List, what, id string, wild func(string) bool) {
			for _, it := range l.Items {
				if wild(it.Value) {
					p.Report(finding.Finding{Span: it.Span, ATF: []string{id},
						Message: what + " " + quote(it.Value) + " is a wildcard, so it limits nothing; list each one"})
				}
			}
		}
		isStar := func(s string) bool { return s == "*" }
		if s := a.Segmentation; s != nil {
			report(s.Resources, "resource", "S-1", wildcardResource)
		}
		report(a.Capabilities, "capability", "I-5", isStar)
		for _, t := range a.Tools {
			report(t.Resources, "resource", "S-1", wildcardResource)
			report(t.Actions, "action", "S-2", isStar)
			report(t.Capabilities, "capability", "I-5", isStar)
		}
	})
}

// wildcardResource reports whether a resource pattern matches every host
// or the whole file system.
func wildcardResource(r string) bool {
	all := func(s string) bool { return s == "*" || s == "**" }
	r = strings.TrimSpace(r)
	if r == "" {
		return false
	}
	scheme, rest, hasScheme := strings.Cut(r, "://")
	if !hasScheme || scheme == "" {
		rest = strings.TrimPrefix(r, "/")
		return all(rest) || all(strings.TrimSuffix(rest, "/*")) || rest == ""
	}
	host, path, _ := strings.Cut(rest, "/")
	host = host[strings.LastIndex(host, "@")+1:]
	return all(host) || host == "" && (path == "" || all(path))
}
