// Package forms registers tools in the remaining ways: Genkit's ai.NewTool,
// Eino's utils.NewTool, mcp-go's SetTools, and a handler a factory returns.
package forms

import (
	"context"
	"os"

	"github.com/cloudwego/eino/components/tool/utils"
	"github.com/cloudwego/eino/schema"
	"github.com/firebase/genkit/go/ai"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

type In struct{ Path string }

// deleter returns a handler: the factory's closure is what runs.
func deleter(root string) server.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, os.RemoveAll(root) // want `tool "wipe" reaches os.RemoveAll \(fs.delete\)`
	}
}

func Register(s *server.MCPServer) {
	ai.NewTool("genkit_write", "write a file", func(tc *ai.ToolContext, in In) (string, error) {
		return "", os.WriteFile(in.Path, nil, 0o600) // want `tool "genkit_write" reaches os.WriteFile \(fs.write\)`
	})
	utils.NewTool(&schema.ToolInfo{Name: "eino_remove"}, func(ctx context.Context, in In) (string, error) {
		return "", os.Remove(in.Path) // want `tool "eino_remove" reaches os.Remove \(fs.delete\)`
	})
	s.SetTools(server.ServerTool{Tool: mcp.NewTool("wipe"), Handler: deleter("/srv")})
}
