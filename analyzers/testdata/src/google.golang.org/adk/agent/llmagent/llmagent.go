// Package llmagent is a stub of ADK's LLM agent, for tests.
package llmagent

import (
	"google.golang.org/adk/agent"
	"google.golang.org/adk/tool"
)

type Config struct {
	Name        string
	Description string
	Tools       []tool.Tool
}

func New(cfg Config) (agent.Agent, error) { return nil, nil }
