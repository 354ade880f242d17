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
// (langchaingo's tools.Tool), and a Description field of a JSON schema
// (google/jsonschema-go, invopop/jsonschema). The analyzer reads the
// constant string given there, following named constants to their
// declaration, so that a finding points into the literal the text is
// written in; a call or a concatenation has its constant parts read, and
// a function of the package its results.
//
// A project function that passes its parameter on to a slot is a slot
// for its callers (fact Describes, grafana's MustTool(name, description,
// handler)), and so is a field of a project struct the package gives a
// framework (fact DescribesField). A toolset package often fills in a
// project struct without any framework in sight, and only a package
// analysed after it converts the struct (kubernetes-mcp-server's
// api.Tool): each project package therefore lists, as fact Literals, its
// literals that set a struct field to a string, and the package that
// gives that field to a framework reads them as texts, placed where that
// package reads the field and saying where each is written. It reports
// nothing: its result is for the analyzers that judge the text.
package modeltext
