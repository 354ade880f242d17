package rules

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "missing-identity",
			Title:            "The agent has no usable identity",
			Severity:         finding.Error,
			SecuritySeverity: 7.0,
			OWASP:            []string{"ASI03"},
			ATF:              []string{"I-1"},
			Rationale: `I-1 asks for one immutable id per agent that no other agent shares, at every
level: without it, no log line, approval or revocation can be tied to the
agent. A name is not an id. ` + "`agent.id`" + ` must be a URN (urn:acme:agent:triage), a
UUID URN (urn:uuid:...), a SPIFFE ID (spiffe://trust-domain/path), a DID
(did:method:...) or an https URL, so that it is unique beyond one repository.

In Go code (the ` + "`missingidentity`" + ` analyzer), an MCP server or agent built with an
empty name is reported (` + "`mcp.NewServer`" + `, mcp-go's ` + "`NewMCPServer`" + `, Eino's and ADK's
agent configs), and so is a program or a package that builds a server with
tools and no ATF manifest in its directory or above (a library that only
builds tools for others to serve is not an agent).`,
			Bad: `atf: "0.9"
agent:
  id: triage-bot
  level: intern
`,
			Good: `atf: "0.9"
agent:
  id: spiffe://acme.example/agents/triage
  level: intern
`,
		},
		check: checkMissingIdentity,
	})
}

func checkMissingIdentity(p *Pass) {
	if p.File.Format != model.FormatATF {
		return // other formats have no id field to check
	}
	p.agents(func(a *model.Agent) {
		switch id := a.ID; {
		case !id.Present() || strings.TrimSpace(id.Value) == "":
			span := a.Span
			if id.Present() {
				span = id.Span
			}
			p.Reportf(span, "the agent has no id; set agent.id to a globally unique URN, UUID URN, SPIFFE ID, DID or https URL")
		case model.Placeholder(id.Value):
			p.Reportf(id.Span, "agent.id is still TODO; set it to a globally unique URN, UUID URN, SPIFFE ID, DID or https URL")
		case !validAgentID(id.Value):
			p.Reportf(id.Span, "agent.id %q is not a URN, UUID URN, SPIFFE ID, DID or https URL, so nothing makes it unique beyond this repository", id.Value)
		}
	})
}

var (
	urnID    = regexp.MustCompile(`(?i)^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$`)
	uuidURN  = regexp.MustCompile(`(?i)^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	spiffeID = regexp.MustCompile(`^spiffe://[a-z0-9._-]+(/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)+$`)
	didID    = regexp.MustCompile(`^did:[a-z0-9]+:[A-Za-z0-9._:%-]*[A-Za-z0-9._%-]$`)
)

// validAgentID reports whether id has one of the globally unique forms.
func validAgentID(id string) bool {
	switch {
	case strings.HasPrefix(strings.ToLower(id), "urn:uuid:"):
		return uuidURN.MatchString(id)
	case urnID.MatchString(id), spiffeID.MatchString(id), didID.MatchString(id):
		return true
	}
	u, err := url.Parse(id)
	return err == nil && u.Scheme == "https" && u.Host != "" && !strings.ContainsAny(id, " \t")
}
