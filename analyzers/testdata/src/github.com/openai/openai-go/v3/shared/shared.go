// Package shared is a stub of openai-go's shared parameter types, for tests.
package shared

type FunctionParameters map[string]any

type FunctionDefinitionParam struct {
	Name        string
	Description string
	Parameters  FunctionParameters
}
