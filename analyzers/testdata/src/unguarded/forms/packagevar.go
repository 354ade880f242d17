package forms

import (
	"context"
	"os"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// packageTools are declared at package level, in another file than the
// AddTools call that registers them.
var packageTools = []server.ServerTool{
	{Tool: mcp.NewTool("wipe_package"), Handler: wipePackage},
	{Tool: mcp.NewTool("read_package"), Handler: read},
}

func wipePackage(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return nil, os.RemoveAll("/srv/package") // want `tool "wipe_package" reaches os.RemoveAll \(fs.delete\)`
}
