package agent

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/astutil"
)

// packageValue returns what a package-level variable of this package is
// declared with: var tools = []server.ServerTool{...}.
func (d *discovery) packageValue(v *types.Var) ast.Expr {
	if d.packageVars == nil {
		d.packageVars = map[*types.Var]ast.Expr{}
		for _, f := range d.pass.Files {
			for _, decl := range f.Decls {
				gd, ok := decl.(*ast.GenDecl)
				if !ok || gd.Tok != token.VAR {
					continue
				}
				for _, spec := range gd.Specs {
					vs := spec.(*ast.ValueSpec)
					for j, name := range vs.Names {
						if pv, ok := d.info().Defs[name].(*types.Var); ok {
							if val := valueOf(vs.Values, len(vs.Names), j); val != nil {
								d.packageVars[pv] = val
							}
						}
					}
				}
			}
		}
	}
	return d.packageVars[v]
}

// stackAt returns the nodes from n's file down to n, as the inspector's
// stack holds them where it visits n. A value a registration reaches may
// be declared in another file of the package. Each step that looks at a
// site asks for its path, so each node's is found once.
func (d *discovery) stackAt(n ast.Node) []ast.Node {
	if path, ok := d.paths[n]; ok {
		return path
	}
	var path []ast.Node
	for _, f := range d.pass.Files {
		if f.FileStart <= n.Pos() && n.Pos() < f.FileEnd {
			path, _ = astutil.PathEnclosingInterval(f, n.Pos(), n.End())
			slices.Reverse(path)
			break
		}
	}
	if d.paths == nil {
		d.paths = map[ast.Node][]ast.Node{}
	}
	d.paths[n] = path
	return path
}

// An assignment sets a variable to val, nil when it is declared with no
// value.
type assignment struct {
	at  ast.Node // the *ast.AssignStmt or *ast.ValueSpec
	val ast.Expr
}

// resolve follows a local variable to the expressions it may hold where e
// uses it, the nearest assignment first: the last one before the use that
// every way there passes, those after it on some way there, and those
// later in a loop around the use, which reach it in the next iteration.
// Any other expression is its own value.
func (d *discovery) resolve(e ast.Expr, stack []ast.Node) []ast.Expr {
	e = d.strip(e)
	id, ok := e.(*ast.Ident)
	if !ok {
		return []ast.Expr{e}
	}
	v, ok := d.info().Uses[id].(*types.Var)
	if !ok {
		return []ast.Expr{e}
	}
	// Search the function that declares v, or, for a package variable,
	// the outermost function around the use.
	var body *ast.BlockStmt
	for _, n := range stack {
		var fbody *ast.BlockStmt
		switch f := n.(type) {
		case *ast.FuncDecl:
			fbody = f.Body
		case *ast.FuncLit:
			fbody = f.Body
		default:
			continue
		}
		if body == nil || n.Pos() <= v.Pos() && v.Pos() < n.End() {
			body = fbody
		}
	}
	// A package-level variable no statement around the use sets is what
	// it is declared with.
	declared := []ast.Expr{e}
	if v.Pkg() == d.pass.Pkg && v.Parent() == v.Pkg().Scope() {
		if val := d.packageValue(v); val != nil {
			declared = []ast.Expr{d.strip(val)}
		}
	}
	if body == nil {
		return declared
	}
	var all []assignment
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for j, l := range n.Lhs {
				if lid, ok := unparen(l).(*ast.Ident); ok && d.info().ObjectOf(lid) == v {
					all = append(all, assignment{n, valueOf(n.Rhs, len(n.Lhs), j)})
				}
			}
		case *ast.ValueSpec:
			for j, name := range n.Names {
				if d.info().Defs[name] == v {
					all = append(all, assignment{n, valueOf(n.Values, len(n.Names), j)})
				}
			}
		}
		return true
	})
	// The assignments that are statements of the blocks around the use,
	// before it, are passed on every way to it; the last of them hides
	// those before it.
	from := body.Pos()
	for _, n := range stack {
		var list []ast.Stmt
		switch b := n.(type) {
		case *ast.BlockStmt:
			list = b.List
		case *ast.CaseClause:
			list = b.Body
		case *ast.CommClause:
			list = b.Body
		}
		for _, st := range list {
			if st.End() > id.Pos() {
				break
			}
			for _, a := range all {
				if isStmt(st, a.at) && a.at.Pos() > from {
					from = a.at.Pos()
				}
			}
		}
	}
	// A loop around the use that starts after that assignment brings
	// back what is assigned later in it.
	to := id.Pos()
	for _, n := range stack {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if n.Pos() > from && n.End() > to {
				to = n.End()
			}
		}
	}
	var before, after []ast.Expr
	for _, a := range all {
		switch p := a.at.Pos(); {
		case a.val == nil:
		case p >= from && p < id.Pos():
			before = append(before, d.strip(a.val))
		case p > id.Pos() && p < to:
			after = append(after, d.strip(a.val))
		}
	}
	slices.Reverse(before)
	if vals := append(before, after...); len(vals) > 0 {
		return vals
	}
	return declared
}

// valueOf is what the jth of n variables is set to. Set from one call with
// several results, it is the call, which counts as a factory does.
func valueOf(rhs []ast.Expr, n, j int) ast.Expr {
	switch {
	case len(rhs) == n:
		return rhs[j]
	case len(rhs) == 1:
		return rhs[0]
	}
	return nil
}

// isStmt reports whether at, an assignment or a variable's spec, is the
// statement st or one of the specs it declares.
func isStmt(st ast.Stmt, at ast.Node) bool {
	if st == at {
		return true
	}
	if ds, ok := st.(*ast.DeclStmt); ok {
		if gd, ok := ds.Decl.(*ast.GenDecl); ok {
			for _, spec := range gd.Specs {
				if spec == at {
					return true
				}
			}
		}
	}
	return false
}

// strip removes what does not change which value or function an
// expression names: parentheses, &, and the type arguments of
// generic[int].
func (d *discovery) strip(e ast.Expr) ast.Expr {
	e = unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = unparen(u.X)
	}
	var x ast.Expr
	switch ix := e.(type) {
	case *ast.IndexExpr:
		x = ix.X
	case *ast.IndexListExpr:
		x = ix.X
	}
	if id := identOf(x); id != nil {
		if _, ok := d.info().Instances[id]; ok {
			return unparen(x)
		}
	}
	return e
}
