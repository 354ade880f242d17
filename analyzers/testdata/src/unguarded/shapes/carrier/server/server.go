// Package server converts the project's tools to go-sdk tools: the name
// comes from a field of the project's type, so every literal of it that
// sets the field is a tool, wherever it is.
package server

import (
	"context"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"unguarded/shapes/carrier/api"
	"unguarded/shapes/carrier/toolsets"
)

func convert(tool api.ServerTool) (*mcp.Tool, mcp.ToolHandler) {
	t := &mcp.Tool{Name: tool.Tool.Name, Description: tool.Tool.Description} // want `tool "pods_delete" \(built at toolsets/pods.go:14:10\) reaches os.RemoveAll at toolsets/pods.go:20:13 \(fs.delete\)`
	return t, func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		out, err := tool.Handler(api.Params{Context: ctx})
		return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: out}}}, err
	}
}

func Serve() {
	s := mcp.NewServer(&mcp.Implementation{Name: "pods"}, nil)
	for _, st := range toolsets.Pods() {
		s.AddTool(convert(st))
	}
}
