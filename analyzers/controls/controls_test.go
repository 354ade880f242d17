package controls_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/atflint/atflint/analyzers/controls"
)

func TestControls(t *testing.T) {
	testdata, _ := filepath.Abs(filepath.Join("..", "testdata"))
	results := analysistest.Run(t, testdata, controls.Analyzer, "controlsdemo")
	want := []string{
		"B-1 log/slog.InfoContext demo.go:20",
		"B-1 log/slog.Info demo.go:22",
		"R-2 os/signal.NotifyContext demo.go:17",
		"S-3 golang.org/x/time/rate.NewLimiter demo.go:14",
		"S-3 (*golang.org/x/time/rate.Limiter).Allow demo.go:19",
	}
	// The package, and the package with its tests, whose limiter is not
	// the agent's: the same uses.
	for _, r := range results {
		if r.Pass.Pkg.Path() != "controlsdemo" {
			continue // the test's generated main
		}
		var got []string
		for _, u := range r.Result.(*controls.Result).Uses {
			pos := r.Pass.Fset.Position(u.Pos)
			got = append(got, fmt.Sprintf("%s %s %s:%d", u.Requirement, u.Object, filepath.Base(pos.Filename), pos.Line))
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("uses:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}
