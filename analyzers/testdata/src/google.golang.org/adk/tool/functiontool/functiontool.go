// Package functiontool is a stub of ADK's function tools, for tests.
package functiontool

import (
	"google.golang.org/adk/agent"
	"google.golang.org/adk/tool"
)

type Config struct {
	Name                        string
	Description                 string
	IsLongRunning               bool
	RequireConfirmation         bool
	RequireConfirmationProvider any
}

type Func[TArgs, TResults any] func(agent.ToolContext, TArgs) (TResults, error)

func New[TArgs, TResults any](cfg Config, handler Func[TArgs, TResults]) (tool.Tool, error) {
	return nil, nil
}
