// Package hostile has no manifest: recursion, an interface whose
// implementation calls back through it, reflection, unsafe, a nil handler
// and a generic sink must neither hang nor crash the analysis.
package hostile

import (
	"context"
	"os"
	"reflect"
	"unsafe"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// Walker's only implementation calls back through the interface.
type Walker interface {
	Walk(dir string, depth int) error
}

type tree struct{ next Walker }

func (t *tree) Walk(dir string, depth int) error {
	if depth == 0 {
		return os.RemoveAll(dir)
	}
	return t.next.Walk(dir, depth-1)
}

// purge calls itself, and its input on.
func purge(dir string, depth int) error {
	if depth > 0 {
		return purge(dir, depth-1)
	}
	return os.Remove(dir)
}

// drop is a generic sink.
func drop[T ~string](p T) error { return os.Remove(string(p)) }

type name string

func Register(s *server.MCPServer, w Walker) {
	s.AddTool(mcp.NewTool("walk"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, w.Walk(req.GetString("dir", ""), 3) // want `tool "walk" reaches hostile.Walker.Walk → hostile.tree.Walk → os.RemoveAll \(fs.delete\)`
	})
	s.AddTool(mcp.NewTool("purge"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, purge(req.GetString("dir", ""), 2) // want `tool "purge" reaches hostile.purge → .*os.Remove \(fs.delete\)`
	})
	s.AddTool(mcp.NewTool("drop"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, drop(name(req.GetString("path", ""))) // want `tool "drop" reaches hostile.drop → os.Remove \(fs.delete\)`
	})
	s.AddTool(mcp.NewTool("reflect"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		out := reflect.ValueOf(os.Remove).Call([]reflect.Value{reflect.ValueOf(req.GetString("path", ""))})
		p := unsafe.Pointer(&out)
		_ = p
		return nil, nil
	})
	s.AddTool(mcp.NewTool("nothing"), nil)
}
