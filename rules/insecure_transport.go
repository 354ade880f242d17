package rules

import (
	"net"
	"net/url"
	"strings"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:       "insecure-transport",
			Title:    "A remote MCP server or agent is reached over plain http",
			Severity: finding.Warning,
			ATF:      []string{"D-2", "I-2"},
			Rationale: `Over plain http, anyone on the path reads the traffic and can change it: a
tool's answers become a channel for injected instructions (D-2), and a token
sent along is no longer the agent's alone (I-2). A remote server over http is
a warning, and so is an A2A agent card whose endpoint is http; a server that is
sent credentials (an Authorization header, a token or key in a header) over
http is an error. Endpoints on the loopback interface are not reported.

Use https.`,
			Lang: "json",
			Bad: `-- .mcp.json --
{"mcpServers": {"tickets": {"type": "http", "url": "http://mcp.acme.example/tickets", "headers": {"Authorization": "Bearer ${TICKETS_TOKEN}"}}}}
`,
			Good: `-- .mcp.json --
{"mcpServers": {"tickets": {"type": "http", "url": "https://mcp.acme.example/tickets", "headers": {"Authorization": "Bearer ${TICKETS_TOKEN}"}}}}
`,
		},
		check: func(p *Pass) {
			p.agents(func(a *model.Agent) {
				if plainHTTP(a.Endpoint.Value) {
					p.Reportf(a.Endpoint.Span, "the agent's endpoint is plain http, where its messages can be read and changed on the way; use https")
				}
				for _, s := range a.Servers {
					if !plainHTTP(s.URL.Value) {
						continue
					}
					if h, ok := credentialHeader(s); ok {
						p.Report(finding.Finding{Span: s.URL.Span, Severity: finding.Error, ATF: []string{"I-2", "D-2"},
							Message: "MCP server " + quote(s.Name) + " is sent credentials (the " + quote(h) + " header) over plain http; use https"})
						continue
					}
					p.Reportf(s.URL.Span, "MCP server %s is reached over plain http, where its answers can be read and changed on the way; use https", quote(s.Name))
				}
			})
		},
	})
}

// plainHTTP reports an http URL to a host other than the loopback.
func plainHTTP(raw string) bool {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || !strings.EqualFold(u.Scheme, "http") {
		return false
	}
	host := u.Hostname()
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return false
	}
	ip := net.ParseIP(host)
	return ip == nil || !ip.IsLoopback()
}

// credentialHeader finds a header that carries a credential.
func credentialHeader(s *model.Server) (string, bool) {
	for _, h := range s.Headers {
		if k := strings.ToLower(h.Key); k == "authorization" || k == "cookie" || secretKeyName(h.Key) {
			return h.Key, true
		}
	}
	return "", false
}
