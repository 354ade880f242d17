// Package senior belongs to a senior agent: only tools whose manifest
// entry requires approval need a guard.
package senior

import (
	"os"

	"github.com/firebase/genkit/go/ai"
	"github.com/firebase/genkit/go/genkit"
)

type In struct{ Path string }

func Define(g *genkit.Genkit) {
	genkit.DefineTool(g, "notify_me", "writes, a person is told", func(tc *ai.ToolContext, in In) (string, error) {
		return "", os.WriteFile(in.Path, nil, 0o600)
	})
	genkit.DefineTool(g, "must_ask", "writes, a person must approve", func(tc *ai.ToolContext, in In) (string, error) {
		return "", os.WriteFile(in.Path, nil, 0o600) // want `tool "must_ask" reaches os.WriteFile \(fs.write\) with no guard before it; agent.atf.yaml says approval: required for it`
	})
	// A Genkit interrupt is a guard.
	genkit.DefineTool(g, "must_ask_interrupt", "writes after an interrupt", func(tc *ai.ToolContext, in In) (string, error) {
		if !tc.IsResumed() {
			return "", tc.Interrupt(&ai.InterruptOptions{Metadata: map[string]any{"path": in.Path}})
		}
		return "", os.WriteFile(in.Path, nil, 0o600)
	})
}
