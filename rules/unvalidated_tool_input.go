package rules

import "github.com/atflint/atflint/finding"

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "unvalidated-tool-input",
			Title:            "The model's input reaches a command, path, URL or SQL statement unchecked",
			Severity:         finding.Error,
			SecuritySeverity: 8.6,
			OWASP:            []string{"ASI02", "ASI05"},
			ATF:              []string{"D-1", "S-2"},
			Rationale: `A tool's arguments are chosen by the model, and through it by whoever wrote
what the model read: a web page, an issue, a document. D-1 asks that inputs be
validated before they act; the OWASP Agentic Top 10 calls the failure tool
misuse. Scanners that follow untrusted input (gosec's taint analyzers) start
from HTTP requests, program arguments and the environment, never from a tool's
arguments.

In Go code (the ` + "`toolinput`" + ` analyzer), the arguments of a handler declared in
the package are its parameters (the typed input of go-sdk, Genkit and Eino, the
string of langchaingo) and what the framework's request returns (mcp-go's
` + "`req.GetString`" + ` and the like, go-sdk's ` + "`req.Params.Arguments`" + `). A value computed
from them that reaches the name or arguments of a command, the path of a file
call, the URL of a request or an SQL statement is reported at the call, with
the argument as a related location, unless a check that decides whether the
call happens stands before it: a lookup in a set fixed in the code, a path
compared after ` + "`filepath.Clean`" + `, ` + "`filepath.IsLocal`" + `. A check may be a project
function whose result says the value is allowed. The value is followed through
assignments and into the functions of the project it is passed to, in any
package: each is summarised once by which of its parameters reach a sink
unchecked. Helpers of versioned dependencies are not followed. For a URL only
the host matters: input that follows a head the code chose (a constant
` + "`https://host/`" + `, a configured base URL, ` + "`base.JoinPath(id)`" + `) picks a path,
not where the request goes, and is not reported.

Check the input before it acts: look it up in a fixed allowlist, keep a path
inside a root after ` + "`filepath.Clean`" + `, use query parameters for SQL.`,
			Lang: "go",
			Bad: `-- main.go --
package main

import (
	"context"
	"os"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func main() {
	s := server.NewMCPServer("files", "1.0.0")
	s.AddTool(mcp.NewTool("delete_file"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, os.Remove(req.GetString("path", "")) // any file the model names
	})
}
`,
			Good: `-- main.go --
package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

const root = "/srv/scratch"

func main() {
	s := server.NewMCPServer("files", "1.0.0")
	s.AddTool(mcp.NewTool("delete_file"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		p := filepath.Join(root, req.GetString("name", ""))
		if !strings.HasPrefix(filepath.Clean(p), root+"/") {
			return mcp.NewToolResultText("outside the scratch folder"), nil
		}
		return nil, os.Remove(p)
	})
}
`,
		},
	})
}
