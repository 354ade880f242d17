// Package eino has no manifest; an Eino interrupt is a guard.
package eino

import (
	"context"
	"os"

	"github.com/cloudwego/eino/components/tool"
	"github.com/cloudwego/eino/components/tool/utils"
)

type In struct{ Path string }

var allowedPaths = map[string]bool{"/tmp/scratch": true}

func Tools() {
	utils.InferTool("remove_file", "delete a file", func(ctx context.Context, in In) (string, error) {
		if ok, _, approved := tool.GetResumeContext[bool](ctx); !ok || !approved {
			return "", tool.Interrupt(ctx, "confirm delete "+in.Path)
		}
		return "ok", os.Remove(in.Path)
	})
	// An allowlist lookup is a guard.
	utils.InferTool("remove_scratch", "delete a scratch file", func(ctx context.Context, in In) (string, error) {
		if !allowedPaths[in.Path] {
			return "", nil
		}
		return "ok", os.Remove(in.Path)
	})
	utils.InferTool("remove_any", "delete any file", func(ctx context.Context, in In) (string, error) {
		return "ok", os.Remove(in.Path) // want `tool "remove_any" reaches os.Remove \(fs.delete\)`
	})
}
