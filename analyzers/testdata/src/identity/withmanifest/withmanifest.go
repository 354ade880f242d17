// Package withmanifest has a manifest: its tools have an identity.
package withmanifest

import (
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func Build() {
	s := server.NewMCPServer("hello", "1.0")
	s.AddTool(mcp.NewTool("hello"), nil)
}
