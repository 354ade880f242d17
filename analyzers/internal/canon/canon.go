// Package canon writes what a tool is built from as one canonical string,
// for the hash atflint.lock pins a tool's input schema with: the same
// definition gives the same string whatever the names of the constants
// and local variables it is written with and however it is laid out,
// and any change to a parameter, its type, a tag or an option changes it.
package canon

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Schema writes what a tool's input is built from: the expression that
// builds the tool (nil when it is not in this package), with omit as for
// Expr, then, one per line, the types of its handler's parameters but a
// context, a struct of the pass's module written out.
func Schema(pass *analysis.Pass, built ast.Expr, omit func(ast.Expr) bool, handler *ast.FuncType) string {
	var b strings.Builder
	if built != nil {
		b.WriteString(Expr(pass.TypesInfo, built, omit))
	}
	if handler == nil {
		return b.String()
	}
	project := func(p *types.Package) bool {
		return p == pass.Pkg || pass.Module != nil && strings.HasPrefix(p.Path()+"/", pass.Module.Path+"/")
	}
	for _, f := range handler.Params.List {
		t := pass.TypesInfo.TypeOf(f.Type)
		if t == nil || isContext(t) {
			continue
		}
		for range max(1, len(f.Names)) {
			b.WriteString("\n" + Type(t, project))
		}
	}
	return b.String()
}

func isContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// Omitted stands for an expression the caller leaves out: a tool's name
// and its descriptions, which the lock pins apart.
const Omitted = "_"

// Expr writes e canonically: a constant as its value, a function, type,
// variable or constant of a package by its full name, a call by its
// callee's, a function value by its signature (its body is what the
// tool does, not what it takes). Expressions for which omit is true are
// written as Omitted.
func Expr(info *types.Info, e ast.Expr, omit func(ast.Expr) bool) string {
	var b strings.Builder
	w := writer{info: info, omit: omit, b: &b}
	w.expr(e)
	return b.String()
}

type writer struct {
	info *types.Info
	omit func(ast.Expr) bool
	b    *strings.Builder
}

func (w writer) expr(e ast.Expr) {
	if e == nil {
		return
	}
	if w.omit != nil && w.omit(e) {
		w.b.WriteString(Omitted)
		return
	}
	if tv, ok := w.info.Types[e]; ok && tv.Value != nil {
		w.b.WriteString(tv.Value.ExactString())
		return
	}
	if _, isFunc := w.info.TypeOf(e).(*types.Signature); isFunc {
		// A handler: what it is, not what it is called, is the input.
		if _, isCall := e.(*ast.CallExpr); !isCall {
			w.b.WriteString(w.typeOf(e))
			return
		}
	}
	switch e := e.(type) {
	case *ast.ParenExpr:
		w.expr(e.X)
	case *ast.Ident:
		w.object(e)
	case *ast.SelectorExpr:
		if _, isPkg := w.info.Uses[identOf(e.X)].(*types.PkgName); isPkg {
			w.object(e.Sel)
			return
		}
		w.expr(e.X)
		w.b.WriteString("." + e.Sel.Name)
	case *ast.CallExpr:
		if fn, ok := typeutil.Callee(w.info, e).(*types.Func); ok {
			w.b.WriteString(fn.Origin().FullName())
		} else {
			w.expr(e.Fun)
		}
		w.list("(", e.Args, ")")
	case *ast.CompositeLit:
		w.b.WriteString(w.typeOf(e))
		w.list("{", e.Elts, "}")
	case *ast.KeyValueExpr:
		if isField(w.info, e.Key) {
			w.b.WriteString(e.Key.(*ast.Ident).Name)
		} else {
			w.expr(e.Key)
		}
		w.b.WriteString(":")
		w.expr(e.Value)
	case *ast.UnaryExpr:
		w.b.WriteString(e.Op.String())
		w.expr(e.X)
	case *ast.StarExpr:
		w.b.WriteString("*")
		w.expr(e.X)
	case *ast.BinaryExpr:
		w.expr(e.X)
		w.b.WriteString(" " + e.Op.String() + " ")
		w.expr(e.Y)
	case *ast.IndexExpr:
		w.expr(e.X)
		w.b.WriteString("[")
		w.expr(e.Index)
		w.b.WriteString("]")
	default:
		w.b.WriteString(w.typeOf(e))
	}
}

func (w writer) list(open string, es []ast.Expr, close string) {
	w.b.WriteString(open)
	for i, a := range es {
		if i > 0 {
			w.b.WriteString(",")
		}
		w.expr(a)
	}
	w.b.WriteString(close)
}

// object writes what an identifier names: a package-level object by its
// full name, a local variable by its type alone (its name is cosmetic).
func (w writer) object(id *ast.Ident) {
	obj := w.info.Uses[id]
	switch {
	case obj == nil:
		w.b.WriteString(id.Name)
	case obj.Pkg() != nil && obj.Parent() == obj.Pkg().Scope():
		w.b.WriteString(obj.Pkg().Path() + "." + obj.Name())
	case isVar(obj):
		w.b.WriteString("var(" + types.TypeString(obj.Type(), qualify) + ")")
	default:
		w.b.WriteString(obj.Name())
	}
}

func (w writer) typeOf(e ast.Expr) string {
	if t := w.info.TypeOf(e); t != nil {
		return types.TypeString(t, qualify)
	}
	return "?"
}

// Type writes a handler's input type: a struct, and a named struct of a
// package for which project is true, with its fields, their types and
// tags, to a bounded depth; any other named type by its full name only,
// whose definition (a framework's request type) is not the tool's to
// change.
func Type(t types.Type, project func(*types.Package) bool) string {
	var b strings.Builder
	tw := typeWriter{b: &b, project: project, seen: map[types.Type]bool{}}
	tw.typ(t, 0)
	return b.String()
}

type typeWriter struct {
	b       *strings.Builder
	project func(*types.Package) bool
	seen    map[types.Type]bool
}

// maxDepth bounds how far nested project types are written out.
const maxDepth = 4

func (tw typeWriter) typ(t types.Type, depth int) {
	b := tw.b
	switch u := types.Unalias(t).(type) {
	case *types.Pointer:
		b.WriteString("*")
		tw.typ(u.Elem(), depth)
		return
	case *types.Slice:
		b.WriteString("[]")
		tw.typ(u.Elem(), depth)
		return
	case *types.Map:
		b.WriteString("map[")
		tw.typ(u.Key(), depth)
		b.WriteString("]")
		tw.typ(u.Elem(), depth)
		return
	case *types.Named:
		b.WriteString(types.TypeString(u, qualify))
		st, isStruct := u.Underlying().(*types.Struct)
		if !isStruct || u.Obj().Pkg() == nil || !tw.project(u.Obj().Pkg()) || tw.seen[u] || depth >= maxDepth {
			return
		}
		tw.seen[u] = true
		defer delete(tw.seen, u)
		tw.fields(st, depth+1)
		return
	case *types.Struct:
		tw.fields(u, depth+1)
		return
	}
	b.WriteString(types.TypeString(t, qualify))
}

func (tw typeWriter) fields(st *types.Struct, depth int) {
	tw.b.WriteString("{")
	for i := range st.NumFields() {
		if i > 0 {
			tw.b.WriteString(";")
		}
		f := st.Field(i)
		if !f.Embedded() {
			tw.b.WriteString(f.Name() + " ")
		}
		tw.typ(f.Type(), depth)
		if tag := st.Tag(i); tag != "" {
			tw.b.WriteString(" " + strconv.Quote(tag))
		}
	}
	tw.b.WriteString("}")
}

func qualify(p *types.Package) string { return p.Path() }

func identOf(e ast.Expr) *ast.Ident {
	id, _ := e.(*ast.Ident)
	return id
}

func isVar(obj types.Object) bool {
	_, ok := obj.(*types.Var)
	return ok
}

func isField(info *types.Info, e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && v.IsField()
}
