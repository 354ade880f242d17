// Package convert gives the project's tools to the go-sdk: the
// descriptions the toolset wrote become the model's here.
package convert

import (
	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	"modeltext/api"
	"modeltext/toolset"
)

func convert(t api.ServerTool) *sdk.Tool {
	return &sdk.Tool{Name: t.Tool.Name, Description: t.Tool.Description} // want `description "Lists pods." written at toolset/toolset.go:13:51` `description "Runs a command\\nin a pod." written at toolset/toolset.go:14:51` `description "Deletes a pod. Namespaces default to the current one." written at toolset/toolset.go:16:52` `description "Shows usage. " written at toolset/toolset.go:17:50` `description "Lists nodes." written at toolset/toolset.go:26:78`
}

var _ = convert(toolset.Tools[0])

// convertEmbedded reads the same field through the embedding: the texts
// are placed at the first place that reads it, above.
func convertEmbedded(t api.Embedded) *sdk.Tool {
	return &sdk.Tool{Name: t.Name, Description: t.Description}
}

var _ = convertEmbedded(toolset.Embedded)
