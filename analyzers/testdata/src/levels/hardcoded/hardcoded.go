// Package hardcoded writes maturity levels in code.
package hardcoded

import "github.com/mark3labs/mcp-go/server"

const agentLevel = "senior" // want `maturity level senior is hard-coded in Go code`

type Config struct {
	Name          string
	MaturityLevel string
}

var config = Config{Name: "bot", MaturityLevel: "principal"} // want `maturity level principal is hard-coded`

func Build() *server.MCPServer {
	level := "junior" // want `maturity level junior is hard-coded`
	_ = level
	role := "senior" // a role, not a level
	_ = role
	return server.NewMCPServer("bot", "1.0")
}
