// Package mcpgo registers mcp-go ServerTool values built before the call,
// in a slice and in a variable.
package mcpgo

import (
	"context"
	"os"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func list(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	_, err := os.ReadDir("/srv/notes")
	return nil, err
}

func erase(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, os.RemoveAll("/srv/notes") // want `tool "erase_notes" reaches os.RemoveAll \(fs.delete\), which agent.atf.yaml declares neither for the tool nor for the agent`
}

func Register(s *server.MCPServer) {
	tools := []server.ServerTool{{Tool: mcp.NewTool("list_notes"), Handler: list}}
	tools = append(tools, server.ServerTool{Tool: mcp.NewTool("erase_notes"), Handler: erase}) // want `tool "erase_notes" is registered here but agent.atf.yaml does not list it`
	s.AddTools(tools...)

	stats := server.ServerTool{Tool: mcp.NewTool("note_stats")} // want `tool "note_stats" is registered here but agent.atf.yaml does not list it`
	s.SetTools(stats)
}
