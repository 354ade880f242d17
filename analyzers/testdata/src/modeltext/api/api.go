// Package api declares a project's own tool type, as kubernetes-mcp-server's
// api.Tool is: the toolsets fill it in, another package converts it.
package api

// Tool is a tool as the project writes it.
type Tool struct {
	Name, Description, Title string
}

// ServerTool pairs a tool with what it is for.
type ServerTool struct {
	Tool  Tool
	Group string
}

// Embedded carries a tool by embedding it: its Description is the Tool's.
type Embedded struct {
	Tool
	Group string
}
