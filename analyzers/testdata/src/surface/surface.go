// Package surface registers tools whose surfaces the toolsurface test
// compares: some are the same definition written differently, some
// differ by one thing.
package surface

import (
	"context"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	sdk "github.com/modelcontextprotocol/go-sdk/mcp"
)

const readDesc = "Reads a file."

func read(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return mcp.NewToolResultText(""), nil
}

func register(s *server.MCPServer) {
	// read and read_again are one definition: a constant named or
	// written in place, laid out differently.
	s.AddTool(mcp.NewTool("read", mcp.WithDescription(readDesc), mcp.WithString("path", mcp.Required(), mcp.Description("The file."))), read)
	s.AddTool(mcp.NewTool("read_again",
		mcp.WithDescription("Reads a file."),
		mcp.WithString("path",
			mcp.Required(),
			mcp.Description("The file."),
		),
	), read)
	// More input: a second parameter.
	s.AddTool(mcp.NewTool("read_lines", mcp.WithDescription(readDesc), mcp.WithString("path", mcp.Required(), mcp.Description("The file.")), mcp.WithNumber("limit")),
		func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
			return nil, nil
		})
}

type Query struct {
	Text  string `json:"text" jsonschema:"what to look for"`
	Limit int    `json:"limit,omitempty"`
}

type Query2 struct {
	Text  string `json:"text" jsonschema:"what to look for"`
	Limit int    `json:"limit,omitempty"`
	Page  int    `json:"page"`
}

func search(ctx context.Context, req *sdk.CallToolRequest, in Query) (*sdk.CallToolResult, any, error) {
	return nil, nil, nil
}

func searchPaged(ctx context.Context, req *sdk.CallToolRequest, in Query2) (*sdk.CallToolResult, any, error) {
	return nil, nil, nil
}

func registerSDK(s *sdk.Server) {
	sdk.AddTool(s, &sdk.Tool{Name: "search", Description: "Searches."}, search)
	sdk.AddTool(s, &sdk.Tool{Name: "find", Description: "Finds."}, search)
	sdk.AddTool(s, &sdk.Tool{Name: "search_paged", Description: "Searches."}, searchPaged)
}
