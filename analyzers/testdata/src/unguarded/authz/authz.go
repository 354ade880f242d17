// Package authz is an intern agent's: a check of the caller's token
// scopes is an authorization, not the person's approval the level needs.
package authz

import (
	"context"
	"os"
	"slices"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

func Register(s *mcp.Server) {
	s.AddTool(&mcp.Tool{Name: "purge"}, func(ctx context.Context, req *mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		if !slices.Contains(req.Extra.TokenInfo.Scopes, "files:delete") {
			return nil, nil
		}
		return nil, os.RemoveAll("/srv/data") // want `tool "purge" reaches os.RemoveAll \(fs.delete\) with only an authorization before it, which is not an approval`
	})
}
