// Package inventory pairs go-sdk tools with handler factories and
// registers them in a loop through a method, as large go-sdk servers do:
// the tool value is copied out of a struct field before AddTool.
package inventory

import (
	"context"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// HandlerFactory builds a tool's handler from the server's dependencies.
type HandlerFactory func(deps any) mcp.ToolHandler

// ServerTool is a tool and the factory of its handler.
type ServerTool struct {
	Tool        mcp.Tool
	HandlerFunc HandlerFactory
}

// NewServerTool pairs a tool with a typed handler.
func NewServerTool[In, Out any](tool mcp.Tool, handler mcp.ToolHandlerFor[In, Out]) ServerTool {
	return ServerTool{Tool: tool, HandlerFunc: func(deps any) mcp.ToolHandler {
		return func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
			var in In
			res, _, err := handler(ctx, req, in)
			return res, err
		}
	}}
}

// Register adds the tool to s.
func (st *ServerTool) Register(s *mcp.Server, deps any) {
	toolCopy := st.Tool
	s.AddTool(&toolCopy, st.HandlerFunc(deps))
}
