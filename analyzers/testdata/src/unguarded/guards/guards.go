// Package guards is a junior agent's: a side effect needs a person's
// approval. A function the manifest names under guards is one; a path kept
// inside a root is a resource check, which is not.
package guards

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// review hands the decision to the team's review desk, which atflint
// cannot see into: the manifest says it is an approval.
func review(ctx context.Context, what string) bool { return len(what) > 0 }

const root = "/srv/scratch"

func Register(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("delete_reviewed"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		p := req.GetString("path", "")
		if !review(ctx, "delete "+p) {
			return nil, nil
		}
		return nil, os.Remove(p)
	})
	s.AddTool(mcp.NewTool("delete_scoped"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		p := req.GetString("path", "")
		if !strings.HasPrefix(filepath.Clean(p), root+"/") {
			return nil, nil
		}
		return nil, os.Remove(p) // want `tool "delete_scoped" reaches os.Remove \(fs.delete\) with only a resource check before it, which is not an approval; agent.atf.yaml declares a junior agent`
	})
}
