// Package mcp is a stub of mcp-go's protocol types, for tests.
package mcp

import "context"

type ToolAnnotation struct {
	Title                                                        string
	ReadOnlyHint, DestructiveHint, IdempotentHint, OpenWorldHint *bool
}

type Tool struct {
	Name        string
	Description string
	Annotations ToolAnnotation
}

type ToolOption func(*Tool)

func NewTool(name string, opts ...ToolOption) Tool { return Tool{Name: name} }

func WithDescription(description string) ToolOption { return nil }

func WithReadOnlyHintAnnotation(value bool) ToolOption { return nil }

func WithDestructiveHintAnnotation(value bool) ToolOption { return nil }

func WithToolAnnotation(annotation ToolAnnotation) ToolOption { return nil }

type CallToolParams struct {
	Name      string
	Arguments any
}

type CallToolRequest struct {
	Params CallToolParams
}

func (r CallToolRequest) GetString(key, defaultValue string) string { return defaultValue }

type CallToolResult struct{}

func NewToolResultText(text string) *CallToolResult { return &CallToolResult{} }

type TypedToolHandlerFunc[T any] func(ctx context.Context, request CallToolRequest, args T) (*CallToolResult, error)

func NewTypedToolHandler[T any](handler TypedToolHandlerFunc[T]) func(ctx context.Context, request CallToolRequest) (*CallToolResult, error) {
	return nil
}

type ElicitationResponseAction string

const ElicitationResponseActionAccept ElicitationResponseAction = "accept"

type ElicitationRequest struct{ Message string }

type ElicitationResult struct {
	Action ElicitationResponseAction
}

type PropertyOption func(map[string]any)

func WithString(name string, opts ...PropertyOption) ToolOption { return nil }

func WithNumber(name string, opts ...PropertyOption) ToolOption { return nil }

func Required() PropertyOption { return nil }

func Description(desc string) PropertyOption { return nil }
