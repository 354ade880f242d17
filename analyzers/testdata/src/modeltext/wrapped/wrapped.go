// Package wrapped calls another package's tool wrappers.
package wrapped

import (
	"fmt"

	"github.com/google/jsonschema-go/jsonschema"
	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	"modeltext/wrapper"
)

var _ = wrapper.Must("pods", "Lists pods.") // want `description "Lists pods."`

var _ = wrapper.FromSpec(wrapper.Spec{Name: "nodes", About: "Lists nodes."}) // want `description "Lists nodes."`

// t translates a description, falling back to its default.
func t(key, fallback string) string { return fallback }

var _ = &sdk.Tool{
	Name:        "commits",
	Description: t("TOOL_COMMITS", "Lists commits."), // want `description "TOOL_COMMITS"` `description "Lists commits."`
	InputSchema: &jsonschema.Schema{Type: "object", Properties: map[string]*jsonschema.Schema{
		"owner": {Type: "string", Description: "Repository owner."}, // want `description "Repository owner."`
	}},
}

func named(kind string) *sdk.Tool {
	return &sdk.Tool{Name: kind, Description: fmt.Sprintf("Lists %ss.", kind)} // want `description "Lists %ss."`
}

// evaluators says what the evaluators tool does, read or write.
func evaluators(write bool) string {
	if write {
		return "Creates evaluators." // want `description "Creates evaluators."`
	}
	return "Lists evaluators." // want `description "Lists evaluators."`
}

var _ = wrapper.Must("evaluators", evaluators(false))
