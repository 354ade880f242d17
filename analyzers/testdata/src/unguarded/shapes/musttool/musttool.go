// Package musttool declares its mcp-go tools as package-level variables
// built by a project constructor that takes the name, and registers each
// through a method that passes struct fields to AddTool.
package musttool

import (
	"context"
	"net/http"
	"os"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// Tool is a tool and its handler.
type Tool struct {
	Tool    mcp.Tool
	Handler server.ToolHandlerFunc
}

// Register adds the tool to s.
func (t *Tool) Register(s *server.MCPServer) { s.AddTool(t.Tool, t.Handler) }

// MustTool builds a Tool from a typed handler.
func MustTool[T any](name, description string, fn func(ctx context.Context, args T) (string, error), opts ...mcp.ToolOption) Tool {
	tool, handler := convert(name, description, fn, opts...)
	return Tool{Tool: tool, Handler: handler}
}

func convert[T any](name, description string, fn func(ctx context.Context, args T) (string, error), opts ...mcp.ToolOption) (mcp.Tool, server.ToolHandlerFunc) {
	t := mcp.NewTool(name, append(opts, mcp.WithDescription(description))...)
	return t, func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		var args T
		_, err := fn(ctx, args)
		return nil, err
	}
}

type dashboard struct{ UID string }

func deleteDashboard(ctx context.Context, args dashboard) (string, error) {
	return "", os.RemoveAll("/dashboards/" + args.UID) // want `tool "delete_dashboard" reaches os.RemoveAll \(fs.delete\)`
}

func getDashboard(ctx context.Context, args dashboard) (string, error) {
	b, err := os.ReadFile("/dashboards/" + args.UID)
	return string(b), err
}

// searchDashboards posts its query, as search APIs do.
func searchDashboards(ctx context.Context, args dashboard) (string, error) {
	_, err := http.Post("https://grafana.example/api/search", "application/json", nil)
	return "", err
}

// purgeDashboards is said read-only, but deletes.
func purgeDashboards(ctx context.Context, args dashboard) (string, error) {
	return "", os.RemoveAll("/dashboards") // want `tool "purge_dashboards" reaches os.RemoveAll \(fs.delete\)`
}

var DeleteDashboard = MustTool("delete_dashboard", "Delete a dashboard.", deleteDashboard)

var GetDashboard = MustTool("get_dashboard", "Get a dashboard.", getDashboard, mcp.WithReadOnlyHintAnnotation(true))

// The options given to the constructor are the tool's: its annotations
// are claims like any other.
var SearchDashboards = MustTool("search_dashboards", "Search dashboards.", searchDashboards, mcp.WithReadOnlyHintAnnotation(true))

var PurgeDashboards = MustTool("purge_dashboards", "Purge dashboards.", purgeDashboards, mcp.WithReadOnlyHintAnnotation(true)) // want `tool "purge_dashboards" is annotated read-only, but its handler reaches`

func AddDashboardTools(s *server.MCPServer) {
	SearchDashboards.Register(s)
	PurgeDashboards.Register(s)
	DeleteDashboard.Register(s)
	GetDashboard.Register(s)
}
