package adk

import (
	"os"

	"google.golang.org/adk/tool"
	"google.golang.org/adk/tool/functiontool"
)

type Args struct{ Path string }

func Tools() {
	functiontool.New(functiontool.Config{Name: "delete_file", RequireConfirmation: true}, func(ctx tool.Context, a Args) (map[string]any, error) {
		return nil, os.Remove(a.Path)
	})
}
