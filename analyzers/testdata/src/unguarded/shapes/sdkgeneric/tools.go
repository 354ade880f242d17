// Package sdkgeneric builds its go-sdk tools through a generic wrapper of
// the project, one function per tool, and registers a table of them.
package sdkgeneric

import (
	"context"
	"os"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"unguarded/shapes/inventory"
)

// NewTool is the project's wrapper: the tool literal and the handler are
// its arguments.
func NewTool[In, Out any](tool mcp.Tool, handler func(ctx context.Context, deps string, in In) (*mcp.CallToolResult, Out, error)) inventory.ServerTool {
	return inventory.NewServerTool(tool, func(ctx context.Context, req *mcp.CallToolRequest, in In) (*mcp.CallToolResult, Out, error) {
		return handler(ctx, "deps", in)
	})
}

type path struct{ Path string }

func DeleteFile() inventory.ServerTool {
	return NewTool(
		mcp.Tool{Name: "delete_file", Description: "Delete a file."},
		func(ctx context.Context, deps string, in path) (*mcp.CallToolResult, any, error) {
			return nil, nil, os.Remove(in.Path) // want `tool "delete_file" reaches os.Remove \(fs.delete\)`
		},
	)
}

func ReadFile() inventory.ServerTool {
	return NewTool(
		mcp.Tool{Name: "read_file", Annotations: &mcp.ToolAnnotations{ReadOnlyHint: true}},
		func(ctx context.Context, deps string, in path) (*mcp.CallToolResult, any, error) {
			_, err := os.ReadFile(in.Path)
			return nil, nil, err
		},
	)
}

// All is the table the server registers.
func All() []inventory.ServerTool {
	return []inventory.ServerTool{DeleteFile(), ReadFile()}
}

func Serve() {
	s := mcp.NewServer(&mcp.Implementation{Name: "files"}, nil)
	for _, st := range All() {
		st.Register(s, nil)
	}
}
