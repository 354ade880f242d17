package undeclaredcapability

import (
	_ "embed"
	"fmt"
	"path/filepath"

	"golang.org/x/tools/go/analysis"

	"github.com/atflint/atflint/analyzers/agent"
	"github.com/atflint/atflint/analyzers/internal/analysisdoc"
	"github.com/atflint/atflint/ruledoc"
)

//go:embed doc.go
var doc string

// RuleID is the rule the analyzer's findings belong to.
const RuleID = "undeclared-capability"

// Analyzer reports capabilities and tools the manifest does not declare.
var Analyzer = &analysis.Analyzer{
	Name:     "undeclaredcapability",
	Doc:      analysisdoc.Get(doc, "undeclaredcapability"),
	URL:      ruledoc.URL(RuleID),
	Requires: []*analysis.Analyzer{agent.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[agent.Analyzer].(*agent.Result)
	m := res.Manifest
	if m == nil {
		return nil, nil
	}
	file := filepath.Base(m.Path)
	for _, t := range res.Tools {
		mt := m.Tool(t.Name)
		if mt == nil && t.Name != "" {
			pass.Report(analysis.Diagnostic{
				Pos: t.Pos, End: t.End, Category: RuleID,
				Message: fmt.Sprintf("tool %q is registered here but %s does not list it; declare it under tools with its actions and capabilities", t.Name, file),
			})
		}
		for _, e := range t.Effects {
			covered, why := m.Covers(mt, e)
			if covered {
				continue
			}
			msg := fmt.Sprintf("tool %s reaches %s (%s), which %s declares neither for the tool nor for the agent", t.Label(), e.Via, e.Capability, file)
			if why != "" {
				msg = fmt.Sprintf("tool %s reaches %s (%s) %s in %s", t.Label(), e.Via, e.Capability, why, file)
			}
			pass.Report(analysis.Diagnostic{Pos: e.Pos, End: e.End, Category: RuleID, Message: msg, Related: t.Related()})
		}
	}
	return nil, nil
}
