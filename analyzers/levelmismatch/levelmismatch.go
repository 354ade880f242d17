package levelmismatch

import (
	_ "embed"
	"fmt"
	"path/filepath"

	"golang.org/x/tools/go/analysis"

	"github.com/atflint/atflint/analyzers/agent"
	"github.com/atflint/atflint/analyzers/internal/analysisdoc"
	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/ruledoc"
)

//go:embed doc.go
var doc string

// RuleID is the rule the analyzer's findings belong to.
const RuleID = "level-mismatch"

// Analyzer reports code beyond its agent's level, and levels in code.
var Analyzer = &analysis.Analyzer{
	Name:     "levelmismatch",
	Doc:      analysisdoc.Get(doc, "levelmismatch"),
	URL:      ruledoc.URL(RuleID),
	Requires: []*analysis.Analyzer{agent.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[agent.Analyzer].(*agent.Result)
	for _, l := range res.Levels {
		pass.Report(analysis.Diagnostic{
			Pos: l.Pos, End: l.End, Category: RuleID,
			Message: fmt.Sprintf("maturity level %s is hard-coded in Go code; declare it as agent.level in the ATF manifest, where it is reviewed and can only be changed there", l.Level),
		})
	}
	m := res.Manifest
	if m == nil || m.AgentLevel() != atf.Intern {
		return nil, nil
	}
	for _, t := range res.Tools {
		for _, e := range t.Effects {
			if !e.SideEffect && e.Capability != "secrets.read" {
				continue
			}
			pass.Report(analysis.Diagnostic{
				Pos: e.Pos, End: e.End, Category: RuleID,
				Message: fmt.Sprintf("tool %s reaches %s (%s), but %s declares an intern agent, which only reads and reads no secrets", t.Label(), e.Via, e.Capability, filepath.Base(m.Path)),
				Related: t.Related(),
			})
		}
	}
	return nil, nil
}
