// Package servers builds servers and agents with and without names, and
// registers a tool with no manifest anywhere above it.
package servers

import (
	"context"
	"os"

	einoadk "github.com/cloudwego/eino/adk"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	gosdk "github.com/modelcontextprotocol/go-sdk/mcp"
	"google.golang.org/adk/agent/llmagent"
)

func Build(ctx context.Context) {
	gosdk.NewServer(nil, nil)                                   // want `MCP server built with an empty name`
	gosdk.NewServer(&gosdk.Implementation{Version: "1.0"}, nil) // want `MCP server built with an empty name`
	gosdk.NewServer(&gosdk.Implementation{Name: "files", Version: "1.0"}, nil)
	server.NewMCPServer("", "1.0") // want `MCP server built with an empty name`
	s := server.NewMCPServer("files", "1.0")
	einoadk.NewChatModelAgent(ctx, &einoadk.ChatModelAgentConfig{Description: "helps"}) // want `agent built with an empty name`
	llmagent.New(llmagent.Config{Name: "janitor"})
	llmagent.New(llmagent.Config{Name: " "}) // want `agent built with an empty name`
	name := os.Getenv("AGENT_NAME")
	server.NewMCPServer(name, "1.0")

	s.AddTool(mcp.NewTool("hello"), nil) // want `this package serves tools, but no ATF manifest`
	s.AddTool(mcp.NewTool("bye"), nil)
}
