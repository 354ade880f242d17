// Package decisions has no manifest: a side effect counts as guarded only
// on the way a decision says yes to. A decision is recognised by what it
// does, never by a function's name.
package decisions

import (
	"context"
	"errors"
	"io/fs"
	"log"
	"os"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// srv is the server whose client asks the person.
var srv *server.MCPServer

// approve asks a person through an elicitation: its result is an
// approval, and so is that of the functions below that depend on it.
func approve(ctx context.Context, what string) bool {
	res, err := srv.RequestElicitation(ctx, mcp.ElicitationRequest{Message: what})
	return err == nil && res.Action == mcp.ElicitationResponseActionAccept
}

func authorize(ctx context.Context) error {
	if !approve(ctx, "act") {
		return errors.New("not approved")
	}
	return nil
}

func auditPolicy(ctx context.Context) error   { return authorize(ctx) }
func deniedByPolicy(ctx context.Context) bool { return !approve(ctx, "policy") }

// Look-alikes: their names say they decide; what they do decides nothing.
func canDelete(ctx context.Context, p string) bool { return p != "" }
func canonicalize(p string) bool                   { return true }
func cancelled(ctx context.Context) bool           { return ctx.Err() != nil }

var shallowCopies = map[string]bool{}

func Register(s *server.MCPServer) {
	// The direction of the condition counts.
	s.AddTool(mcp.NewTool("approved_then"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		if approve(ctx, "wipe") {
			return nil, os.RemoveAll("/srv")
		}
		return nil, nil
	})
	s.AddTool(mcp.NewTool("approved_else"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		if approve(ctx, "wipe") {
			log.Print("approved")
		} else {
			return nil, os.RemoveAll("/srv") // want `tool "approved_else" reaches os.RemoveAll \(fs.delete\)`
		}
		return nil, nil
	})
	s.AddTool(mcp.NewTool("approved_returns"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		if approve(ctx, "wipe") {
			return nil, nil
		}
		return nil, os.RemoveAll("/srv") // want `tool "approved_returns" reaches os.RemoveAll \(fs.delete\)`
	})
	s.AddTool(mcp.NewTool("denied_returns"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		if deniedByPolicy(ctx) {
			return nil, nil
		}
		return nil, os.RemoveAll("/srv")
	})
	s.AddTool(mcp.NewTool("authorized"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		if err := authorize(ctx); err != nil {
			return nil, err
		}
		return nil, os.RemoveAll("/srv")
	})
	s.AddTool(mcp.NewTool("authorized_nil"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		if err := authorize(ctx); err == nil {
			return nil, os.RemoveAll("/srv")
		}
		return nil, nil
	})
	s.AddTool(mcp.NewTool("authorized_failed"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		if err := authorize(ctx); err != nil {
			return nil, os.RemoveAll("/srv") // want `tool "authorized_failed" reaches os.RemoveAll \(fs.delete\)`
		}
		return nil, nil
	})

	// An elicitation's error says only that asking failed; its answer is
	// the decision.
	s.AddTool(mcp.NewTool("elicit_unchecked"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := s.RequestElicitation(ctx, mcp.ElicitationRequest{Message: "wipe?"})
		if err != nil {
			return nil, err
		}
		return nil, os.RemoveAll("/srv") // want `tool "elicit_unchecked" reaches os.RemoveAll \(fs.delete\)`
	})
	s.AddTool(mcp.NewTool("elicit_switch"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		res, err := s.RequestElicitation(ctx, mcp.ElicitationRequest{Message: "wipe?"})
		if err != nil {
			return nil, err
		}
		switch res.Action {
		case mcp.ElicitationResponseActionAccept:
			return nil, os.RemoveAll("/srv")
		case "decline":
			return nil, os.Remove("/srv/declined") // want `tool "elicit_switch" reaches os.Remove \(fs.delete\)`
		}
		return nil, nil
	})
	s.AddTool(mcp.NewTool("elicit_accepted"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		res, err := s.RequestElicitation(ctx, mcp.ElicitationRequest{Message: "wipe?"})
		accepted := err == nil && res.Action == mcp.ElicitationResponseActionAccept
		if !accepted {
			return nil, err
		}
		return nil, os.RemoveAll("/srv")
	})

	// A decision overwritten by another result decides nothing.
	s.AddTool(mcp.NewTool("overwritten"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		p := req.GetString("path", "")
		err := auditPolicy(ctx)
		log.Print(err)
		_, err = os.Stat(p)
		if err != nil {
			return nil, err
		}
		return nil, os.RemoveAll(p) // want `tool "overwritten" reaches os.RemoveAll \(fs.delete\)`
	})
	s.AddTool(mcp.NewTool("decided_again"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		p := req.GetString("path", "")
		_, err := os.Stat(p)
		log.Print(err)
		err = auditPolicy(ctx)
		if err != nil {
			return nil, err
		}
		return nil, os.RemoveAll(p)
	})

	// A name is no guard: canDelete, canonicalize and cancelled decide
	// nothing, and neither does an error check. A lookup in a set fixed at
	// package level is a resource check.
	s.AddTool(mcp.NewTool("can_delete"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		p := req.GetString("path", "")
		if !canDelete(ctx, p) {
			return nil, nil
		}
		return nil, os.RemoveAll(p) // want `tool "can_delete" reaches os.RemoveAll \(fs.delete\) with no guard`
	})
	s.AddTool(mcp.NewTool("canonical"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		p := req.GetString("path", "")
		if !canonicalize(p) {
			return nil, nil
		}
		return nil, os.RemoveAll(p) // want `tool "canonical" reaches os.RemoveAll \(fs.delete\)`
	})
	s.AddTool(mcp.NewTool("cancel"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		if cancelled(ctx) {
			return nil, nil
		}
		return nil, os.RemoveAll("/srv") // want `tool "cancel" reaches os.RemoveAll \(fs.delete\)`
	})
	s.AddTool(mcp.NewTool("permission"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		p := req.GetString("path", "")
		if _, err := os.Stat(p); os.IsPermission(err) || errors.Is(err, fs.ErrPermission) {
			return nil, err
		}
		return nil, os.RemoveAll(p) // want `tool "permission" reaches os.RemoveAll \(fs.delete\)`
	})
	s.AddTool(mcp.NewTool("shallow"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		p := req.GetString("path", "")
		if !shallowCopies[p] {
			return nil, nil
		}
		return nil, os.RemoveAll(p)
	})
}
