package rules

import (
	"net"
	"strings"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "insecure-transport",
			Title:            "A remote MCP server or agent is reached over plain http",
			Severity:         finding.Warning,
			SecuritySeverity: 6.5,
			OWASP:            []string{"ASI07"},
			ATF:              []string{"D-2", "I-2"},
			Rationale: `Over plain http, anyone on the path reads the traffic and can change it: a
tool's answers become a channel for injected instructions (D-2), and a token
sent along is no longer the agent's alone (I-2). A remote server over http or
ws is a warning, whether it is the server's url or a URL the server is given
in its arguments (a proxy such as mcp-remote connects to it, a server to its
backend), and so is an A2A agent card endpoint over
http; a server that is sent credentials that way (an Authorization header, a
token or key in a header or in the query string) is an error. Endpoints on this
machine (localhost, 127.0.0.0/8, ::1, 0.0.0.0) are not reported.

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
				for _, e := range append([]model.Field[string]{a.Endpoint}, a.OtherEndpoints...) {
					if plainHTTP(e.Value) {
						p.Reportf(e.Span, "the agent's endpoint is plain http, where its messages can be read and changed on the way; use https")
					}
				}
				for _, s := range a.Servers {
					// A local server may be handed a remote URL to proxy to
					// (mcp-remote); that URL is where the traffic goes.
					urls := []model.Field[string]{s.URL}
					for _, arg := range s.Args {
						if !strings.Contains(arg.Value, "://") {
							continue
						}
						if _, v, ok := splitAssignment(arg.Value); ok && strings.Contains(v, "://") {
							arg.Value = v // --url=http://...
						}
						urls = append(urls, arg)
					}
					for i, u := range urls {
						if !plainHTTP(u.Value) {
							continue
						}
						where := "is reached over plain http"
						if i > 0 {
							where = "is given a plain http URL in its arguments"
						}
						if what, ok := credentialSent(s, u.Value); ok {
							p.Report(finding.Finding{Span: u.Span, Severity: finding.Error, ATF: []string{"I-2", "D-2"},
								Message: "MCP server " + quote(s.Name) + " " + where + ", and credentials (" + what + ") go with it; use https"})
							continue
						}
						p.Reportf(u.Span, "MCP server %s %s, where what goes over it can be read and changed on the way; use https", quote(s.Name), where)
					}
				}
			})
		},
	})
}

// plainHTTP reports an http or ws URL to a host off this machine.
func plainHTTP(raw string) bool {
	u, err := parseURL(raw)
	if err != nil || !strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "ws") {
		return false
	}
	return !local(strings.ToLower(u.Hostname()))
}

// local reports a host name or address that stays on this machine:
// localhost, the loopback (127.1 is short for 127.0.0.1), and 0.0.0.0,
// which a client reaches as this machine.
func local(host string) bool {
	shortLoopback := strings.HasPrefix(host, "127.") && strings.Trim(host, "0123456789.") == ""
	if host == "localhost" || strings.HasSuffix(host, ".localhost") || shortLoopback || host == "0.0.0.0" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// credentialSent names a credential a server is sent with its URL: a
// header that carries one, as configured or as an argument
// ("--header", "Authorization: ..."), a password in the URL, or a secret
// in the query.
func credentialSent(s *model.Server, rawURL string) (string, bool) {
	for _, h := range s.Headers {
		if secretKeyName(h.Key) {
			return "the " + quote(h.Key) + " header", true
		}
	}
	for _, arg := range s.Args {
		if name, _, ok := strings.Cut(arg.Value, ":"); ok && !strings.ContainsAny(name, " /") && secretKeyName(name) {
			return "the " + quote(name) + " header", true
		}
	}
	if u, err := parseURL(rawURL); err == nil {
		if _, ok := u.User.Password(); ok {
			return "a password in the URL", true
		}
	}
	for _, p := range queryParams(rawURL) {
		if secretKeyName(p.name) {
			return "the " + quote(p.name) + " query parameter", true
		}
	}
	return "", false
}
