// Package proxy registers tools it does not build: a proxied server's,
// fetched at run time, and ones looked up in a map. Each registration is
// reported once; the tools built here are not.
package proxy

import (
	"context"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"unresolved/upstream"
)

func forward(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, nil
}

func Serve(s *server.MCPServer, byName map[string]mcp.Tool) {
	for _, t := range upstream.ListTools() {
		s.AddTools(server.ServerTool{Tool: t, Handler: forward}) // want `the tool of this mcp-go registration cannot be followed to where it is built: it ranges over a value the analysis cannot see into`
	}
	s.AddTool(upstream.Lookup("x"), forward) // want `a function the analysis has no summary of returns it`
	s.AddTool(byName["y"], forward)          // want `it is read from a map or slice`

	// Followed: built here, or carried by a parameter.
	s.AddTool(mcp.NewTool("local"), forward)
	tool := mcp.NewTool("held")
	s.AddTool(tool, forward)
	for _, t := range []mcp.Tool{mcp.NewTool("a"), mcp.NewTool("b")} {
		s.AddTool(t, forward)
	}
}
