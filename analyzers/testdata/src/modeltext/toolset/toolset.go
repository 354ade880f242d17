// Package toolset fills in the project's tools; it cannot know that their
// Description becomes a framework's.
package toolset

import (
	"strings"

	"modeltext/api"
)

// Tools are the toolset's tools.
var Tools = []api.ServerTool{
	{Tool: api.Tool{Name: "pods_list", Description: "Lists pods.", Title: "Pods"}, Group: "core"},
	{Tool: api.Tool{Name: "pods_exec", Description: `Runs a command
in a pod.`}, Group: "core"},
	{Tool: api.Tool{Name: "pods_delete", Description: "Deletes a pod. " + common}, Group: "core"},
	{Tool: api.Tool{Name: "pods_top", Description: "Shows usage. " + versions}, Group: "core"},
}

// versions is made at run time: only the constant before it is read.
var versions = strings.Join([]string{"v1", "v2"}, ", ")

const common = "Namespaces default to the current one."

// Embedded is a tool carried by embedding.
var Embedded = api.Embedded{Tool: api.Tool{Name: "nodes_list", Description: "Lists nodes."}}
