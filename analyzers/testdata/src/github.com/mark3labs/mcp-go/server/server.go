// Package server is a stub of mcp-go's server API, for tests.
package server

import (
	"context"

	"github.com/mark3labs/mcp-go/mcp"
)

type MCPServer struct{}

type ServerOption func(*MCPServer)

func NewMCPServer(name, version string, opts ...ServerOption) *MCPServer { return &MCPServer{} }

type ToolHandlerFunc func(ctx context.Context, request mcp.CallToolRequest) (*mcp.CallToolResult, error)

type ServerTool struct {
	Tool    mcp.Tool
	Handler ToolHandlerFunc
}

func (s *MCPServer) AddTool(tool mcp.Tool, handler ToolHandlerFunc) {}

func (s *MCPServer) AddTools(tools ...ServerTool) {}

func (s *MCPServer) SetTools(tools ...ServerTool) {}

func (s *MCPServer) RequestElicitation(ctx context.Context, request mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
	return nil, nil
}
