// Package agent is a stub of ADK's agent context, for tests.
package agent

import "context"

type ToolConfirmation struct {
	Hint      string
	Confirmed bool
}

type ToolContext interface {
	context.Context
	RequestConfirmation(hint string, payload any) error
	ToolConfirmation() *ToolConfirmation
}

type Agent interface{}
