// Package modeltext defines an Analyzer that finds the text a Go agent
// gives the model about its tools: descriptions of tools and their
// parameters, wherever a framework takes one.
//
// # Analyzer modeltext
//
// modeltext: find the constant strings a framework shows the model as descriptions
//
// A framework takes a description where its own API says so: a parameter
// of a framework function named for it (mcp.WithDescription(description),
// genkit.DefineTool(g, name, description, fn), utils.InferTool(toolName,
// toolDesc, fn)), a Description or Desc field of a framework struct
// (mcp.Tool, schema.ToolInfo, functiontool.Config), or the Description
// method of a type that implements a framework's tool interface
// (langchaingo's tools.Tool). The analyzer reads the constant string given
// there, following named constants to their declaration, so that a
// finding points into the literal the text is written in. It reports
// nothing: its result is for the analyzers that judge the text.
package modeltext
