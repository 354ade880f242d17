// Package openai is a stub of openai-go's chat completion types, for tests.
package openai

import "github.com/openai/openai-go/v3/shared"

type FunctionParameters = shared.FunctionParameters

// FunctionDefinitionParam is an alias, as in the real package.
type FunctionDefinitionParam = shared.FunctionDefinitionParam

type ChatCompletionMessageFunctionToolCallFunction struct {
	Name      string
	Arguments string
}

type ChatCompletionMessageToolCallUnion struct {
	ID       string
	Function ChatCompletionMessageFunctionToolCallFunction
}
