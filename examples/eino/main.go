// Command notes gives an Eino agent two tools. Removing a note interrupts
// the run until a person resumes it with an approval, so atflint counts it
// as guarded. ListNotes is a hand-written tool, whose handler is
// InvokableRun; it writes a cache file its manifest entry does not declare.
package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/cloudwego/eino/components/tool"
	"github.com/cloudwego/eino/components/tool/utils"
	"github.com/cloudwego/eino/schema"
)

const dir = "/srv/notes"

type RemoveIn struct {
	Name string `json:"name" jsonschema:"description=the note to remove"`
}

func removeNote() (tool.InvokableTool, error) {
	return utils.InferTool("remove_note", "Remove a note", func(ctx context.Context, in RemoveIn) (string, error) {
		if ok, _, approved := tool.GetResumeContext[bool](ctx); !ok || !approved {
			return "", tool.Interrupt(ctx, "remove "+in.Name+"?")
		}
		return "removed", os.Remove(filepath.Join(dir, in.Name))
	})
}

// ListNotes lists the notes.
type ListNotes struct{}

func (*ListNotes) Info(ctx context.Context) (*schema.ToolInfo, error) {
	return &schema.ToolInfo{Name: "list_notes", Desc: "List the notes"}, nil
}

func (*ListNotes) InvokableRun(ctx context.Context, args string, opts ...tool.Option) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	list := strings.Join(names, "\n")
	// A cache the manifest does not declare: fs.write.
	_ = os.WriteFile(filepath.Join(os.TempDir(), "notes-index"), []byte(list), 0o600)
	return list, nil
}

func main() {
	if _, err := removeNote(); err != nil {
		os.Exit(1)
	}
	_ = []tool.BaseTool{&ListNotes{}}
}
