package langchain

import (
	"context"
	"os/exec"

	"github.com/tmc/langchaingo/tools"
)

// Shell implements tools.Tool; the handler is Call.
type Shell struct{}

var _ tools.Tool = Shell{}

func (Shell) Name() string        { return "shell" }
func (Shell) Description() string { return "run a shell command" }
func (Shell) Call(ctx context.Context, in string) (string, error) {
	out, err := exec.CommandContext(ctx, "sh", "-c", in).CombinedOutput() // want `tool "shell" reaches exec.CommandContext \(exec\), which agent.atf.yaml declares neither`
	return string(out), err
}
