// Package genkit is a stub of Genkit's registry API, for tests.
package genkit

import (
	"context"

	"github.com/firebase/genkit/go/ai"
)

type Genkit struct{}

func Init(ctx context.Context) *Genkit { return &Genkit{} }

func DefineTool[In, Out any](g *Genkit, name, description string, fn ai.ToolFunc[In, Out], opts ...ai.ToolOption) *ai.ToolDef[In, Out] {
	return nil
}
