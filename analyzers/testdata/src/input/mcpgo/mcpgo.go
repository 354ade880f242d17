// Package mcpgo passes mcp-go tools' arguments to commands, paths, URLs
// and SQL, checked and not.
package mcpgo

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

const root = "/srv/scratch"

var allowed = map[string]bool{"status": true, "log": true}

func Register(s *server.MCPServer, db *sql.DB) {
	s.AddTool(mcp.NewTool("run"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		cmd := req.GetString("cmd", "")
		return nil, exec.CommandContext(ctx, "sh", "-c", cmd).Run() // want `tool "run" passes the model's input \(req.GetString\("cmd", ""\)\) to CommandContext's command`
	})
	s.AddTool(mcp.NewTool("git"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		sub := req.GetString("sub", "")
		if !allowed[sub] {
			return nil, fmt.Errorf("not allowed: %s", sub)
		}
		return nil, exec.CommandContext(ctx, "git", sub).Run()
	})
	s.AddTool(mcp.NewTool("remove"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		p := filepath.Join(root, req.GetString("name", ""))
		return nil, os.Remove(p) // want `tool "remove" passes the model's input .* to Remove's path`
	})
	s.AddTool(mcp.NewTool("remove_checked"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		p := filepath.Join(root, req.GetString("name", ""))
		if !strings.HasPrefix(filepath.Clean(p), root+"/") {
			return nil, nil
		}
		return nil, os.Remove(p)
	})
	s.AddTool(mcp.NewTool("fetch"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := http.Get(req.GetString("url", "")) // want `tool "fetch" passes the model's input .* to Get's URL`
		return nil, err
	})
	// The host is the code's: the input chooses only the path.
	s.AddTool(mcp.NewTool("item"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := http.Get("https://api.example.com/items/" + req.GetString("id", ""))
		return nil, err
	})
	s.AddTool(mcp.NewTool("item_fmt"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := http.Get(fmt.Sprintf("https://api.example.com/items/%s", req.GetString("id", "")))
		return nil, err
	})
	s.AddTool(mcp.NewTool("lookup"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		name := req.GetString("name", "")
		_, err := db.QueryContext(ctx, "SELECT id FROM users WHERE name = '"+name+"'") // want `tool "lookup" passes the model's input .* to QueryContext's SQL statement`
		return nil, err
	})
	s.AddTool(mcp.NewTool("lookup_param"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := db.QueryContext(ctx, "SELECT id FROM users WHERE name = $1", req.GetString("name", ""))
		return nil, err
	})
}
