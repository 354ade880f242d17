package agent

import (
	"go/ast"
	"go/types"

	"github.com/atflint/atflint/analyzers/internal/agentapi"
)

// toolType records a type the package declares that implements a tool
// interface; its handler is the interface's method.
func (d *discovery) toolType(spec *ast.TypeSpec) {
	tn, ok := d.info().Defs[spec.Name].(*types.TypeName)
	if !ok || tn.IsAlias() {
		return
	}
	if _, isIface := tn.Type().Underlying().(*types.Interface); isIface {
		return
	}
	for _, ti := range agentapi.ToolInterfaces {
		iface := agentapi.LookupInterface(d.pass.Pkg, ti.Interface)
		if iface == nil {
			continue
		}
		var impl types.Type
		switch {
		case types.Implements(tn.Type(), iface):
			impl = tn.Type()
		case types.Implements(types.NewPointer(tn.Type()), iface):
			impl = types.NewPointer(tn.Type())
		default:
			continue
		}
		m := method(impl, ti.Method)
		if m != nil && isInterface(m.Type().(*types.Signature).Recv().Type()) {
			// It embeds the interface: the tool is the value the field
			// is set to, built where the framework's constructor is.
			return
		}
		t := &Tool{Framework: ti.Framework, Pos: spec.Name.Pos(), End: spec.Name.End()}
		if m != nil {
			t.Effects = d.eff.function(m, spec.Name)
			t.Handler, t.handled = m.Pos(), true
			t.HandlerName = m.Origin().FullName()
			if fd := d.eff.decls[m.Origin()]; fd != nil {
				t.Funcs = []HandlerFunc{{fd.Type, fd.Body}}
			}
		}
		if ti.NameMethod != "" {
			t.Name = d.returnedString(method(impl, ti.NameMethod))
		} else if ti.InfoMethod != "" {
			t.Name = d.returnedString(method(impl, ti.InfoMethod))
		}
		d.res.Tools = append(d.res.Tools, t)
		return
	}
}

// returnedString reads the constant a method returns: a string, or the
// Name field of a struct literal.
func (d *discovery) returnedString(m *types.Func) string {
	decl := d.eff.decls[m]
	if decl == nil {
		return ""
	}
	name := ""
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		ret, ok := n.(*ast.ReturnStmt)
		if !ok || len(ret.Results) == 0 || name != "" {
			return name == ""
		}
		if s, ok := stringConst(d.info(), ret.Results[0]); ok {
			name = s
		} else if lit := structLit(ret.Results[0]); lit != nil {
			name, _ = stringConst(d.info(), field(lit, "Name"))
		}
		return false
	})
	return name
}

// declaration records a tool declared to a model API by name.
func (d *discovery) declaration(lit *ast.CompositeLit) {
	t := d.info().TypeOf(lit)
	for _, decl := range agentapi.Declarations {
		if isNamed(t, decl.Type) {
			name, _ := stringConst(d.info(), field(lit, "Name"))
			d.declared = append(d.declared, &Tool{Name: name, Framework: decl.Framework, Pos: lit.Pos(), End: lit.End()})
			return
		}
	}
}

// dispatch records the cases of a switch on the name of the tool a model
// called: switch tc.Function.Name { case "x": ... }.
func (d *discovery) dispatch(sw *ast.SwitchStmt, stack []ast.Node) {
	sel, ok := unparen(sw.Tag).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Name" || !fromDispatchPackage(d.info().TypeOf(sel.X)) {
		return
	}
	scope := d.eff.scan(enclosingBody(stack))
	if d.handled == nil {
		d.handled = map[string][]Effect{}
	}
	for _, c := range sw.Body.List {
		cc := c.(*ast.CaseClause)
		for _, v := range cc.List {
			if name, ok := stringConst(d.info(), v); ok {
				for _, st := range cc.Body {
					d.handled[name] = append(d.handled[name], d.eff.body(st, scope)...)
				}
			}
		}
	}
}

// matchDispatch gives each declared tool the effects of its dispatch case.
func (d *discovery) matchDispatch() {
	for _, t := range d.declared {
		t.Effects = d.handled[t.Name]
		d.res.Tools = append(d.res.Tools, t)
	}
}
