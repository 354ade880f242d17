// Package forms registers tools in the remaining ways: Genkit's ai.NewTool,
// Eino's utils.NewTool, mcp-go's SetTools, a handler a factory returns, a
// generic handler instantiated, and handlers in variables set more than
// once.
package forms

import (
	"context"
	"os"

	"github.com/cloudwego/eino/components/tool/utils"
	"github.com/cloudwego/eino/schema"
	"github.com/firebase/genkit/go/ai"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

type In struct{ Path string }

// deleter returns a handler: the factory's closure is what runs.
func deleter(root string) server.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, os.RemoveAll(root) // want `tool "wipe" reaches os.RemoveAll \(fs.delete\)`
	}
}

// newWiper returns a handler and an error: the handler is its closure.
func newWiper() (server.ToolHandlerFunc, error) {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, os.RemoveAll("/srv/factory") // want `tool "wipe_factory" reaches os.RemoveAll \(fs.delete\)`
	}, nil
}

func wipeAs[T any](ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, os.RemoveAll("/srv/generic") // want `tool "wipe_generic" reaches os.RemoveAll \(fs.delete\)` `tool "wipe_generic_var" reaches os.RemoveAll \(fs.delete\)`
}

func wipeLater(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, os.RemoveAll("/srv/later") // want `tool "wipe_later" reaches os.RemoveAll \(fs.delete\)`
}

func wipeBranch(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, os.RemoveAll("/srv/branch") // want `tool "wipe_branch" reaches os.RemoveAll \(fs.delete\)`
}

func wipeNext(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, os.RemoveAll("/srv/next") // want `tool \(name not a constant\) reaches os.RemoveAll \(fs.delete\)`
}

// wipeReplaced is replaced before its variable is registered.
func wipeReplaced(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, os.RemoveAll("/srv/replaced")
}

func read(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	_, err := os.ReadFile("/srv/notes")
	return nil, err
}

func Register(s *server.MCPServer, names []string, again bool) {
	ai.NewTool("genkit_write", "write a file", func(tc *ai.ToolContext, in In) (string, error) {
		return "", os.WriteFile(in.Path, nil, 0o600) // want `tool "genkit_write" reaches os.WriteFile \(fs.write\)`
	})
	utils.NewTool(&schema.ToolInfo{Name: "eino_remove"}, func(ctx context.Context, in In) (string, error) {
		return "", os.Remove(in.Path) // want `tool "eino_remove" reaches os.Remove \(fs.delete\)`
	})
	s.SetTools(server.ServerTool{Tool: mcp.NewTool("wipe"), Handler: deleter("/srv")})

	if h, err := newWiper(); err == nil {
		s.AddTool(mcp.NewTool("wipe_factory"), h)
	}
	s.AddTool(mcp.NewTool("wipe_generic"), wipeAs[int])
	g := wipeAs[string]
	s.AddTool(mcp.NewTool("wipe_generic_var"), g)

	// What the variable holds where the tool is registered counts, not
	// what it is set to after.
	h := wipeLater
	s.AddTool(mcp.NewTool("wipe_later"), h)
	h = read
	r := wipeReplaced
	r = read
	s.AddTool(mcp.NewTool("read_replaced"), r)
	// A value set on one way there counts, and so does one set later in
	// a loop around the registration.
	b := read
	if again {
		b = wipeBranch
	}
	s.AddTool(mcp.NewTool("wipe_branch"), b)
	next := read
	for _, name := range names {
		s.AddTool(mcp.NewTool(name), next)
		next = wipeNext
	}
}
