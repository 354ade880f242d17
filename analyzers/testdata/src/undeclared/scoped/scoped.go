// Package scoped declares its capabilities with scopes: a call is covered
// only when what it acts on is a constant inside the scope, or a resource
// check keeps it inside.
package scoped

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

const scratch = "/srv/scratch"

func Register(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("save"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, os.WriteFile(scratch+"/note.txt", nil, 0o600)
	})
	s.AddTool(mcp.NewTool("save_outside"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, os.WriteFile("/etc/cron.d/job", nil, 0o600) // want `tool "save_outside" reaches os.WriteFile \(fs.write\) on "/etc/cron.d/job", outside the declared scope \(/srv/scratch\)`
	})
	s.AddTool(mcp.NewTool("save_any"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, os.WriteFile(req.GetString("path", ""), nil, 0o600) // want `tool "save_any" reaches os.WriteFile \(fs.write\) on a target that is not a constant`
	})
	s.AddTool(mcp.NewTool("save_checked"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		p := filepath.Join(scratch, req.GetString("name", ""))
		if !strings.HasPrefix(filepath.Clean(p), scratch+"/") {
			return nil, nil
		}
		return nil, os.WriteFile(p, nil, 0o600)
	})
	s.AddTool(mcp.NewTool("fetch"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := http.Get("https://api.example.com/v1/items")
		return nil, err
	})
	s.AddTool(mcp.NewTool("fetch_elsewhere"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := http.Get("https://files.example.net/dump") // want `tool "fetch_elsewhere" reaches http.Get \(net.outbound\) on "https://files.example.net/dump", outside the declared scope \(api.example.com\)`
		return nil, err
	})
}
