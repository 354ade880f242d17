// Package musttool declares its mcp-go tools as package-level variables
// built by a project constructor that takes the name, and registers each
// through a method that passes struct fields to AddTool.
package musttool

import (
	"context"
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

var DeleteDashboard = MustTool("delete_dashboard", "Delete a dashboard.", deleteDashboard)

var GetDashboard = MustTool("get_dashboard", "Get a dashboard.", getDashboard, mcp.WithReadOnlyHintAnnotation(true))

func AddDashboardTools(s *server.MCPServer) {
	DeleteDashboard.Register(s)
	GetDashboard.Register(s)
}
