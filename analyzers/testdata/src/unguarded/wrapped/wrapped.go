// Package wrapped registers a tool with mcp-go through agentkit, and
// imports no agent framework itself.
package wrapped

import (
	"context"
	"os"

	"unguarded/agentkit"
)

func wipe(ctx context.Context, req agentkit.Request) (*agentkit.Result, error) {
	return nil, os.RemoveAll(req.GetString("dir", "")) // want `tool "wipe" reaches os.RemoveAll \(fs.delete\)`
}

func Register() *agentkit.Server {
	s := agentkit.NewServer("files")
	s.AddTool(agentkit.Tool("wipe"), wipe)
	return s
}
