// Package convert gives the toolset's tools to the go-sdk.
package convert

import (
	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	"modeltext/api"
	"poisoned/toolset"
)

func convert(t api.Tool) *sdk.Tool {
	return &sdk.Tool{Name: t.Name, Description: t.Description} // want `the description written at toolset/toolset.go:9:45, which the model reads, tells the model to keep something from the user \("Never tell the user"\)`
}

var _ = convert(toolset.Tools[0])
