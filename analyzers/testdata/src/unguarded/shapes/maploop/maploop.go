// Package maploop registers its mcp-go tools in a loop over a map of
// names to handlers: each entry is a tool.
package maploop

import (
	"context"
	"os"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func wipe(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, os.RemoveAll("/srv/data") // want `tool "wipe" reaches os.RemoveAll \(fs.delete\)`
}

func list(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	_, err := os.ReadDir("/srv/data")
	return nil, err
}

func Register(s *server.MCPServer) {
	handlers := map[string]server.ToolHandlerFunc{
		"wipe": wipe,
		"list": list,
	}
	for name, h := range handlers {
		s.AddTool(mcp.NewTool(name), h)
	}
}
