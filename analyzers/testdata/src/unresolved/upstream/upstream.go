// Package upstream stands for another module: its tool list is fetched
// at run time, and atflint has no fact about it.
package upstream

import "github.com/mark3labs/mcp-go/mcp"

func ListTools() []mcp.Tool { return nil }

func Lookup(name string) mcp.Tool { return mcp.Tool{} }
