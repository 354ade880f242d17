// Package servertoolfunc has one function per mcp-go tool, returning a
// server.ServerTool whose handler comes from a factory, and registers the
// fields of each result.
package servertoolfunc

import (
	"context"
	"os"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func DeleteWorkspace(root string) server.ServerTool {
	return server.ServerTool{
		Tool:    mcp.NewTool("delete_workspace", mcp.WithDescription("Delete a workspace.")),
		Handler: deleteWorkspaceHandler(root),
	}
}

func deleteWorkspaceHandler(root string) server.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, os.RemoveAll(root + "/ws") // want `tool "delete_workspace" reaches os.RemoveAll \(fs.delete\)`
	}
}

func Register(s *server.MCPServer) {
	tool := DeleteWorkspace("/srv")
	s.AddTool(tool.Tool, tool.Handler)
}
