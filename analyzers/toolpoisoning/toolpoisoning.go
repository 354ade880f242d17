package toolpoisoning

import (
	_ "embed"
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/atflint/atflint/analyzers/internal/analysisdoc"
	"github.com/atflint/atflint/analyzers/modeltext"
	"github.com/atflint/atflint/internal/injection"
	"github.com/atflint/atflint/ruledoc"
)

//go:embed doc.go
var doc string

// RuleID is the rule the analyzer's findings belong to.
const RuleID = "tool-poisoning"

// Analyzer reports descriptions that give the model orders.
var Analyzer = &analysis.Analyzer{
	Name:     "toolpoisoning",
	Doc:      analysisdoc.Get(doc, "toolpoisoning"),
	URL:      ruledoc.URL(RuleID),
	Requires: []*analysis.Analyzer{modeltext.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	for _, t := range pass.ResultOf[modeltext.Analyzer].(*modeltext.Result).Texts {
		start, end, why, ok := injection.Directive(t.Value)
		if !ok {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Pos: t.Pos(start), End: t.End(), Category: RuleID,
			Message: fmt.Sprintf("%s, which the model reads, %s (%q); describe what the tool does, and keep instructions for the model out of it", modeltext.Subject(t, start), why, injection.Clip(t.Value[start:end])),
		})
	}
	return nil, nil
}
