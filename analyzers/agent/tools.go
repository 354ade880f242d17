package agent

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/atflint/atflint/analyzers/internal/agentapi"
)

// A site is a place that builds a tool value: a framework's tool literal
// or constructor, a registering call that names its tool, a call of a
// function that wraps one of these, or a literal of a type that carries a
// tool's name to one of these. Whether it is a tool or a template that
// another function fills in depends on where its name comes from.
type site struct {
	node      ast.Expr // *ast.CallExpr or *ast.CompositeLit
	framework string
	name      ast.Expr // what names the tool
	handler   ast.Expr // the handler given at the same place, if any
	claims    Claims
	confirmed bool
	// nameIsField: name is a struct literal whose Name field names the
	// tool (ADK's functiontool.Config).
	nameIsField bool
}

// ToolWrapper is the fact exported for a function of the project that
// builds a tool from its parameters, so that each call of it, in any
// package, is a tool: the Name-th parameter names it, the Handler-th (-1:
// none) handles it.
type ToolWrapper struct {
	Framework string
	Name      int
	Handler   int
}

func (*ToolWrapper) AFact() {}

func (w *ToolWrapper) String() string { return "tool wrapper" }

// An origin is where a site's name comes from.
type origin struct {
	kind  originKind
	value string     // the name, for a constant
	param int        // the parameter, for a template filled by the caller
	field carrierKey // the struct field, for a template filled from a value
}

type originKind int

const (
	fromComputation originKind = iota // computed at run time: still a tool
	fromConstant
	fromParameter
	fromField
)

// sitesOf finds the tool sites of the package, the project functions
// that wrap them and the struct fields that carry their names, going
// round until no new wrapper or carrier turns up: a wrapper may wrap
// another, and a carrier's literal may itself be a template.
func (d *discovery) sitesOf(calls []*ast.CallExpr, lits []*ast.CompositeLit) []*site {
	origins := d.origins
	var sites []*site
	for changed := true; changed; {
		changed = false
		sites = sites[:0]
		for _, c := range calls {
			if s := d.callSite(c); s != nil {
				sites = append(sites, s)
			}
		}
		for _, l := range lits {
			if s := d.litSite(l); s != nil {
				sites = append(sites, s)
			}
		}
		for _, s := range sites {
			o, ok := origins[s.node]
			if !ok {
				o = d.originOf(s)
				origins[s.node] = o
			}
			switch o.kind {
			case fromParameter:
				if fn := d.enclosingFunc(s.node); fn != nil {
					if _, known := d.wrappers[fn]; !known {
						d.wrappers[fn] = ToolWrapper{Framework: s.framework, Name: o.param, Handler: d.handlerParam(fn, s, o.param)}
						changed = true
					}
				}
			case fromField:
				if _, known := d.carriers[o.field]; !known {
					d.carriers[o.field] = s.framework
					d.ownCarriers = append(d.ownCarriers, o.field)
					d.carrierAt[o.field] = s.node
					changed = true
				}
			}
		}
	}
	// Only an exported wrapper can be called from another package.
	for fn, w := range d.wrappers {
		if fn.Pkg() == d.pass.Pkg && fn.Exported() {
			d.pass.ExportObjectFact(fn, &w)
		}
	}
	var tools []*site
	for _, s := range sites {
		if o := origins[s.node]; o.kind == fromConstant || o.kind == fromComputation {
			tools = append(tools, s)
		}
	}
	return tools
}

// callSite returns the site a call is, or nil.
func (d *discovery) callSite(call *ast.CallExpr) *site {
	fn, ok := typeutil.Callee(d.info(), call).(*types.Func)
	if !ok {
		return nil
	}
	fn = fn.Origin()
	full := fn.FullName()
	arg := func(i int) ast.Expr {
		if i >= 0 && i < len(call.Args) {
			return call.Args[i]
		}
		return nil
	}
	if fw, ok := agentapi.ToolConstructors[full]; ok && len(call.Args) > 0 {
		s := &site{node: call, framework: fw, name: call.Args[0]}
		for _, opt := range call.Args[1:] {
			s.claims = s.claims.or(d.claimsOption(opt))
		}
		return s
	}
	if reg, ok := agentapi.Registrars[full]; ok && reg.Name >= 0 {
		// A registrar that takes a name, not a tool value, builds the
		// tool itself: genkit.DefineTool(g, "name", ...).
		name := arg(reg.Name)
		if name == nil || d.isToolValue(name) || !isString(d.info().TypeOf(name)) && structLit(name) == nil {
			return nil // a tool value, or a call that returns the tool and its handler
		}
		s := &site{node: call, framework: reg.Framework, name: name, handler: arg(reg.Handler)}
		if lit := structLit(name); lit != nil {
			s.nameIsField = true
			for _, f := range reg.Confirm {
				if v := field(lit, f); v != nil && !isFalseOrNil(d.info(), v) {
					s.confirmed = true
				}
			}
		}
		return s
	}
	w, ok := d.wrappers[fn]
	if !ok && fn.Pkg() != nil && fn.Pkg() != d.pass.Pkg {
		var fact ToolWrapper
		if d.pass.ImportObjectFact(fn, &fact) {
			w, ok = fact, true
			d.wrappers[fn] = w
		}
	}
	if !ok || arg(w.Name) == nil {
		return nil
	}
	// The options a wrapper is given are its tool's, annotations included.
	s := &site{node: call, framework: w.Framework, name: arg(w.Name), handler: arg(w.Handler)}
	for _, a := range call.Args {
		s.claims = s.claims.or(d.claimsOption(a))
	}
	return s
}

// litSite returns the site a composite literal is, or nil: a framework
// tool literal with a name, or a literal of a carrier of names.
func (d *discovery) litSite(lit *ast.CompositeLit) *site {
	t := d.info().TypeOf(lit)
	if fw, ok := agentapi.ToolTypes[agentapi.TypeName(t)]; ok {
		name := field(lit, "Name")
		if name == nil {
			return nil // the zero tool, a placeholder
		}
		return &site{node: lit, framework: fw, name: name, claims: d.claimsField(field(lit, "Annotations"))}
	}
	key := agentapi.TypeName(t)
	for k, fw := range d.carriers {
		if k.Type == key {
			if name := field(lit, k.Field); name != nil {
				return &site{node: lit, framework: fw, name: name}
			}
		}
	}
	return nil
}

// isToolValue reports whether e is a framework's tool value rather than
// a name: then the call registers a tool built elsewhere.
func (d *discovery) isToolValue(e ast.Expr) bool {
	_, ok := agentapi.ToolTypes[agentapi.TypeName(d.info().TypeOf(e))]
	return ok
}

// originOf follows a site's name back to where it comes from.
func (d *discovery) originOf(s *site) origin {
	at := d.stackAt(s.node)
	e := s.name
	if s.nameIsField {
		e = field(structLit(e), "Name")
		if e == nil {
			return origin{kind: fromComputation}
		}
	}
	v := d.throughLiterals(e, at)
	if name, ok := stringConst(d.info(), v); ok {
		return origin{kind: fromConstant, value: name}
	}
	if fn := d.enclosingFunc(s.node); fn != nil {
		if i := paramIndex(fn, d.info().Uses[identOf(v)]); i >= 0 && v == identOf(v) {
			return origin{kind: fromParameter, param: i}
		}
	}
	if k, ok := d.fieldPath(v); ok {
		return origin{kind: fromField, field: k}
	}
	return origin{kind: fromComputation}
}

// throughLiterals follows a value to what it is set to, and a field read
// to the field's value in the literal the struct is built with: info.Name,
// where info := &schema.ToolInfo{Name: "rank"}, is "rank".
func (d *discovery) throughLiterals(e ast.Expr, stack []ast.Node) ast.Expr {
	for range 8 { // a bound: a field of a field of ...
		v := d.resolve(e, stack)[0]
		sel, ok := v.(*ast.SelectorExpr)
		if !ok {
			return v
		}
		if s := d.info().Selections[sel]; s == nil || s.Kind() != types.FieldVal {
			return v
		}
		lit := structLit(d.resolve(sel.X, stack)[0])
		if lit == nil {
			return v
		}
		val := field(lit, sel.Sel.Name)
		if val == nil {
			return v
		}
		e, stack = val, d.stackAt(val)
	}
	return e
}

// fieldPath recognises a name read from a field of a project struct:
// tool.Tool.Name, where tool is an api.ServerTool. The literals of that
// struct which set the field are the tools.
func (d *discovery) fieldPath(e ast.Expr) (carrierKey, bool) {
	sel, ok := unparen(e).(*ast.SelectorExpr)
	if !ok {
		return carrierKey{}, false
	}
	selection := d.info().Selections[sel]
	if selection == nil || selection.Kind() != types.FieldVal {
		return carrierKey{}, false
	}
	owner := d.info().TypeOf(sel.X)
	key := agentapi.TypeName(owner)
	if key == "" || inFramework(key) {
		return carrierKey{}, false
	}
	return carrierKey{Type: key, Field: sel.Sel.Name}, true
}

// handlerParam finds which parameter of a wrapper handles its tool: the
// one the site's handler comes from, or else the one whose type is a
// handler's.
func (d *discovery) handlerParam(fn *types.Func, s *site, nameParam int) int {
	if s.handler != nil {
		if i := paramIndex(fn, d.info().Uses[identOf(d.resolve(s.handler, d.stackAt(s.node))[0])]); i >= 0 {
			return i
		}
	}
	sig := fn.Type().(*types.Signature)
	for i := range sig.Params().Len() {
		if i != nameParam && d.isHandler(sig.Params().At(i).Type()) {
			return i
		}
	}
	return -1
}

// enclosingFunc is the declared function around n, nil at package level.
func (d *discovery) enclosingFunc(n ast.Node) *types.Func {
	for _, fd := range d.eff.decls {
		if fd.Pos() <= n.Pos() && n.End() <= fd.End() {
			fn, _ := d.info().Defs[fd.Name].(*types.Func)
			return fn
		}
	}
	return nil
}

// paramIndex is the index of obj among fn's parameters, or -1.
func paramIndex(fn *types.Func, obj types.Object) int {
	if obj == nil {
		return -1
	}
	params := fn.Type().(*types.Signature).Params()
	for i := range params.Len() {
		if params.At(i) == obj {
			return i
		}
	}
	return -1
}

// isHandler reports whether t is the type of a tool handler, by what it
// is, not what it is called: a function that takes a context (or a value
// that is one) and returns something, or a factory returning one. Tool
// options, which return nothing, and plain values are not.
func (d *discovery) isHandler(t types.Type) bool {
	return d.isHandlerDepth(t, 0)
}

func (d *discovery) isHandlerDepth(t types.Type, depth int) bool {
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Results().Len() == 0 || depth > 2 {
		return false
	}
	ctx := d.contextType()
	for i := range sig.Params().Len() {
		p := sig.Params().At(i).Type()
		if ctx != nil && (types.Implements(p, ctx) || types.Implements(types.NewPointer(p), ctx)) {
			return true
		}
	}
	for i := range sig.Results().Len() {
		if d.isHandlerDepth(sig.Results().At(i).Type(), depth+1) {
			return true
		}
	}
	return false
}

// contextType is context.Context, if the package can see it.
func (d *discovery) contextType() *types.Interface {
	if !d.ctxLooked {
		d.ctxLooked = true
		d.ctx = agentapi.LookupInterface(d.pass.Pkg, "context.Context")
	}
	return d.ctx
}

// siblingHandler finds the handler given beside a tool value: the other
// argument of the call it is passed to, the other field of the struct it
// is put in, or the other result returned with it, whose type is a
// handler's.
func (d *discovery) siblingHandler(n ast.Expr) ast.Expr {
	stack := d.stackAt(n)
	var child ast.Node = n
	for i := len(stack) - 2; i >= 0; i-- {
		var others []ast.Expr
		switch p := stack[i].(type) {
		case *ast.ParenExpr, *ast.UnaryExpr, *ast.KeyValueExpr:
			child = p
			continue
		case *ast.CallExpr:
			others = p.Args
		case *ast.CompositeLit:
			for _, el := range p.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					others = append(others, kv.Value)
				} else {
					others = append(others, el)
				}
			}
		case *ast.ReturnStmt:
			others = p.Results
		}
		for _, o := range others {
			if o.Pos() <= child.Pos() && child.End() <= o.End() {
				continue
			}
			if d.isHandler(d.info().TypeOf(o)) {
				return o
			}
		}
		return nil
	}
	return nil
}

// tool makes the Tool of a site.
func (d *discovery) tool(s *site, o origin) *Tool {
	t := &Tool{Framework: s.framework, Pos: s.node.Pos(), End: s.node.End(), Claims: s.claims, Confirmed: s.confirmed}
	if o.kind == fromConstant {
		t.Name = o.value
	}
	h := s.handler
	if h == nil {
		h = d.siblingHandler(s.node)
	}
	if h != nil {
		d.handle(t, h, d.stackAt(h))
	}
	return t
}

// rangeTools expands a tool built in a loop over a map literal of names:
// for name, h := range handlers { s.AddTool(mcp.NewTool(name), h) } is one
// tool per entry, named by its key and, when the handler is the loop's
// value, handled by the entry's value. It returns nil for any other site.
func (d *discovery) rangeTools(s *site) []*Tool {
	e := s.name
	if s.nameIsField {
		e = field(structLit(e), "Name")
	}
	obj, _ := d.info().Uses[identOf(d.strip(e))].(*types.Var)
	if obj == nil || identOf(d.strip(e)) != d.strip(e) {
		return nil
	}
	r := d.rangeOf(obj)
	if r == nil || !declares(r.Key, obj) {
		return nil
	}
	lit, ok := d.strip(d.resolve(r.X, d.stackAt(r.X))[0]).(*ast.CompositeLit)
	if !ok {
		return nil
	}
	if _, isMap := d.info().TypeOf(lit).Underlying().(*types.Map); !isMap {
		return nil
	}
	h := s.handler
	if h == nil {
		h = d.siblingHandler(s.node)
	}
	var value *types.Var
	if h != nil && r.Value != nil {
		if v, ok := d.info().Uses[identOf(h)].(*types.Var); ok && declares(r.Value, v) {
			value = v
		}
	}
	var tools []*Tool
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		name, ok := stringConst(d.info(), kv.Key)
		if !ok {
			return nil
		}
		t := &Tool{Name: name, Framework: s.framework, Pos: kv.Pos(), End: kv.End(), Claims: s.claims, Confirmed: s.confirmed}
		if value != nil {
			d.handle(t, kv.Value, d.stackAt(kv.Value))
		}
		tools = append(tools, t)
	}
	return tools
}
