package agent_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/atflint/atflint/analyzers/agent"
)

// TestFacts checks what functions are found to reach, across packages.
func TestFacts(t *testing.T) {
	testdata, _ := filepath.Abs(filepath.Join("..", "testdata"))
	results := analysistest.Run(t, testdata, agent.Analyzer, "facts/lib", "facts/user")
	for _, r := range results {
		if res := r.Result.(*agent.Result); len(res.Tools) != 0 {
			t.Errorf("%s: tools in generated code were found: %d", r.Pass.Pkg.Path(), len(res.Tools))
		}
	}
}
