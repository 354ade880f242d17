package eino

import (
	"context"
	"net/http"
	"os"

	"github.com/cloudwego/eino/components/tool"
	"github.com/cloudwego/eino/components/tool/utils"
	"github.com/cloudwego/eino/schema"
)

type Page struct{ URL string }

type Note struct{ Text string }

func Tools() {
	// net.outbound is declared for the tool and the agent.
	utils.InferTool("fetch_page", "fetch a page", func(ctx context.Context, in Page) (string, error) {
		_, err := http.Get(in.URL)
		return "", err
	})
	// fs.write is not declared; env.read is not either.
	utils.InferTool("save_note", "save a note", func(ctx context.Context, in Note) (string, error) {
		dir := os.Getenv("NOTES_DIR")                                    // want `tool "save_note" reaches os.Getenv \(env.read\), which agent.atf.yaml declares neither for the tool nor for the agent`
		return "", os.WriteFile(dir+"/note.txt", []byte(in.Text), 0o600) // want `tool "save_note" reaches os.WriteFile \(fs.write\)`
	})
	// A tool the manifest does not list.
	utils.InferTool("erase", "erase a note", func(ctx context.Context, in Note) (string, error) { // want `tool "erase" is registered here but agent.atf.yaml does not list it`
		return "", os.Remove(in.Text) // want `tool "erase" reaches os.Remove \(fs.delete\)`
	})
}

// Clock is a hand-written tool: its handler is InvokableRun.
type Clock struct{}

func (*Clock) Info(ctx context.Context) (*schema.ToolInfo, error) {
	return &schema.ToolInfo{Name: "clock", Desc: "the time"}, nil
}

func (*Clock) InvokableRun(ctx context.Context, args string, opts ...tool.Option) (string, error) {
	token := os.Getenv("CLOCK_API_TOKEN") // want `tool "clock" reaches os.Getenv \(secrets.read\)`
	return token, nil
}
