package unguardedtool_test

import (
	"path/filepath"
	"testing"

	"github.com/atflint/atflint/analyzers/internal/manifesttest"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/atflint/atflint/analyzers/unguardedtool"
)

func Test(t *testing.T) {
	testdata, _ := filepath.Abs(filepath.Join("..", "testdata"))
	manifesttest.Use(t, filepath.Join(testdata, "src"))
	analysistest.Run(t, testdata, unguardedtool.Analyzer, "unguarded/mcpgo", "unguarded/gosdk", "unguarded/senior", "unguarded/adk", "unguarded/eino", "unguarded/forms", "unguarded/decisions", "unguarded/wrapped", "unguarded/shapes/...", "unguarded/guards", "unguarded/authz", "unguarded/httpmethods", "unguarded/clients", "unguarded/hostile", "unguarded/roots")
}
