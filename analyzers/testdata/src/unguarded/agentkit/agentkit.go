// Package agentkit is an in-house wrapper of mcp-go: its users build a
// server, tools and handlers without importing mcp-go.
package agentkit

import (
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

type (
	Server  = server.MCPServer
	Request = mcp.CallToolRequest
	Result  = mcp.CallToolResult
)

func NewServer(name string) *Server { return server.NewMCPServer(name, "1.0.0") }

func Tool(name string) mcp.Tool { return mcp.NewTool(name) }
