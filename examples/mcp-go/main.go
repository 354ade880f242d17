// Command file-manager is an MCP server, on mcp-go, that reads and deletes
// files in a scratch directory. atflint finds its tools, follows each
// handler to what it does, and holds that to agent.atf.yaml.
package main

import (
	"context"
	"os"
	"path/filepath"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

const root = "/srv/scratch"

func main() {
	s := server.NewMCPServer("file-manager", "1.0.0")

	s.AddTool(mcp.NewTool("read_file",
		mcp.WithDescription("Read a file of the scratch directory"),
		mcp.WithString("name", mcp.Required()),
		mcp.WithReadOnlyHintAnnotation(true),
	), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		data, err := os.ReadFile(filepath.Join(root, req.GetString("name", "")))
		if err != nil {
			return mcp.NewToolResultError(err.Error()), nil
		}
		return mcp.NewToolResultText(string(data)), nil
	})

	// The manifest says a person approves every deletion, but nothing in
	// the handler asks: atflint reports it.
	s.AddTool(mcp.NewTool("delete_file",
		mcp.WithDescription("Delete a file of the scratch directory"),
		mcp.WithString("name", mcp.Required()),
	), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		if err := os.Remove(filepath.Join(root, req.GetString("name", ""))); err != nil {
			return mcp.NewToolResultError(err.Error()), nil
		}
		return mcp.NewToolResultText("deleted"), nil
	})

	if err := server.ServeStdio(s); err != nil {
		os.Exit(1)
	}
}
