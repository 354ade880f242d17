// Package tool is a stub of ADK's tool interface, for tests.
package tool

import "google.golang.org/adk/agent"

type Tool interface{ Name() string }

type Context = agent.ToolContext
