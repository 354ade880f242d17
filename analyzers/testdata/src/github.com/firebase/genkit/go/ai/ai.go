// Package ai is a stub of Genkit's tool API, for tests.
package ai

import "context"

type ToolContext struct {
	context.Context
	Resumed map[string]any
}

type InterruptOptions struct{ Metadata map[string]any }

func (tc *ToolContext) Interrupt(opts *InterruptOptions) error { return nil }

func (tc *ToolContext) IsResumed() bool { return false }

type ToolFunc[In, Out any] = func(ctx *ToolContext, input In) (Out, error)

type ToolOption interface{}

type ToolDef[In, Out any] struct{}

type Tool interface{ Name() string }

func NewTool[In, Out any](name, description string, fn ToolFunc[In, Out], opts ...ToolOption) *ToolDef[In, Out] {
	return nil
}
