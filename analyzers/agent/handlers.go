package agent

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/atflint/atflint/analyzers/internal/agentapi"
	"golang.org/x/tools/go/types/typeutil"
)

// Claims are what a tool's annotations tell clients it does not do, at
// the annotation that says it. The MCP defaults claim nothing: an unset
// destructiveHint means the tool may destroy.
type Claims struct {
	ReadOnly       ast.Node // readOnlyHint: true, "it changes nothing"
	NonDestructive ast.Node // destructiveHint: false, "it only adds"
}

// or fills what c does not say from o.
func (c Claims) or(o Claims) Claims {
	return Claims{firstNode(c.ReadOnly, o.ReadOnly), firstNode(c.NonDestructive, o.NonDestructive)}
}

// claimsField reads the hints of an annotations literal: ReadOnlyHint:
// true, DestructiveHint: false (a constant; a *bool set elsewhere is not
// followed).
func (d *discovery) claimsField(e ast.Expr) Claims {
	lit := structLit(e)
	var c Claims
	if v := field(lit, "ReadOnlyHint"); v != nil && isTrue(d.info(), v) {
		c.ReadOnly = v
	}
	if v := field(lit, "DestructiveHint"); v != nil && isFalse(d.info(), v) {
		c.NonDestructive = v
	}
	return c
}

// claimsOption reads mcp-go's annotation options.
func (d *discovery) claimsOption(e ast.Expr) Claims {
	call, ok := unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return Claims{}
	}
	fn, ok := typeutil.Callee(d.info(), call).(*types.Func)
	if !ok {
		return Claims{}
	}
	switch fn.FullName() {
	case "github.com/mark3labs/mcp-go/mcp.WithReadOnlyHintAnnotation":
		if isTrue(d.info(), call.Args[0]) {
			return Claims{ReadOnly: call}
		}
	case "github.com/mark3labs/mcp-go/mcp.WithDestructiveHintAnnotation":
		if isFalse(d.info(), call.Args[0]) {
			return Claims{NonDestructive: call}
		}
	case "github.com/mark3labs/mcp-go/mcp.WithToolAnnotation":
		return d.claimsField(call.Args[0])
	}
	return Claims{}
}

// handler returns what a handler expression reaches: a function literal,
// a named function or method value, a generic function instantiated, a
// wrapper around one, a factory that returns one, or a local variable
// holding one of these.
func (d *discovery) handler(e ast.Expr, stack []ast.Node) []Effect {
	var effs []Effect
	for _, h := range d.resolve(e, stack) {
		effs = append(effs, d.reached(h, stack)...)
	}
	return oneEach(effs)
}

// reached returns what one value of a handler expression reaches.
func (d *discovery) reached(h ast.Expr, stack []ast.Node) []Effect {
	switch h := h.(type) {
	case *ast.FuncLit:
		return d.eff.body(h.Body, d.eff.scan(h.Body))
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(d.info(), h).(*types.Func)
		if ok && agentapi.HandlerWrappers[fn.Origin().FullName()] && len(h.Args) > 0 {
			return d.handler(h.Args[0], stack)
		}
		if ok {
			return d.eff.function(fn, h) // a factory: what it and its closures reach
		}
	case *ast.Ident, *ast.SelectorExpr:
		if fn, ok := d.info().Uses[identOf(h)].(*types.Func); ok {
			return d.eff.function(fn, h)
		}
	}
	return nil
}

// A HandlerFunc is a function of this package that handles a tool: its
// parameters hold the model's input.
type HandlerFunc struct {
	Type *ast.FuncType
	Body *ast.BlockStmt
}

// handlerFuncs returns the functions of this package a handler
// expression is: a function literal, a named function or method, or one
// given to a handler wrapper.
func (d *discovery) handlerFuncs(e ast.Expr, stack []ast.Node) []HandlerFunc {
	var out []HandlerFunc
	for _, h := range d.resolve(e, stack) {
		switch h := h.(type) {
		case *ast.FuncLit:
			out = append(out, HandlerFunc{h.Type, h.Body})
		case *ast.CallExpr:
			fn, ok := typeutil.Callee(d.info(), h).(*types.Func)
			if ok && agentapi.HandlerWrappers[fn.Origin().FullName()] && len(h.Args) > 0 {
				out = append(out, d.handlerFuncs(h.Args[0], stack)...)
			}
		case *ast.Ident, *ast.SelectorExpr:
			if fn, ok := d.info().Uses[identOf(h)].(*types.Func); ok {
				if fd := d.eff.decls[fn.Origin()]; fd != nil {
					out = append(out, HandlerFunc{fd.Type, fd.Body})
				}
			}
		}
	}
	return out
}

// handlerName names the handler an expression gives, in a way that
// survives renaming the tool: the full name of a function or method; for
// a function literal, the function it is written in and its ordinal
// there (pkg.ListIssues.func1, as the compiler names closures); for a
// factory's result, the factory called. It is "" when no value of the
// expression is one of these.
func (d *discovery) handlerName(e ast.Expr, stack []ast.Node) string {
	for _, h := range d.resolve(e, stack) {
		switch h := h.(type) {
		case *ast.FuncLit:
			return d.literalName(h)
		case *ast.CallExpr:
			fn, ok := typeutil.Callee(d.info(), h).(*types.Func)
			if !ok {
				continue
			}
			if agentapi.HandlerWrappers[fn.Origin().FullName()] && len(h.Args) > 0 {
				return d.handlerName(h.Args[0], stack)
			}
			return fn.Origin().FullName() + "()"
		case *ast.Ident, *ast.SelectorExpr:
			if fn, ok := d.info().Uses[identOf(h)].(*types.Func); ok {
				return fn.Origin().FullName()
			}
		}
	}
	return ""
}

// literalName names a function literal by the declaration it is written
// in and its ordinal among the literals there.
func (d *discovery) literalName(lit *ast.FuncLit) string {
	stack := d.stackAt(lit)
	for i := len(stack) - 1; i >= 0; i-- {
		var outer string
		switch n := stack[i].(type) {
		case *ast.FuncDecl:
			if fn, ok := d.info().Defs[n.Name].(*types.Func); ok {
				outer = fn.FullName()
			}
		case *ast.ValueSpec:
			outer = d.pass.Pkg.Path() + "." + n.Names[0].Name
		default:
			continue
		}
		nth := 0
		ast.Inspect(stack[i], func(n ast.Node) bool {
			if l, ok := n.(*ast.FuncLit); ok && nth >= 0 {
				nth++
				if l == lit {
					nth = -nth // found: keep the ordinal, stop counting
				}
			}
			return nth >= 0
		})
		return fmt.Sprintf("%s.func%d", outer, -nth)
	}
	return ""
}

// handle gives a tool its handler: what it reaches, where it is, its
// functions in this package and its name.
func (d *discovery) handle(t *Tool, h ast.Expr, stack []ast.Node) {
	t.Effects = d.handler(h, stack)
	t.Handler, t.handled = h.Pos(), true
	t.Funcs = d.handlerFuncs(h, stack)
	t.HandlerName = d.handlerName(h, stack)
}
