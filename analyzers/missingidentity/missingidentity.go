package missingidentity

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
const RuleID = "missing-identity"

// Analyzer reports servers and agents with no name, and tools with no
// manifest.
var Analyzer = &analysis.Analyzer{
	Name:     "missingidentity",
	Doc:      analysisdoc.Get(doc, "missingidentity"),
	URL:      ruledoc.URL(RuleID),
	Requires: []*analysis.Analyzer{agent.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[agent.Analyzer].(*agent.Result)
	for _, id := range res.Identities {
		if !id.Named {
			pass.Report(analysis.Diagnostic{
				Pos: id.Pos, End: id.End, Category: RuleID,
				Message: fmt.Sprintf("%s built with an empty name; name it, and declare the agent's id in an ATF manifest", id.What),
			})
		}
	}
	// A library that builds tools for others to serve is not an agent:
	// the package with the server, or the program, is.
	isAgent := pass.Pkg.Name() == "main" || len(res.Identities) > 0
	if len(res.Tools) > 0 && res.Manifest == nil && isAgent {
		t := res.Tools[0]
		pass.Report(analysis.Diagnostic{
			Pos: t.Pos, End: t.End, Category: RuleID,
			Message: "this package serves tools, but no ATF manifest (*.atf.yaml) in its directory or above declares the agent's id, owner and level",
		})
	}
	return nil, nil
}
