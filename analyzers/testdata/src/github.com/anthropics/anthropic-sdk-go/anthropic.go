// Package anthropic is a stub of anthropic-sdk-go's tool types, for tests.
package anthropic

import (
	"context"
	"encoding/json"
)

type ToolParam struct {
	Name        string
	Description string
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
