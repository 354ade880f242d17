package agent

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/atflint/atflint/analyzers/internal/agentapi"
)

// An Unresolved is a registration whose tool the analysis cannot follow
// to where it is built: its tool is not counted, so it is reported.
type Unresolved struct {
	Framework string
	Pos, End  token.Pos
	Why       string
}

// registration links a registering call to the tools it registers, the
// tool's handler when the tool was built without one, and records the
// registration when its tool cannot be followed.
func (d *discovery) registration(call *ast.CallExpr, reg agentapi.Registrar) {
	stack := d.stackAt(call)
	if reg.Handler < 0 {
		// AddTools(server.ServerTool{Tool: ..., Handler: ...}, ...), or
		// the same built before the call: each literal's tool is a site
		// whose handler is its sibling field.
		for _, arg := range call.Args {
			if !isNamed(elem(d.info().TypeOf(arg)), agentapi.ServerToolType) {
				continue // AddSessionTools' session id
			}
			lits := d.serverTools(arg, stack)
			if len(lits) == 0 && !d.followed(arg, stack) {
				d.unresolved(reg, arg)
			}
			for _, lit := range lits {
				if v := field(lit, "Tool"); v != nil && d.toolAt[d.strip(v)] == nil && !d.followed(v, d.stackAt(v)) {
					d.unresolved(reg, v)
				}
			}
		}
		return
	}
	if len(call.Args) == 1 && reg.Handler > 0 {
		// AddTool(convert(t)): a call returns the tool and its handler.
		if !d.followed(call.Args[0], stack) {
			d.unresolved(reg, call.Args[0])
		}
		return
	}
	if reg.Name >= len(call.Args) || !d.isToolValue(call.Args[reg.Name]) {
		return // the call builds its tool: a site
	}
	arg := call.Args[reg.Name]
	found := false
	for _, v := range d.resolve(arg, stack) {
		t := d.toolAt[d.strip(v)]
		if t == nil {
			t = d.returnedTool(v)
		}
		if t == nil {
			continue
		}
		found = true
		t.Registrations = append(t.Registrations, Span{call.Pos(), call.End()})
		if !t.handled && reg.Handler < len(call.Args) {
			d.handle(t, call.Args[reg.Handler], stack)
		}
	}
	if !found && !d.followed(arg, stack) {
		d.unresolved(reg, arg)
	}
}

// returnedTool is the tool a call of a function of this package returns,
// when its body builds exactly one: func listTool() mcp.Tool { return
// mcp.NewTool("list", ...) }.
func (d *discovery) returnedTool(v ast.Expr) *Tool {
	call, ok := d.strip(v).(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn, ok := typeutil.Callee(d.info(), call).(*types.Func)
	if !ok {
		return nil
	}
	fd := d.eff.decls[fn.Origin()]
	if fd == nil {
		return nil
	}
	var only *Tool
	for _, t := range d.res.Tools {
		if fd.Pos() <= t.Pos && t.End <= fd.End() {
			if only != nil {
				return nil
			}
			only = t
		}
	}
	return only
}

// followed reports whether a registered tool value comes from somewhere
// whose tools are found where they are built: a field of a struct, a
// parameter or range variable, whose values are sites elsewhere, or a
// call of a function of the project that builds tools.
func (d *discovery) followed(arg ast.Expr, stack []ast.Node) bool {
	for _, v := range d.resolve(arg, stack) {
		switch v := d.strip(v).(type) {
		case *ast.SelectorExpr:
			if sel := d.info().Selections[v]; sel != nil && sel.Kind() == types.FieldVal {
				return true
			}
			if _, ok := d.info().Uses[v.Sel].(*types.Var); ok {
				return true // a package's variable, built there
			}
		case *ast.Ident:
			if obj, ok := d.info().Uses[v].(*types.Var); ok {
				if x := d.rangedOver(obj); x != nil {
					return d.followed(x, d.stackAt(x))
				}
				return true // a parameter, or a variable set from one
			}
		case *ast.CallExpr:
			if fn, ok := typeutil.Callee(d.info(), v).(*types.Func); ok {
				if _, own := d.eff.decls[fn.Origin()]; own {
					return true
				}
				if _, ok := d.wrappers[fn.Origin()]; ok {
					return true
				}
			}
		case *ast.CompositeLit:
			return true // a tool literal or slice of them, sites of their own
		}
	}
	return false
}

// rangedOver is what a range statement that declares v ranges over, nil
// when v is not declared by one.
func (d *discovery) rangedOver(v *types.Var) ast.Expr {
	if r := d.rangeOf(v); r != nil {
		return r.X
	}
	return nil
}

// rangeOf is the range statement that declares v, or nil.
func (d *discovery) rangeOf(v *types.Var) *ast.RangeStmt {
	path := d.stackAt(&ast.Ident{NamePos: v.Pos(), Name: v.Name()})
	for i := len(path) - 1; i >= 0; i-- {
		if r, ok := path[i].(*ast.RangeStmt); ok && r.Tok == token.DEFINE && (declares(r.Key, v) || declares(r.Value, v)) {
			return r
		}
	}
	return nil
}

// declares reports whether e is the identifier that declares v.
func declares(e ast.Expr, v *types.Var) bool {
	id := identOf(e)
	return id != nil && id.Pos() == v.Pos()
}

func (d *discovery) unresolved(reg agentapi.Registrar, arg ast.Expr) {
	why := "it comes from a value the analysis cannot see into"
	switch v := d.strip(d.resolve(arg, d.stackAt(arg))[0]).(type) {
	case *ast.CallExpr:
		why = "a function the analysis has no summary of returns it"
	case *ast.IndexExpr:
		why = "it is read from a map or slice"
	case *ast.TypeAssertExpr:
		why = "it is a type assertion"
	case *ast.Ident:
		if obj, ok := d.info().Uses[v].(*types.Var); ok && d.rangedOver(obj) != nil {
			why = "it ranges over a value the analysis cannot see into"
		}
	}
	d.res.Unresolved = append(d.res.Unresolved, &Unresolved{Framework: reg.Framework, Pos: arg.Pos(), End: arg.End(), Why: why})
}

// serverTools returns the server.ServerTool literals an argument of
// AddTools may hold: a literal, a variable set to one, or a slice built in
// the function from literals of them and appends. A value already looked
// at adds nothing: tools = append(tools, ...) reaches itself.
func (d *discovery) serverTools(e ast.Expr, stack []ast.Node) []*ast.CompositeLit {
	var out []*ast.CompositeLit
	for _, v := range d.resolve(e, stack) {
		if d.expanded[v] {
			continue
		}
		d.expanded[v] = true
		var parts []ast.Expr
		switch v := v.(type) {
		case *ast.CompositeLit:
			if isNamed(d.info().TypeOf(v), agentapi.ServerToolType) {
				out = append(out, v)
			} else {
				parts = v.Elts // a slice of them
			}
		case *ast.CallExpr:
			if b, ok := d.info().Uses[identOf(v.Fun)].(*types.Builtin); ok && b.Name() == "append" {
				parts = v.Args
			}
		}
		for _, p := range parts {
			out = append(out, d.serverTools(p, d.stackAt(p))...)
		}
	}
	return out
}
