package unresolvedtool_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/atflint/atflint/analyzers/unresolvedtool"
)

func Test(t *testing.T) {
	testdata, _ := filepath.Abs(filepath.Join("..", "testdata"))
	analysistest.Run(t, testdata, unresolvedtool.Analyzer, "unresolved/proxy")
}
