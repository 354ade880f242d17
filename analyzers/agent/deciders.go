package agent

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/atflint/atflint/analyzers/internal/guard"
)

// Decides is the fact exported for a function whose result reports a
// decision, so that a check calling it in another package is a guard of
// that kind: func confirm(ctx, ss) (bool, error) that asks through an
// elicitation, func authorize(ctx) error that checks the token's scopes.
type Decides struct{ Kind guard.Kind }

func (*Decides) AFact() {}

func (d *Decides) String() string { return "decides by " + d.Kind.String() }

// declsOf maps the package's functions to their declarations.
func declsOf(pass *analysis.Pass) map[*types.Func]*ast.FuncDecl {
	decls := map[*types.Func]*ast.FuncDecl{}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					decls[fn] = fd
				}
			}
		}
	}
	return decls
}

// decidersOf finds which functions' results are decisions: those the
// manifest names as guards (a person's approval, by the manifest's word),
// those of other packages with a Decides fact, and those of this package
// that return a bool or an error depending on a decision, to a fixpoint
// over the calls between them. It exports a fact for each exported one.
func decidersOf(pass *analysis.Pass, decls map[*types.Func]*ast.FuncDecl, m *Manifest) guard.Deciders {
	local := map[*types.Func]guard.Kind{}
	imported := map[*types.Func]guard.Kind{}
	deciders := func(fn *types.Func) guard.Kind {
		if m != nil && slices.Contains(m.Guards, fn.FullName()) {
			return guard.Approval
		}
		if k, ok := local[fn]; ok {
			return k
		}
		if fn.Pkg() == nil || fn.Pkg() == pass.Pkg {
			return guard.None
		}
		k, ok := imported[fn]
		if !ok {
			var fact Decides
			if pass.ImportObjectFact(fn, &fact) {
				k = fact.Kind
			}
			imported[fn] = k
		}
		return k
	}
	var candidates []*types.Func
	for fn := range decls {
		if reportsDecision(fn) {
			candidates = append(candidates, fn)
		}
	}
	slices.SortFunc(candidates, func(a, b *types.Func) int { return int(a.Pos() - b.Pos()) })
	for changed := true; changed; {
		changed = false
		for _, fn := range candidates {
			if k := decisionOf(pass.TypesInfo, decls[fn].Body, deciders); k > local[fn] {
				local[fn] = k
				changed = true
			}
		}
	}
	for fn, k := range local {
		if fn.Exported() && k != guard.None {
			pass.ExportObjectFact(fn, &Decides{k})
		}
	}
	return deciders
}

// reportsDecision reports whether a function can report a decision
// through its results: a bool or an error among them.
func reportsDecision(fn *types.Func) bool {
	res := fn.Type().(*types.Signature).Results()
	for i := range res.Len() {
		t := res.At(i).Type()
		if b, ok := t.Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
			return true
		}
		if types.Implements(t, types.Universe.Lookup("error").Type().Underlying().(*types.Interface)) {
			return true
		}
	}
	return false
}

// decisionOf is the strongest kind of decision a function's returns
// depend on: a result computed from one, or a return that only a
// decision's yes reaches.
func decisionOf(info *types.Info, body *ast.BlockStmt, deciders guard.Deciders) guard.Kind {
	scope := guard.Scan(info, body, deciders)
	k := guard.None
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			k = max(k, scope.Guard(n))
			for _, r := range n.Results {
				k = max(k, scope.Decides(r))
			}
		}
		return true
	})
	return k
}
