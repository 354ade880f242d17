// Package toolsurface defines an Analyzer that says, for each tool a
// package registers, what atflint.lock pins of it: the text the model
// reads about it, what its input is built from, and a name for its
// handler that survives renaming the tool.
//
// # Analyzer toolsurface
//
// toolsurface: describe each tool's description, input schema and handler, for atflint lock
//
// A tool's description is every text package modeltext finds in the
// expression that builds the tool (the tool's description and its
// parameters'), in source order, with the texts of the constants it
// names. Its schema is that expression written canonically by package
// canon, its name and descriptions left out, followed by the types of
// the handler's parameters, a project struct written out with its fields
// and tags: a new parameter, a changed type or option changes it, a
// renamed constant or a reformatted file does not. A tool built in
// another package (kubernetes-mcp-server's toolsets) has its schema
// written there and carried by the agent analyzer's facts, and the texts
// written in its literal as its description. The handler's name is the
// agent analyzer's: the function or method, or the function a literal is
// written in and its ordinal. The Analyzer reports nothing.
package toolsurface
