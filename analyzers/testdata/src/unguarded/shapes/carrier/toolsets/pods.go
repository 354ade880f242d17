// Package toolsets builds the project's tools as literals of its own
// types: nothing here says they are tools, until the server package
// converts them.
package toolsets

import (
	"os"

	"unguarded/shapes/carrier/api"
)

func Pods() []api.ServerTool {
	return []api.ServerTool{
		{Tool: api.Tool{Name: "pods_delete", Description: "Delete a pod."}, Handler: podsDelete},
		{Tool: api.Tool{Name: "pods_list"}, Handler: podsList},
	}
}

func podsDelete(p api.Params) (string, error) {
	return "", os.RemoveAll("/pods/" + p.Namespace)
}

func podsList(p api.Params) (string, error) {
	_, err := os.ReadDir("/pods")
	return "", err
}
