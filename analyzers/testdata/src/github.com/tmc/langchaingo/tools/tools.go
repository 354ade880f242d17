// Package tools is a stub of langchaingo's tool interface, for tests.
package tools

import "context"

type Tool interface {
	Name() string
	Description() string
	Call(ctx context.Context, input string) (string, error)
}
