package unguardedtool

import (
	_ "embed"
	"fmt"
	"go/ast"
	"path/filepath"

	"github.com/atflint/atflint/analyzers/internal/guard"

	"golang.org/x/tools/go/analysis"

	"github.com/atflint/atflint/analyzers/agent"
	"github.com/atflint/atflint/analyzers/internal/analysisdoc"
	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/ruledoc"
)

//go:embed doc.go
var doc string

// RuleID is the rule the analyzer's findings belong to.
const RuleID = "unguarded-tool"

// Analyzer reports side-effecting tool handlers with no guard.
var Analyzer = &analysis.Analyzer{
	Name:     "unguardedtool",
	Doc:      analysisdoc.Get(doc, "unguardedtool"),
	URL:      ruledoc.URL(RuleID),
	Requires: []*analysis.Analyzer{agent.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[agent.Analyzer].(*agent.Result)
	for _, t := range res.Tools {
		reportClaims(pass, t)
		why, need := needsGuard(res.Manifest, t)
		if need == guard.None || t.Confirmed {
			continue
		}
		for _, e := range t.Effects {
			// A POST is a write by HTTP's meaning, but query and search
			// APIs read with it: the tool's read-only annotation says
			// which, and is itself checked against every other effect.
			if !e.SideEffect || e.Guard >= need || e.Post && t.Claims.ReadOnly != nil {
				continue
			}
			found := "with no guard before it"
			if e.Guard != guard.None {
				found = fmt.Sprintf("with only %s before it, which is not %s", withArticle(e.Guard), withArticle(need))
			}
			capability := e.Capability
			if e.Post {
				capability += ", a POST; annotate the tool read-only if the request only reads"
			}
			pass.Report(analysis.Diagnostic{
				Pos: e.Pos, End: e.End, Category: RuleID,
				Message: fmt.Sprintf("tool %s reaches %s (%s) %s; %s", t.Label(), e.Via, capability, found, why),
				Related: t.Related(),
			})
		}
	}
	return nil, nil
}

// reportClaims reports the first effect that belies an annotation: a
// side effect of a tool said read-only, a deletion by one said not
// destructive. Annotations are hints clients may act on (auto-approving
// read-only tools), so a false one takes a guard away.
func reportClaims(pass *analysis.Pass, t *agent.Tool) {
	claims := []struct {
		at     ast.Node
		what   string
		belies func(agent.Effect) bool
	}{
		{t.Claims.ReadOnly, "read-only", func(e agent.Effect) bool { return e.SideEffect && !e.Post }},
		{t.Claims.NonDestructive, "not destructive", func(e agent.Effect) bool { return e.Capability == "fs.delete" }},
	}
	for _, c := range claims {
		if c.at == nil {
			continue
		}
		for _, e := range t.Effects {
			if c.belies(e) {
				pass.Report(analysis.Diagnostic{
					Pos: c.at.Pos(), End: c.at.End(), Category: RuleID,
					Message: fmt.Sprintf("tool %s is annotated %s, but its handler reaches %s (%s); annotations are claims clients may trust, not guards", t.Label(), c.what, e.Via, e.Capability),
					Related: []analysis.RelatedInformation{{Pos: e.Pos, End: e.End, Message: "the side effect"}},
				})
				break
			}
		}
	}
}

// needsGuard says why a tool's side effects need a guard and the least
// kind that will do: a person's approval where the manifest asks for it or
// the level is intern or junior; with no manifest, whose level is unknown,
// any guard. None when the level lets the agent act with a
// person only told.
func needsGuard(m *agent.Manifest, t *agent.Tool) (string, guard.Kind) {
	if m == nil {
		return "no ATF manifest declares the agent's level or this tool's approval", guard.Resource
	}
	file := filepath.Base(m.Path)
	if mt := m.Tool(t.Name); mt != nil && mt.Approval == "required" {
		return fmt.Sprintf("%s says approval: required for it", file), guard.Approval
	}
	switch l := m.AgentLevel(); l {
	case atf.Intern, atf.Junior:
		return fmt.Sprintf("%s declares %s %s agent, which acts only after a person approves", file, article(l), l), guard.Approval
	}
	return "", guard.None
}

// withArticle writes a guard kind with its article: "an approval".
func withArticle(k guard.Kind) string {
	if k == guard.Resource {
		return "a " + k.String()
	}
	return "an " + k.String()
}

func article(l atf.Level) string {
	if l == atf.Intern {
		return "an"
	}
	return "a"
}
