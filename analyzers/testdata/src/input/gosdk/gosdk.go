// Package gosdk's typed tool input is the model's.
package gosdk

import (
	"context"
	"os"
	"path/filepath"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

type In struct{ Path string }

func Register(s *mcp.Server) {
	mcp.AddTool(s, &mcp.Tool{Name: "read"}, func(ctx context.Context, req *mcp.CallToolRequest, in In) (*mcp.CallToolResult, any, error) {
		_, err := os.ReadFile(in.Path) // want `tool "read" passes the model's input \(in\) to ReadFile's path`
		return nil, nil, err
	})
	mcp.AddTool(s, &mcp.Tool{Name: "read_local"}, func(ctx context.Context, req *mcp.CallToolRequest, in In) (*mcp.CallToolResult, any, error) {
		if !filepath.IsLocal(in.Path) {
			return nil, nil, nil
		}
		_, err := os.ReadFile(in.Path)
		return nil, nil, err
	})
}
