// Package intern belongs to an intern agent, which only reads.
package intern

import (
	"context"
	"os"

	"github.com/tmc/langchaingo/tools"
)

type Summarize struct{}

var _ tools.Tool = Summarize{}

func (Summarize) Name() string        { return "summarize" }
func (Summarize) Description() string { return "summarize a file" }
func (Summarize) Call(ctx context.Context, path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	key := os.Getenv("SUMMARY_API_KEY")                    // want `tool "summarize" reaches os.Getenv \(secrets.read\), but agent.atf.yaml declares an intern agent`
	return key, os.WriteFile(path+".summary", data, 0o600) // want `tool "summarize" reaches os.WriteFile \(fs.write\), but agent.atf.yaml declares an intern agent`
}
