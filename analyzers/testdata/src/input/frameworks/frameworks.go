// Package frameworks passes the input of Genkit, Eino, langchaingo and ADK
// tools to sinks, checked and not.
package frameworks

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/cloudwego/eino/components/tool/utils"
	"github.com/firebase/genkit/go/ai"
	"github.com/firebase/genkit/go/genkit"
	"github.com/tmc/langchaingo/tools"
	"google.golang.org/adk/tool"
	"google.golang.org/adk/tool/functiontool"
)

type File struct{ Path string }

type Page struct{ URL string }

func Tools(g *genkit.Genkit) {
	genkit.DefineTool(g, "read_file", "read a file", func(ctx *ai.ToolContext, in File) (string, error) {
		b, err := os.ReadFile(in.Path) // want `tool "read_file" passes the model's input \(in\) to ReadFile's path`
		return string(b), err
	})
	genkit.DefineTool(g, "read_local", "read a file under the working directory", func(ctx *ai.ToolContext, in File) (string, error) {
		if !filepath.IsLocal(in.Path) {
			return "", nil
		}
		b, err := os.ReadFile(in.Path)
		return string(b), err
	})
	utils.InferTool("fetch", "fetch a page", func(ctx context.Context, in *Page) (string, error) {
		_, err := http.Get(in.URL) // want `tool "fetch" passes the model's input \(in\) to Get's URL`
		return "", err
	})
	functiontool.New(functiontool.Config{Name: "remove"}, func(ctx tool.Context, a File) (map[string]any, error) {
		return nil, os.Remove(a.Path) // want `tool "remove" passes the model's input \(a\) to Remove's path`
	})
}

// Shell is a langchaingo tool: its input is the string Call is given.
type Shell struct{}

var _ tools.Tool = Shell{}

func (Shell) Name() string        { return "shell" }
func (Shell) Description() string { return "run a shell command" }
func (Shell) Call(ctx context.Context, in string) (string, error) { // want Call:`input sinks 1→exec.CommandContext\(command\)`
	out, err := exec.CommandContext(ctx, "sh", "-c", in).CombinedOutput() // want `tool "shell" passes the model's input \(in\) to CommandContext's command`
	return string(out), err
}
