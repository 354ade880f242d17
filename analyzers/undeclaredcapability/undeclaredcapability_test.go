package undeclaredcapability_test

import (
	"path/filepath"
	"testing"

	"github.com/atflint/atflint/analyzers/internal/manifesttest"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/atflint/atflint/analyzers/undeclaredcapability"
)

func Test(t *testing.T) {
	testdata, _ := filepath.Abs(filepath.Join("..", "testdata"))
	manifesttest.Use(t, filepath.Join(testdata, "src"))
	analysistest.Run(t, testdata, undeclaredcapability.Analyzer,
		"undeclared/eino", "undeclared/langchain", "undeclared/openai", "undeclared/anthropic", "undeclared/adk", "undeclared/mcpgo", "undeclared/scoped")
}
