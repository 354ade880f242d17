package unresolvedtool

import (
	_ "embed"
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/atflint/atflint/analyzers/agent"
	"github.com/atflint/atflint/analyzers/internal/analysisdoc"
	"github.com/atflint/atflint/ruledoc"
)

//go:embed doc.go
var doc string

// RuleID is the rule the analyzer's findings belong to.
const RuleID = "unresolved-tool"

// Analyzer reports registrations whose tools were not followed.
var Analyzer = &analysis.Analyzer{
	Name:     "unresolvedtool",
	Doc:      analysisdoc.Get(doc, "unresolvedtool"),
	URL:      ruledoc.URL(RuleID),
	Requires: []*analysis.Analyzer{agent.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[agent.Analyzer].(*agent.Result)
	for _, u := range res.Unresolved {
		pass.Report(analysis.Diagnostic{
			Pos: u.Pos, End: u.End, Category: RuleID,
			Message: fmt.Sprintf("the tool of this %s registration cannot be followed to where it is built: %s; what it registers is not checked", u.Framework, u.Why),
		})
	}
	return nil, nil
}
