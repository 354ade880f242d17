// Package tool is a stub of Eino's tool interfaces, for tests.
package tool

import (
	"context"

	"github.com/cloudwego/eino/schema"
)

type Option struct{}

type BaseTool interface {
	Info(ctx context.Context) (*schema.ToolInfo, error)
}

type InvokableTool interface {
	BaseTool
	InvokableRun(ctx context.Context, argumentsInJSON string, opts ...Option) (string, error)
}

func Interrupt(ctx context.Context, info any) error { return nil }

func GetResumeContext[T any](ctx context.Context) (isResumeTarget bool, hasData bool, data T) {
	return
}
