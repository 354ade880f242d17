// Package anthropic is a stub of anthropic-sdk-go's tool types, for tests.
package anthropic

import (
	"context"
	"encoding/json"
)

// Opt is the SDK's optional field (param.Opt in the real package).
type Opt[T any] struct{ Value T }

// String wraps a string as an optional field, as the SDK's does.
func String(s string) Opt[string] { return Opt[string]{s} }

type ToolParam struct {
	Name        string
	Description Opt[string]
}

type ToolUseBlock struct {
	ID    string
	Name  string
	Input json.RawMessage
}

type BetaToolResultBlockParamContentUnion struct{}

type BetaToolInputSchemaParam struct{}

type BetaTool interface {
	Name() string
	Description() string
	InputSchema() BetaToolInputSchemaParam
	Execute(ctx context.Context, input json.RawMessage) ([]BetaToolResultBlockParamContentUnion, error)
}
