package agent

import (
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
