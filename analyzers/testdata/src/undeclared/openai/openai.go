package openai

import (
	"database/sql"

	"github.com/openai/openai-go/v3"
)

var Tools = []openai.FunctionDefinitionParam{
	{Name: "delete_user", Description: "delete a user"},
	{Name: "lookup_user", Description: "look a user up"},
}

// Dispatch runs the tool a model called; the case is the handler.
func Dispatch(db *sql.DB, calls []openai.ChatCompletionMessageToolCallUnion) {
	for _, tc := range calls {
		switch tc.Function.Name {
		case "delete_user":
			db.Exec("DELETE FROM users WHERE id = ?", tc.Function.Arguments) // want `tool "delete_user" reaches sql.DB.Exec \(db.write\), which agent.atf.yaml declares neither`
		case "lookup_user":
			db.Query("SELECT * FROM users WHERE id = ?", tc.Function.Arguments)
		}
	}
}
