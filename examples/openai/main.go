// Command user-admin declares two tools to OpenAI's chat completions API
// and runs the one the model calls. The handler of a tool is the case that
// matches its name; closing an account asks nobody first.
package main

import (
	"context"
	"database/sql"
	"os"

	"github.com/openai/openai-go/v3"
)

var tools = []openai.ChatCompletionToolUnionParam{
	openai.ChatCompletionFunctionTool(openai.FunctionDefinitionParam{
		Name:        "lookup_user",
		Description: openai.String("Look a user account up by id"),
		Parameters:  openai.FunctionParameters{"type": "object", "properties": map[string]any{"id": map[string]any{"type": "integer"}}},
	}),
	openai.ChatCompletionFunctionTool(openai.FunctionDefinitionParam{
		Name:        "close_account",
		Description: openai.String("Close a user account"),
		Parameters:  openai.FunctionParameters{"type": "object", "properties": map[string]any{"id": map[string]any{"type": "integer"}}},
	}),
}

func run(ctx context.Context, client openai.Client, db *sql.DB, question string) error {
	resp, err := client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model:    openai.ChatModelGPT4o,
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage(question)},
		Tools:    tools,
	})
	if err != nil {
		return err
	}
	for _, tc := range resp.Choices[0].Message.ToolCalls {
		switch tc.Function.Name {
		case "lookup_user":
			rows, err := db.QueryContext(ctx, "SELECT name, email FROM users WHERE id = $1", tc.Function.Arguments)
			if err != nil {
				return err
			}
			rows.Close()
		case "close_account":
			if _, err := db.ExecContext(ctx, "UPDATE users SET closed = true WHERE id = $1", tc.Function.Arguments); err != nil {
				return err
			}
		}
	}
	return nil
}

func main() {
	db, err := sql.Open("postgres", "")
	if err != nil {
		os.Exit(1)
	}
	if err := run(context.Background(), openai.NewClient(), db, os.Args[1]); err != nil {
		os.Exit(1)
	}
}
