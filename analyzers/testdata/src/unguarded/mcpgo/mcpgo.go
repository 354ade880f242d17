package mcpgo

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"unguarded/helpers"
)

// srv is the server whose client asks the person.
var srv *server.MCPServer

// approve asks through a helper of another package.
func approve(ctx context.Context, what string) bool { return helpers.Confirm(ctx, srv, what) }

type Handlers struct{}

func (h *Handlers) purge(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, helpers.Cleanup(req.GetString("dir", "")) // want `tool "purge" reaches helpers.Cleanup → os.RemoveAll \(fs.delete\) with no guard`
}

func (h *Handlers) purgeApproved(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, helpers.CleanupApproved(req.GetString("dir", ""), func(string) bool { return approve(ctx, "purge") }) // want `tool "purge_approved" reaches helpers.CleanupApproved → os.RemoveAll \(fs.delete\) with no guard`
}

func runCommand(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	out, err := exec.CommandContext(ctx, "sh", "-c", req.GetString("cmd", "")).Output() // want `tool "run" reaches exec.CommandContext \(exec\)`
	return mcp.NewToolResultText(string(out)), err
}

type Args struct{ Path string }

func Register(s *server.MCPServer, h *Handlers) {
	// A function literal that deletes with no guard.
	s.AddTool(mcp.NewTool("delete_file"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, os.Remove(req.GetString("path", "")) // want `tool "delete_file" reaches os.Remove \(fs.delete\) with no guard before it; agent.atf.yaml says approval: required for it`
	})

	// The same behind an approval whose answer decides.
	s.AddTool(mcp.NewTool("delete_guarded"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		if !approve(ctx, "delete "+req.GetString("path", "")) {
			return nil, nil
		}
		return nil, os.Remove(req.GetString("path", ""))
	})

	// An approval whose answer nothing tests guards nothing.
	s.AddTool(mcp.NewTool("delete_ignored"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		approve(ctx, "delete")
		return nil, os.Remove(req.GetString("path", "")) // want `tool "delete_ignored" reaches os.Remove \(fs.delete\)`
	})

	// A named function, a method value, a helper in another package.
	s.AddTool(mcp.NewTool("run"), runCommand)
	s.AddTool(mcp.NewTool("purge"), h.purge)
	s.AddTool(mcp.NewTool("purge_approved"), h.purgeApproved)

	// A typed handler wrapper.
	s.AddTool(mcp.NewTool("write_typed"), mcp.NewTypedToolHandler(func(ctx context.Context, req mcp.CallToolRequest, a Args) (*mcp.CallToolResult, error) {
		return nil, os.WriteFile(a.Path, nil, 0o600) // want `tool "write_typed" reaches os.WriteFile \(fs.write\)`
	}))

	// A tool that only reads is not reported.
	s.AddTool(mcp.NewTool("read_file"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		data, err := os.ReadFile(req.GetString("path", ""))
		return mcp.NewToolResultText(string(data)), err
	})

	// A handler in a local variable, annotated read-only, that writes.
	notes := func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		f, err := os.OpenFile("notes.txt", os.O_APPEND|os.O_WRONLY, 0o600) // want `tool "notes" reaches os.OpenFile \(fs.write\)`
		if err == nil {
			f.Close()
		}
		return nil, err
	}
	s.AddTool(mcp.NewTool("notes", mcp.WithReadOnlyHintAnnotation(true)), notes) // want `tool "notes" is annotated read-only, but its handler reaches os.OpenFile \(fs.write\); annotations are claims`

	// Tools given as ServerTool values.
	s.AddTools(server.ServerTool{
		Tool: mcp.NewTool("drop_all"),
		Handler: func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
			return nil, exec.Command("rm", "-rf", "/srv/data").Run() // want `tool "drop_all" reaches exec.Command \(exec\)`
		},
	})

	// An elicitation whose answer is checked is a guard.
	s.AddTool(mcp.NewTool("send_mail"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		res, err := s.RequestElicitation(ctx, mcp.ElicitationRequest{Message: "send?"})
		if err != nil || res.Action != mcp.ElicitationResponseActionAccept {
			return nil, err
		}
		_, err = http.Post("https://mail.example/send", "text/plain", strings.NewReader("hi"))
		return nil, err
	})
}
