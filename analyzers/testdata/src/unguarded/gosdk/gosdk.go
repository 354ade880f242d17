// Package gosdk has no ATF manifest: every unguarded side effect counts.
package gosdk

import (
	"context"
	"database/sql"
	"slices"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

type In struct{ ID int }

func Register(s *mcp.Server, db *sql.DB) {
	mcp.AddTool(s, &mcp.Tool{Name: "delete_user"}, func(ctx context.Context, req *mcp.CallToolRequest, in In) (*mcp.CallToolResult, any, error) {
		_, err := db.ExecContext(ctx, "DELETE FROM users WHERE id = $1", in.ID) // want `tool "delete_user" reaches sql.DB.ExecContext \(db.write\) with no guard before it; no ATF manifest declares`
		return nil, nil, err
	})
	// SELECT only reads.
	mcp.AddTool(s, &mcp.Tool{Name: "get_user"}, func(ctx context.Context, req *mcp.CallToolRequest, in In) (*mcp.CallToolResult, any, error) {
		_, err := db.QueryContext(ctx, "SELECT name FROM users WHERE id = $1", in.ID)
		return nil, nil, err
	})
	// An elicitation whose answer decides.
	s.AddTool(&mcp.Tool{Name: "delete_all"}, func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		res, err := req.Session.Elicit(ctx, &mcp.ElicitParams{Message: "delete every user?"})
		if err != nil || res.Action != "accept" {
			return nil, err
		}
		_, err = db.Exec("DELETE FROM users")
		return nil, err
	})
	// An answer sent back with a retried call decides as well; that
	// there is one does not.
	s.AddTool(&mcp.Tool{Name: "delete_confirmed"}, func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		res, ok := req.Params.InputResponses["confirm"].(*mcp.ElicitResult)
		if !ok || res.Action != "accept" {
			return nil, nil
		}
		_, err := db.Exec("DELETE FROM users")
		return nil, err
	})
	s.AddTool(&mcp.Tool{Name: "delete_answered"}, func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, ok := req.Params.InputResponses["confirm"].(*mcp.ElicitResult)
		if !ok {
			return nil, nil
		}
		_, err := db.Exec("DELETE FROM users") // want `tool "delete_answered" reaches sql.DB.Exec \(db.write\)`
		return nil, err
	})
	// With no manifest any guard will do: here the caller's token scopes.
	s.AddTool(&mcp.Tool{Name: "purge_scoped"}, func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		if !slices.Contains(req.Extra.TokenInfo.Scopes, "users:delete") {
			return nil, nil
		}
		_, err := db.Exec("DELETE FROM users")
		return nil, err
	})
	// An annotation that says the tool is read-only, on a tool that writes.
	mcp.AddTool(s, &mcp.Tool{Name: "audit", Annotations: &mcp.ToolAnnotations{ReadOnlyHint: true}}, func(ctx context.Context, req *mcp.CallToolRequest, in In) (*mcp.CallToolResult, any, error) { // want `tool "audit" is annotated read-only`
		_, err := db.Exec("INSERT INTO audit VALUES (1)") // want `tool "audit" reaches sql.DB.Exec \(db.write\)`
		return nil, nil, err
	})
}
