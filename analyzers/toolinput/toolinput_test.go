package toolinput_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/atflint/atflint/analyzers/internal/manifesttest"
	"github.com/atflint/atflint/analyzers/toolinput"
)

func Test(t *testing.T) {
	testdata, _ := filepath.Abs(filepath.Join("..", "testdata"))
	manifesttest.Use(t, filepath.Join(testdata, "src"))
	analysistest.Run(t, testdata, toolinput.Analyzer, "input/mcpgo", "input/gosdk", "input/lib", "input/frameworks")
}
