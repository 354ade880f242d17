// Package adk is a stub of Eino's agent API, for tests.
package adk

import "context"

type ChatModelAgentConfig struct {
	Name        string
	Description string
}

type Agent interface{}

func NewChatModelAgent(ctx context.Context, config *ChatModelAgentConfig) (Agent, error) {
	return nil, nil
}
