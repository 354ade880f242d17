// Package missingidentity defines an Analyzer that reports agent code with
// no usable identity.
//
// # Analyzer missingidentity
//
// missingidentity: report servers and agents with no name, and tools with no manifest
//
// ATF I-1 asks for one identity per agent. In Go code it starts with the
// name an MCP server or agent is built with (mcp.NewServer's
// Implementation, mcp-go's NewMCPServer, Eino's and ADK's agent configs):
// one built with an empty name, or none, is reported. And a program, or a
// package that builds a server or agent, with tools but no ATF manifest in
// its directory or above has no declared identity, owner or level: its
// first tool is reported. A library that only builds tools for others to
// serve is not an agent, and neither is a framework's own code.
package missingidentity
