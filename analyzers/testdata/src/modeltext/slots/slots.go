// Package slots gives the model a description through each framework's
// own slot, and one text through a function that is not a slot.
package slots

import (
	"context"

	anthropic "github.com/anthropics/anthropic-sdk-go"
	"github.com/cloudwego/eino/components/tool/utils"
	"github.com/cloudwego/eino/schema"
	"github.com/firebase/genkit/go/ai"
	"github.com/firebase/genkit/go/genkit"
	"github.com/mark3labs/mcp-go/mcp"
	sdk "github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/tmc/langchaingo/tools"
)

// notesDesc is shared by two tools: it is one text, here.
const notesDesc = "Keeps notes." // want `description "Keeps notes."`

var (
	_ = mcp.NewTool("notes", mcp.WithDescription(notesDesc))
	_ = mcp.NewTool("notes_v2", mcp.WithDescription(notesDesc))
	_ = mcp.NewTool("math", mcp.WithDescription(("Adds numbers."))) // want `description "Adds numbers."`
	_ = mcp.Tool{Name: "raw", Description: `Reads a file.`}         // want `description "Reads a file."`
)

var sdkTool = &sdk.Tool{Name: "fetch", Description: "Fetches a page."} // want `description "Fetches a page."`

var anthropicTool = anthropic.ToolParam{Name: "lookup", Description: anthropic.String("Looks a word up.")} // want `description "Looks a word up."`

var einoInfo = &schema.ToolInfo{Name: "rank", Desc: "Ranks " + "results."} // want `description "Ranks results."`

type In struct{ Q string }

func define(g *genkit.Genkit, dynamic string) {
	genkit.DefineTool(g, "search", "Searches the web.", func(ctx *ai.ToolContext, in In) (string, error) { return "", nil }) // want `description "Searches the web."`
	utils.InferTool("summarise", "Summarises text.", func(ctx context.Context, in In) (string, error) { return "", nil })    // want `description "Summarises text."`
	// A description made at run time is no constant: not read.
	utils.InferTool("echo", dynamic, func(ctx context.Context, in In) (string, error) { return "", nil })
}

// describe is not a framework's slot: its text is not a tool's.
func describe(description string) string { return description }

var _ = describe("Not a tool's.")

// lookup is a langchaingo tool: what Description returns is its
// description.
type lookup struct{}

var _ tools.Tool = lookup{}

func (lookup) Name() string { return "lookup" }
func (lookup) Description() string {
	return "Looks things up." // want `description "Looks things up."`
}
func (lookup) Call(ctx context.Context, input string) (string, error) { return "", nil }

// note is no tool: its Description is nobody's.
type note struct{}

func (note) Description() string { return "A note." }
