// Package agent is the analysis the atflint analyzers share: it finds the
// tools a package registers with the Go agent frameworks, what each tool's
// handler reaches and whether a guard stands before it, the servers and
// agents the package builds and their names, maturity levels written in
// code, and the ATF manifest the package belongs to. What a function
// reaches is exported as a fact, so a helper in another package counts.
package agent

import (
	"go/ast"
	"go/build"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/atflint/atflint/analyzers/internal/agentapi"
	"github.com/atflint/atflint/analyzers/internal/guard"
	"github.com/atflint/atflint/atf"
)

// Analyzer finds a package's agent code; the rule analyzers read its
// Result.
var Analyzer = &analysis.Analyzer{
	Name:       "atfagent",
	Doc:        "find the tools, servers, agents and maturity levels of Go agent code, and what each tool's handler reaches",
	URL:        "https://github.com/atflint/atflint/tree/main/analyzers/agent",
	Requires:   []*analysis.Analyzer{inspect.Analyzer},
	Run:        run,
	FactTypes:  []analysis.Fact{new(Reaches)},
	ResultType: reflect.TypeFor[*Result](),
}

// Result is the agent code of one package.
type Result struct {
	Tools      []*Tool
	Identities []*Identity
	Levels     []*Level
	// Manifest is the ATF manifest the package belongs to; nil when there
	// is none, or when the package has no agent code.
	Manifest *Manifest
}

// A Tool is one tool the package registers.
type Tool struct {
	Name      string // "" when the name is not a constant
	Framework string
	Pos, End  token.Pos // the registration
	// Confirmed: the framework asks a person before every call.
	Confirmed bool
	// ReadOnly is the annotation that claims the tool only reads, if any.
	ReadOnly ast.Node
	Effects  []Effect
}

// Label names the tool in a message: "delete_file" in quotes, or a note
// that its name is not a constant.
func (t *Tool) Label() string {
	if t.Name == "" {
		return "(name not a constant)"
	}
	return strconv.Quote(t.Name)
}

// An Identity is a server or agent the package builds.
type Identity struct {
	What     string // "MCP server", "agent"
	Pos, End token.Pos
	Named    bool // it is given a non-empty name
}

// A Level is a maturity level written in code.
type Level struct {
	Level    atf.Level
	Pos, End token.Pos
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{}
	if inStandardLibrary(pass) {
		return res, nil
	}
	eff := newEffects(pass)
	if !importsFramework(pass.Pkg) {
		return res, nil
	}
	d := &discovery{pass: pass, eff: eff, res: res, expanded: map[ast.Expr]bool{}}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	ins.WithStack([]ast.Node{(*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.SwitchStmt)(nil), (*ast.TypeSpec)(nil), (*ast.BasicLit)(nil)},
		func(n ast.Node, push bool, stack []ast.Node) bool {
			if !push {
				return true
			}
			// Generated code is not the project's to fix.
			if f, ok := stack[0].(*ast.File); ok && ast.IsGenerated(f) {
				return false
			}
			switch n := n.(type) {
			case *ast.CallExpr:
				d.callExpr(n, stack)
			case *ast.CompositeLit:
				d.declaration(n)
			case *ast.SwitchStmt:
				d.dispatch(n, stack)
			case *ast.TypeSpec:
				d.toolType(n)
			case *ast.BasicLit:
				d.level(n, stack)
			}
			return true
		})
	d.matchDispatch()
	if len(res.Tools)+len(res.Identities)+len(res.Levels) > 0 {
		res.Manifest = findManifest(pass)
	}
	return res, nil
}

func inStandardLibrary(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 {
		return true
	}
	name := pass.Fset.File(pass.Files[0].Pos()).Name()
	return strings.HasPrefix(name, filepath.Join(build.Default.GOROOT, "src")+string(filepath.Separator))
}

// importsFramework is the fast path: a package that reaches no agent
// framework through its imports registers no tool. Imports count however
// indirect, since an in-house package may wrap a framework's types: type
// Server = server.MCPServer. Each package is looked at once.
func importsFramework(pkg *types.Package) bool {
	seen := map[*types.Package]bool{}
	var reaches func(p *types.Package) bool
	reaches = func(p *types.Package) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		for _, prefix := range agentapi.FrameworkPrefixes {
			if p.Path() == prefix || strings.HasPrefix(p.Path(), prefix+"/") {
				return true
			}
		}
		return slices.ContainsFunc(p.Imports(), reaches)
	}
	return slices.ContainsFunc(pkg.Imports(), reaches)
}

type discovery struct {
	pass *analysis.Pass
	eff  *effects
	res  *Result
	// declared maps tool names declared to a model API (openai,
	// anthropic) to their tools, and handled to the dispatch cases.
	declared []*Tool
	handled  map[string][]Effect
	// expanded holds the values serverTools has looked at.
	expanded map[ast.Expr]bool
	// packageVars holds the values package-level variables are declared
	// with, found on first need.
	packageVars map[*types.Var]ast.Expr
}

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

func (d *discovery) info() *types.Info { return d.pass.TypesInfo }

func (d *discovery) callExpr(call *ast.CallExpr, stack []ast.Node) {
	fn, ok := typeutil.Callee(d.info(), call).(*types.Func)
	if !ok {
		return
	}
	full := fn.Origin().FullName()
	if reg, ok := agentapi.Registrars[full]; ok {
		d.registration(call, reg, stack)
	}
	if id, ok := agentapi.Identities[full]; ok {
		d.identity(call, id)
	}
}

// registration records the tools of one registering call.
func (d *discovery) registration(call *ast.CallExpr, reg agentapi.Registrar, stack []ast.Node) {
	if reg.Handler < 0 {
		// AddTools(server.ServerTool{Tool: ..., Handler: ...}, ...), or
		// the same built before the call: AddTools(t1, t2), AddTools(tools...).
		for _, arg := range call.Args {
			for _, lit := range d.serverTools(arg, stack) {
				// The fields' variables are resolved where the literal is.
				at := d.stackAt(lit)
				t := &Tool{Framework: reg.Framework, Pos: lit.Pos(), End: lit.End()}
				if v := field(lit, "Tool"); v != nil {
					t.Name, t.ReadOnly = d.toolName(v, at)
				}
				if h := field(lit, "Handler"); h != nil {
					t.Effects = d.handler(h, at)
				}
				d.res.Tools = append(d.res.Tools, t)
			}
		}
		return
	}
	t := &Tool{Framework: reg.Framework, Pos: call.Pos(), End: call.End()}
	if reg.Name < len(call.Args) {
		t.Name, t.ReadOnly = d.toolName(call.Args[reg.Name], stack)
		for _, f := range reg.Confirm {
			if v := field(structLit(call.Args[reg.Name]), f); v != nil && !isFalseOrNil(d.info(), v) {
				t.Confirmed = true
			}
		}
	}
	if reg.Handler < len(call.Args) {
		t.Effects = d.handler(call.Args[reg.Handler], stack)
	}
	d.res.Tools = append(d.res.Tools, t)
}

// serverTools returns the server.ServerTool literals an argument of
// AddTools may hold: a literal, a variable set to one, or a slice built in
// the function from literals of them and appends. A value already looked
// at, by this registration or an earlier one, adds nothing: a literal is
// one tool however many registrations reach it, and tools = append(tools,
// ...) reaches itself.
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

// stackAt returns the nodes from n's file down to n, as the inspector's
// stack holds them where it visits n. A value a registration reaches may
// be declared in another file of the package.
func (d *discovery) stackAt(n ast.Node) []ast.Node {
	for _, f := range d.pass.Files {
		if f.FileStart <= n.Pos() && n.Pos() < f.FileEnd {
			path, _ := astutil.PathEnclosingInterval(f, n.Pos(), n.End())
			slices.Reverse(path)
			return path
		}
	}
	return nil
}

// toolName reads a tool's name from a string, a struct with a Name field,
// or a tool constructor call, following a local variable to its value. It
// also returns a read-only annotation found on the way.
func (d *discovery) toolName(e ast.Expr, stack []ast.Node) (string, ast.Node) {
	e = d.resolve(e, stack)[0]
	if s, ok := stringConst(d.info(), e); ok {
		return s, nil
	}
	if lit := structLit(e); lit != nil {
		name, _ := stringConst(d.info(), field(lit, "Name"))
		return name, d.readOnlyField(field(lit, "Annotations"))
	}
	if call, ok := e.(*ast.CallExpr); ok {
		if fn, ok := typeutil.Callee(d.info(), call).(*types.Func); ok && agentapi.ToolConstructors[fn.FullName()] && len(call.Args) > 0 {
			name, _ := stringConst(d.info(), call.Args[0])
			var ro ast.Node
			for _, opt := range call.Args[1:] {
				ro = firstNode(ro, d.readOnlyOption(opt))
			}
			return name, ro
		}
	}
	return "", nil
}

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
		return d.eff.body(h.Body, guard.Scan(d.info(), h.Body))
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

// identity records a server or agent constructor call and whether it is
// given a name.
func (d *discovery) identity(call *ast.CallExpr, id agentapi.Identity) {
	named := false
	if id.Name < len(call.Args) {
		arg := call.Args[id.Name]
		if s, ok := stringConst(d.info(), arg); ok {
			named = strings.TrimSpace(s) != ""
		} else if lit := structLit(arg); lit != nil {
			v := field(lit, "Name")
			s, isConst := stringConst(d.info(), v)
			named = v != nil && (!isConst || strings.TrimSpace(s) != "")
		} else {
			// A name computed at run time, or a struct built elsewhere.
			named = !isFalseOrNil(d.info(), arg)
		}
	}
	d.res.Identities = append(d.res.Identities, &Identity{What: id.What, Pos: call.Pos(), End: call.End(), Named: named})
}

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
		iface := lookupInterface(d.pass.Pkg, ti.Interface)
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
		t := &Tool{Framework: ti.Framework, Pos: spec.Name.Pos(), End: spec.Name.End()}
		if m := method(impl, ti.Method); m != nil {
			t.Effects = d.eff.function(m, spec.Name)
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
	scope := guard.Scan(d.info(), enclosingBody(stack))
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

// level records a maturity level written as a string in code, as the value
// of something named like a level: Level: "senior", const agentLevel = "junior".
func (d *discovery) level(lit *ast.BasicLit, stack []ast.Node) {
	if lit.Kind != token.STRING || len(stack) < 2 {
		return
	}
	s, ok := stringConst(d.info(), lit)
	if !ok {
		return
	}
	l, ok := atf.ParseLevel(strings.ToLower(s))
	if !ok || s != strings.ToLower(s) && s != strings.ToUpper(s[:1])+s[1:] {
		return
	}
	var name string
	switch p := stack[len(stack)-2].(type) {
	case *ast.KeyValueExpr:
		if id, ok := p.Key.(*ast.Ident); ok && p.Value == lit {
			name = id.Name
		} else if k, ok := stringConst(d.info(), p.Key); ok && p.Value == lit {
			name = k
		}
	case *ast.ValueSpec:
		for i, v := range p.Values {
			if v == lit && i < len(p.Names) {
				name = p.Names[i].Name
			}
		}
	case *ast.AssignStmt:
		for i, r := range p.Rhs {
			if r == lit && i < len(p.Lhs) {
				if id := identOf(p.Lhs[i]); id != nil {
					name = id.Name
				}
			}
		}
	}
	lower := strings.ToLower(name)
	if strings.Contains(lower, "level") || strings.Contains(lower, "maturity") {
		d.res.Levels = append(d.res.Levels, &Level{Level: l, Pos: lit.Pos(), End: lit.End()})
	}
}

// Helpers over expressions.

func unparen(e ast.Expr) ast.Expr {
	for {
		p, ok := e.(*ast.ParenExpr)
		if !ok {
			return e
		}
		e = p.X
	}
}

func identOf(e ast.Expr) *ast.Ident {
	switch x := unparen(e).(type) {
	case *ast.Ident:
		return x
	case *ast.SelectorExpr:
		return x.Sel
	}
	return nil
}

// structLit returns the composite literal e is, or points to.
func structLit(e ast.Expr) *ast.CompositeLit {
	if e == nil {
		return nil
	}
	e = unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = unparen(u.X)
	}
	lit, _ := e.(*ast.CompositeLit)
	return lit
}

// field returns the value of a keyed field of a struct literal.
func field(lit *ast.CompositeLit, name string) ast.Expr {
	if lit == nil {
		return nil
	}
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv.Value
			}
		}
	}
	return nil
}

func stringConst(info *types.Info, e ast.Expr) (string, bool) {
	if e == nil {
		return "", false
	}
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value), true
	}
	return "", false
}

func isTrue(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}

// isFalseOrNil reports a constant false or the nil value.
func isFalseOrNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok {
		return false
	}
	if tv.IsNil() {
		return true
	}
	return tv.Value != nil && tv.Value.Kind() == constant.Bool && !constant.BoolVal(tv.Value)
}

func firstNode(a, b ast.Node) ast.Node {
	if a != nil {
		return a
	}
	return b
}

func isNamed(t types.Type, full string) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return n.Obj().Pkg().Path()+"."+n.Obj().Name() == full
}

func fromDispatchPackage(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	for _, p := range agentapi.DispatchPackages {
		if n.Obj().Pkg().Path() == p {
			return true
		}
	}
	return false
}

// lookupInterface finds an interface by full name among the packages pkg
// imports, directly or not.
func lookupInterface(pkg *types.Package, full string) *types.Interface {
	i := strings.LastIndex(full, ".")
	path, name := full[:i], full[i+1:]
	seen := map[*types.Package]bool{}
	var find func(p *types.Package) *types.Interface
	find = func(p *types.Package) *types.Interface {
		if seen[p] {
			return nil
		}
		seen[p] = true
		if p.Path() == path {
			if tn, ok := p.Scope().Lookup(name).(*types.TypeName); ok {
				iface, _ := tn.Type().Underlying().(*types.Interface)
				return iface
			}
			return nil
		}
		for _, imp := range p.Imports() {
			if iface := find(imp); iface != nil {
				return iface
			}
		}
		return nil
	}
	return find(pkg)
}

func method(t types.Type, name string) *types.Func {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	fn, _ := obj.(*types.Func)
	return fn
}

func enclosingBody(stack []ast.Node) *ast.BlockStmt {
	for i := len(stack) - 1; i >= 0; i-- {
		switch f := stack[i].(type) {
		case *ast.FuncDecl:
			return f.Body
		case *ast.FuncLit:
			return f.Body
		}
	}
	return nil
}
