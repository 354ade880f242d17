// Package library builds tools for the programs that serve them: it is
// not an agent, and needs no manifest of its own.
package library

import (
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func Register(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("hello"), nil)
}
