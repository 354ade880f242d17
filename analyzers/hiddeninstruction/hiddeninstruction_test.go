package hiddeninstruction_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/atflint/atflint/analyzers/hiddeninstruction"
)

func Test(t *testing.T) {
	testdata, _ := filepath.Abs(filepath.Join("..", "testdata"))
	analysistest.Run(t, testdata, hiddeninstruction.Analyzer, "hidden/descriptions")
}
