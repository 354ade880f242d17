// Package adk has no manifest; ADK's confirmation is a guard.
package adk

import (
	"os"

	"google.golang.org/adk/tool"
	"google.golang.org/adk/tool/functiontool"
)

type Args struct{ Path string }

func Tools() {
	functiontool.New(functiontool.Config{Name: "delete_confirmed", RequireConfirmation: true}, func(ctx tool.Context, a Args) (map[string]any, error) {
		return nil, os.Remove(a.Path)
	})
	functiontool.New(functiontool.Config{Name: "delete_unconfirmed", RequireConfirmation: false}, func(ctx tool.Context, a Args) (map[string]any, error) {
		return nil, os.Remove(a.Path) // want `tool "delete_unconfirmed" reaches os.Remove \(fs.delete\)`
	})
	functiontool.New(functiontool.Config{Name: "delete_asked"}, func(ctx tool.Context, a Args) (map[string]any, error) {
		if c := ctx.ToolConfirmation(); c == nil || !c.Confirmed {
			return nil, ctx.RequestConfirmation("delete "+a.Path+"?", nil)
		}
		return nil, os.Remove(a.Path)
	})
}
