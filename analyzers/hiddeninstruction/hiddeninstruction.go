package hiddeninstruction

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/atflint/atflint/analyzers/internal/analysisdoc"
	"github.com/atflint/atflint/analyzers/modeltext"
	"github.com/atflint/atflint/internal/injection"
	"github.com/atflint/atflint/ruledoc"
)

//go:embed doc.go
var doc string

// RuleID is the rule the analyzer's findings belong to.
const RuleID = "hidden-instruction"

// Analyzer reports descriptions that hide characters.
var Analyzer = &analysis.Analyzer{
	Name:     "hiddeninstruction",
	Doc:      analysisdoc.Get(doc, "hiddeninstruction"),
	URL:      ruledoc.URL(RuleID),
	Requires: []*analysis.Analyzer{modeltext.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	for _, t := range pass.ResultOf[modeltext.Analyzer].(*modeltext.Result).Texts {
		what, col, ok := injection.Hidden(t.Value)
		if !ok {
			continue
		}
		at := byteOffset(t.Value, col)
		pass.Report(analysis.Diagnostic{
			Pos: t.Pos(at), End: t.End(), Category: RuleID,
			Message: modeltext.Subject(t, at) + ", which the model reads, hides " + what + "; delete it",
		})
	}
	return nil, nil
}

// byteOffset is the offset in s of its col-th code point (from 1),
// counting an invalid byte as one, as ranging over s does.
func byteOffset(s string, col int) int {
	n := 0
	for i := range s {
		if n++; n == col {
			return i
		}
	}
	return len(s)
}
