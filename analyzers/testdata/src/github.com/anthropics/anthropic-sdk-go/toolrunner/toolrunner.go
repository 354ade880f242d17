// Package toolrunner is a stub of anthropic-sdk-go's tool runner, for tests.
package toolrunner

import (
	"context"

	anthropic "github.com/anthropics/anthropic-sdk-go"
)

func NewBetaToolFromJSONSchema[T any](name, description string, handler func(context.Context, T) (anthropic.BetaToolResultBlockParamContentUnion, error)) (anthropic.BetaTool, error) {
	return nil, nil
}
