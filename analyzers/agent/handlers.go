package agent

import (
	"go/ast"
	"go/types"

	"github.com/atflint/atflint/analyzers/internal/agentapi"
	"golang.org/x/tools/go/types/typeutil"
)

// readOnlyField finds ReadOnlyHint: true in an annotations literal.
func (d *discovery) readOnlyField(e ast.Expr) ast.Node {
	lit := structLit(e)
	if v := field(lit, "ReadOnlyHint"); v != nil && isTrue(d.info(), v) {
		return v
	}
	if v := field(lit, "DestructiveHint"); v != nil && isFalseOrNil(d.info(), v) {
		return v
	}
	return nil
}

// readOnlyOption finds mcp-go's annotation options that claim read-only.
func (d *discovery) readOnlyOption(e ast.Expr) ast.Node {
	call, ok := unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return nil
	}
	fn, ok := typeutil.Callee(d.info(), call).(*types.Func)
	if !ok {
		return nil
	}
	switch fn.FullName() {
	case "github.com/mark3labs/mcp-go/mcp.WithReadOnlyHintAnnotation":
		if isTrue(d.info(), call.Args[0]) {
			return call
		}
	case "github.com/mark3labs/mcp-go/mcp.WithDestructiveHintAnnotation":
		if isFalseOrNil(d.info(), call.Args[0]) {
			return call
		}
	case "github.com/mark3labs/mcp-go/mcp.WithToolAnnotation":
		return d.readOnlyField(call.Args[0])
	}
	return nil
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
