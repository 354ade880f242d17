// Package api declares the project's own tool types; it imports no agent
// framework.
package api

import "context"

type Tool struct {
	Name        string
	Description string
}

type Params struct {
	context.Context
	Namespace string
}

type ServerTool struct {
	Tool    Tool
	Handler func(p Params) (string, error)
}
