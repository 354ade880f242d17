package modeltext_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/atflint/atflint/analyzers/modeltext"
)

// reportTexts reports every text modeltext finds, where its first byte is
// written.
var reportTexts = &analysis.Analyzer{
	Name:     "reporttexts",
	Doc:      "report the texts modeltext finds",
	Requires: []*analysis.Analyzer{modeltext.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		for _, t := range pass.ResultOf[modeltext.Analyzer].(*modeltext.Result).Texts {
			if at := t.Place(0); at != "" {
				pass.Reportf(t.Pos(0), "description %q written at %s", t.Value, at)
				continue
			}
			pass.Reportf(t.Pos(0), "description %q", t.Value)
		}
		return nil, nil
	},
}

func Test(t *testing.T) {
	testdata, _ := filepath.Abs(filepath.Join("..", "testdata"))
	analysistest.Run(t, testdata, reportTexts, "modeltext/slots", "modeltext/wrapper", "modeltext/wrapped", "modeltext/convert")
}

// TestPos checks that a byte of a text is placed at its column in the
// literal, past quotes and escapes.
func TestPos(t *testing.T) {
	for _, c := range []struct {
		src  string
		i    int
		want int
	}{
		{`"abc"`, 0, 1},
		{`"abc"`, 2, 3},
		{`"a\nb"`, 2, 4},    // \n is two bytes of source, one of value
		{`"\u00e9x"`, 2, 7}, // é is two bytes of value, six of source
		{`"\xffx"`, 1, 5},   // \xff is one byte of value
		{"`a\r\nb`", 2, 4},  // a raw string drops its carriage returns
		{`"é!"`, 2, 3},      // a literal é is two bytes of both
		{"`ab`", 1, 2},
	} {
		if got := modeltext.SourceOffset(c.src, c.i); got != c.want {
			t.Errorf("offset %d of %s: %d, want %d", c.i, c.src, got, c.want)
		}
	}
}
