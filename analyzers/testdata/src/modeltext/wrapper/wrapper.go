// Package wrapper builds tools for its callers, as grafana's MustTool
// does: its description parameter is a slot for the packages that call it.
package wrapper

import "github.com/mark3labs/mcp-go/mcp"

func convert(name, text string) mcp.Tool {
	return mcp.Tool{Name: name, Description: text}
}

// Must builds a tool through convert.
func Must(name, text string) mcp.Tool { return convert(name, text) }

// A Spec carries a description to where the tool is built.
type Spec struct {
	Name, About string
}

// FromSpec builds a tool from a Spec.
func FromSpec(s Spec) mcp.Tool { return mcp.Tool{Name: s.Name, Description: s.About} }

var local = FromSpec(Spec{Name: "local", About: "A tool of this package."}) // want `description "A tool of this package."`
