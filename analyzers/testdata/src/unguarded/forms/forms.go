// Package forms registers tools in the remaining ways: Genkit's ai.NewTool,
// Eino's utils.NewTool, mcp-go's SetTools, a handler a factory returns, a
// generic handler instantiated, handlers in variables set more than once,
// and mcp-go ServerTool values built before AddTools or SetTools, or
// declared at package level.
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

// wipeReplaced is replaced before its variable is registered. The
// literal that pairs it with wipe_replaced still builds a tool: a tool
// value is a tool wherever it is built.
func wipeReplaced(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, os.RemoveAll("/srv/replaced") // want `tool "wipe_replaced" reaches os.RemoveAll \(fs.delete\)`
}

func wipeSlice(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, os.RemoveAll("/srv/slice") // want `tool "wipe_slice" reaches os.RemoveAll \(fs.delete\)`
}

func wipeAppended(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, os.RemoveAll("/srv/appended") // want `tool "wipe_appended" reaches os.RemoveAll \(fs.delete\)`
}

func wipeLooped(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, os.RemoveAll("/srv/looped") // want `tool \(name not a constant\) reaches os.RemoveAll \(fs.delete\)`
}

func wipeHeld(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, os.RemoveAll("/srv/held") // want `tool "wipe_held" reaches os.RemoveAll \(fs.delete\)`
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

// RegisterBuilt registers ServerTool values held in variables and slices.
func RegisterBuilt(s *server.MCPServer, names []string, more bool) {
	// A slice literal, appended to on one way to the call. A handler
	// variable counts as it is where the tool is built.
	tools := []server.ServerTool{
		{Tool: mcp.NewTool("wipe_slice"), Handler: wipeSlice},
		{Tool: mcp.NewTool("read_slice"), Handler: read},
	}
	hv := wipeReplaced
	if more {
		hv = read
		tools = append(tools, server.ServerTool{Tool: mcp.NewTool("read_appended"), Handler: hv})
		tools = append(tools, server.ServerTool{Tool: mcp.NewTool("wipe_appended"), Handler: wipeAppended})
	}
	s.AddTools(tools...)

	// A slice built in a loop.
	var looped []server.ServerTool
	for _, name := range names {
		looped = append(looped, server.ServerTool{Tool: mcp.NewTool(name), Handler: wipeLooped})
	}
	s.SetTools(looped...)

	// ServerTool variables; a tool registered twice is one tool.
	h := wipeHeld
	held := server.ServerTool{Tool: mcp.NewTool("wipe_held"), Handler: h}
	h = read
	other := server.ServerTool{Tool: mcp.NewTool("read_held"), Handler: h}
	s.AddTools(held, other)
	s.SetTools(held)

	// A slice replaced before it is registered.
	replaced := []server.ServerTool{{Tool: mcp.NewTool("wipe_replaced"), Handler: wipeReplaced}}
	replaced = []server.ServerTool{{Tool: mcp.NewTool("read_replaced_slice"), Handler: read}}
	s.AddTools(replaced...)

	// A slice declared at package level.
	s.AddTools(packageTools...)
}
