// Command shell-agent gives a langchaingo agent a shell tool. There is no
// ATF manifest here: the agent has no declared identity, and its tool runs
// whatever the model sends.
package main

import (
	"context"
	"os/exec"

	"github.com/tmc/langchaingo/agents"
	"github.com/tmc/langchaingo/llms"
	"github.com/tmc/langchaingo/tools"
)

// Shell implements tools.Tool; its handler is Call.
type Shell struct{}

func (Shell) Name() string        { return "shell" }
func (Shell) Description() string { return "Run a shell command" }

func (Shell) Call(ctx context.Context, in string) (string, error) {
	out, err := exec.CommandContext(ctx, "sh", "-c", in).CombinedOutput()
	return string(out), err
}

// Build returns an agent executor with the shell tool.
func Build(llm llms.Model) *agents.Executor {
	return agents.NewExecutor(agents.NewOneShotAgent(llm, []tools.Tool{Shell{}}))
}

func main() {}
