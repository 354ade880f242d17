package toolsurface_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/atflint/atflint/analyzers/toolsurface"
)

func TestSurfaces(t *testing.T) {
	testdata, _ := filepath.Abs(filepath.Join("..", "testdata"))
	results := analysistest.Run(t, testdata, toolsurface.Analyzer, "surface")
	of := map[string]toolsurface.Surface{}
	for _, r := range results {
		for tool, s := range r.Result.(*toolsurface.Result).Of {
			of[tool.Name] = s
		}
	}
	for name, want := range map[string]toolsurface.Surface{
		"read": {
			Description: "Reads a file.\nThe file.",
			Schema: `github.com/mark3labs/mcp-go/mcp.NewTool(_,github.com/mark3labs/mcp-go/mcp.WithDescription(_),github.com/mark3labs/mcp-go/mcp.WithString("path",github.com/mark3labs/mcp-go/mcp.Required(),github.com/mark3labs/mcp-go/mcp.Description(_)))
github.com/mark3labs/mcp-go/mcp.CallToolRequest`,
			Handler: "surface.read",
		},
		"read_lines": {Handler: "surface.register.func1"},
		"search": {
			Description: "Searches.",
			Schema: `github.com/modelcontextprotocol/go-sdk/mcp.Tool{Name:_,Description:_}
*github.com/modelcontextprotocol/go-sdk/mcp.CallToolRequest
surface.Query{Text string "json:\"text\" jsonschema:\"what to look for\"";Limit int "json:\"limit,omitempty\""}`,
			Handler: "surface.search",
		},
	} {
		got := of[name]
		if want.Description != "" && got.Description != want.Description {
			t.Errorf("%s: description %q, want %q", name, got.Description, want.Description)
		}
		if want.Schema != "" && got.Schema != want.Schema {
			t.Errorf("%s: schema\n%s\nwant\n%s", name, got.Schema, want.Schema)
		}
		if got.Handler != want.Handler {
			t.Errorf("%s: handler %q, want %q", name, got.Handler, want.Handler)
		}
	}
	// The same definition written two ways is one schema; one more
	// parameter, or a field more in the handler's input, is another.
	same := func(a, b string) bool { return of[a].Schema == of[b].Schema }
	if !same("read", "read_again") || of["read"].Description != of["read_again"].Description {
		t.Errorf("read and read_again differ:\n%+v\n%+v", of["read"], of["read_again"])
	}
	if !same("search", "find") {
		t.Errorf("search and find differ:\n%s\n%s", of["search"].Schema, of["find"].Schema)
	}
	for _, pair := range [][2]string{{"read", "read_lines"}, {"search", "search_paged"}} {
		if same(pair[0], pair[1]) {
			t.Errorf("%s and %s have one schema: %s", pair[0], pair[1], of[pair[0]].Schema)
		}
	}
}
