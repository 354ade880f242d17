// Command texts prints every description the modeltext analyzer finds in
// the packages it is given, one per line as file:line:column: TEXT "...",
// for bench/recall/descriptions.py to match against the tools of
// bench/recall/expect.
//
// Usage: texts PACKAGES
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/atflint/atflint/analyzers/modeltext"
)

var printTexts = &analysis.Analyzer{
	Name:     "texts",
	Doc:      "print the descriptions modeltext finds",
	Requires: []*analysis.Analyzer{modeltext.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		for _, t := range pass.ResultOf[modeltext.Analyzer].(*modeltext.Result).Texts {
			v := []rune(t.Value)
			// A text written in another package is reported where this
			// one reads it, and says where it is written.
			if at := t.Place(0); at != "" {
				pass.Reportf(t.Pos(0), "TEXT %q at %s", string(v[:min(len(v), 40)]), at)
				continue
			}
			pass.Reportf(t.Pos(0), "TEXT %q", string(v[:min(len(v), 40)]))
		}
		return nil, nil
	},
}

func main() { singlechecker.Main(printTexts) }
