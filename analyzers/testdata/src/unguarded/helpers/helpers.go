// Package helpers does a side effect on behalf of tools in other packages.
package helpers

import (
	"context"
	"os"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// Confirm asks the person behind s's client; its result is an approval,
// which the tools of other packages learn from its fact.
func Confirm(ctx context.Context, s *server.MCPServer, what string) bool {
	res, err := s.RequestElicitation(ctx, mcp.ElicitationRequest{Message: what})
	if err != nil {
		return false
	}
	return res.Action == mcp.ElicitationResponseActionAccept
}

func Cleanup(dir string) error { return os.RemoveAll(dir) }

// CleanupApproved deletes only what its approver allows. A decision
// passed in as a function value is not followed: it guards nothing.
func CleanupApproved(dir string, approved func(string) bool) error {
	if !approved(dir) {
		return nil
	}
	return os.RemoveAll(dir)
}
