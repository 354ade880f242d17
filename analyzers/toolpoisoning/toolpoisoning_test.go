package toolpoisoning_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/atflint/atflint/analyzers/toolpoisoning"
)

func Test(t *testing.T) {
	testdata, _ := filepath.Abs(filepath.Join("..", "testdata"))
	analysistest.Run(t, testdata, toolpoisoning.Analyzer, "poisoned/descriptions", "poisoned/convert")
}
