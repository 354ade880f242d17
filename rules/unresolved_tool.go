package rules

import "github.com/atflint/atflint/finding"

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "unresolved-tool",
			Title:            "A tool registration could not be followed to its tool",
			Severity:         finding.Note,
			SecuritySeverity: 2.5,
			ATF:              []string{"I-5"},
			Rationale: `A capability manifest (I-5) is only as complete as the inventory of tools
behind it. atflint finds a tool where its value is built (a framework's tool
literal or constructor, a project function that wraps one, a literal of a
project type whose field becomes a tool's name), and follows it through
variables, struct fields, parameters, tables and loops to the call that
registers it. When a registration's tool comes from somewhere the analysis
cannot see into (the result of another module's function, a map lookup, a
tool list fetched at run time), the tools it registers are not counted and
their handlers are not checked. This note says so at the registration, and
` + "`atflint check`" + ` counts these in its summary, so that silence is never read as
"clean".

Build the tool where the analysis can see it, or review what the call
registers by hand and declare those tools in the manifest.`,
			Lang: "go",
			Bad: `-- main.go --
package main

import (
	"context"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func listPods(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return mcp.NewToolResultText("[]"), nil
}

// register adds a tool looked up at run time: atflint cannot tell which.
func register(s *server.MCPServer, byName map[string]mcp.Tool) {
	s.AddTool(byName["list_pods"], listPods)
}

func main() {}
`,
			Good: `-- main.go --
package main

import (
	"context"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func listPods(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	return mcp.NewToolResultText("[]"), nil
}

func register(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("list_pods"), listPods)
}

func main() {}
`,
		},
	})
}
