package toolinput

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/atflint/atflint/analyzers/agent"
	"github.com/atflint/atflint/analyzers/internal/agentapi"
	"github.com/atflint/atflint/analyzers/internal/analysisdoc"
	"github.com/atflint/atflint/analyzers/internal/guard"
	"github.com/atflint/atflint/analyzers/internal/sinks"
	"github.com/atflint/atflint/ruledoc"
)

//go:embed doc.go
var doc string

// RuleID is the rule the analyzer's findings belong to.
const RuleID = "unvalidated-tool-input"

// Analyzer reports the model's input reaching a sink unchecked.
var Analyzer = &analysis.Analyzer{
	Name:      "toolinput",
	Doc:       analysisdoc.Get(doc, "toolinput"),
	URL:       ruledoc.URL(RuleID),
	Requires:  []*analysis.Analyzer{agent.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(InputSinks)},
}

// InputSinks is the fact of a function that passes some of its
// parameters, unchecked, to a sink: a handler that hands the model's input
// to it reaches that sink.
type InputSinks struct{ Params []ParamSink }

// A ParamSink is one parameter that reaches a sink, what the sink takes
// it as, and the calls on the way.
type ParamSink struct {
	Param int    // the parameter's index
	What  string // "command", "path", "URL", "SQL statement"
	Via   string // "os.ReadFile", "store.load → os.ReadFile"
}

func (*InputSinks) AFact() {}

func (f *InputSinks) String() string {
	parts := make([]string, len(f.Params))
	for i, p := range f.Params {
		parts[i] = fmt.Sprintf("%d→%s(%s)", p.Param, p.Via, p.What)
	}
	return "input sinks " + strings.Join(parts, ", ")
}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[agent.Analyzer].(*agent.Result)
	a := &checker{pass: pass, deciders: res.Deciders, ctx: agentapi.LookupInterface(pass.Pkg, "context.Context"), local: map[*types.Func][]ParamSink{}, sends: res.Sends}
	if a.sends == nil {
		a.sends = func(*ast.CallExpr) bool { return false }
	}
	if res.Own {
		a.summarize()
	}
	seen := map[ast.Node]bool{} // a handler of two tools is looked at once
	for _, t := range res.Tools {
		for _, f := range t.Funcs {
			if seen[f.Body] {
				continue
			}
			seen[f.Body] = true
			h := a.newFlow()
			h.handlerParams(f.Type, a.ctx)
			h.follow(f.Body)
			for _, hit := range a.hits(h, f.Body, guard.Scan(pass.TypesInfo, f.Body, a.deciders), true) {
				src := hit.srcs[0]
				pass.Report(analysis.Diagnostic{
					Pos: hit.arg.Pos(), End: hit.arg.End(), Category: RuleID,
					Message: fmt.Sprintf("tool %s passes the model's input (%s) to %s's %s with no check that decides whether the call happens; check it first (a fixed allowlist, a path kept inside a root after filepath.Clean)",
						t.Label(), types.ExprString(src), hit.sink, hit.what),
					Related: []analysis.RelatedInformation{{Pos: src.Pos(), End: src.End(), Message: "the model's input"}},
				})
			}
		}
	}
	return nil, nil
}

// A checker is one pass of the analyzer: the functions of the package
// summarised so far, and what it needs to follow values.
type checker struct {
	pass     *analysis.Pass
	deciders guard.Deciders
	ctx      *types.Interface
	local    map[*types.Func][]ParamSink
	sends    func(*ast.CallExpr) bool
}

func (a *checker) newFlow() *flow {
	return &flow{info: a.pass.TypesInfo, input: map[types.Object][]ast.Expr{}, host: map[types.Object][]ast.Expr{}, sends: a.sends}
}

// summarize finds, for each function of the package, the parameters that
// reach a sink unchecked, to a fixed point over the calls between them,
// and exports a fact for the exported ones. Each body is followed and its
// checks found once; only what calls of the package's own functions
// reach changes from one round to the next.
func (a *checker) summarize() {
	type summary struct {
		fn     *types.Func
		body   *ast.BlockStmt
		flow   *flow
		scope  *guard.Scope
		params map[ast.Expr]int // each parameter's name, to its index
	}
	var all []summary
	for _, f := range a.pass.Files {
		if agentapi.NotTheAgent(a.pass.Fset, f) {
			continue
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, ok := a.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			s := summary{fn: fn, body: fd.Body, flow: a.newFlow(), params: map[ast.Expr]int{}}
			if s.flow.anyParams(fd.Type, a.ctx, s.params) == 0 {
				continue
			}
			s.flow.follow(fd.Body)
			s.scope = guard.Scan(a.pass.TypesInfo, fd.Body, a.deciders)
			all = append(all, s)
		}
	}
	for changed := true; changed; {
		changed = false
		for _, s := range all {
			var ps []ParamSink
			for _, hit := range a.hits(s.flow, s.body, s.scope, false) {
				for _, src := range hit.srcs {
					if i, ok := s.params[src]; ok && !slices.ContainsFunc(ps, func(p ParamSink) bool { return p.Param == i }) {
						ps = append(ps, ParamSink{Param: i, What: hit.what, Via: hit.via})
					}
				}
			}
			slices.SortFunc(ps, func(x, y ParamSink) int { return x.Param - y.Param })
			// Summaries only grow, as those of the callees do: a new
			// length is a change.
			if len(ps) != len(a.local[s.fn]) {
				a.local[s.fn] = ps
				changed = true
			}
		}
	}
	for fn, ps := range a.local {
		if len(ps) > 0 && fn.Exported() {
			a.pass.ExportObjectFact(fn, &InputSinks{Params: ps})
		}
	}
}

// sinksOf returns the parameters of fn that reach a sink.
func (a *checker) sinksOf(fn *types.Func) []ParamSink {
	fn = fn.Origin()
	if ps, ok := a.local[fn]; ok {
		return ps
	}
	var fact InputSinks
	if fn.Pkg() != nil && fn.Pkg() != a.pass.Pkg && a.pass.ImportObjectFact(fn, &fact) {
		return fact.Params
	}
	return nil
}

// A hit is the input reaching a sink's argument.
type hit struct {
	arg  ast.Expr
	srcs []ast.Expr // where the input in it comes from
	sink string     // "Remove", "store.load → os.Remove"
	what string
	via  string // the calls from the call to the sink, for a summary
}

// hits finds the calls under body that pass the input, unchecked, to a
// sink or to a function that passes it on to one: one hit per call.
//
// A summary leaves out the function literals in the body: a handler
// defined there is a tool of its own, not what a call does.
func (a *checker) hits(h *flow, body *ast.BlockStmt, scope *guard.Scope, closures bool) []hit {
	info := a.pass.TypesInfo
	var out []hit
	ast.Inspect(body, func(n ast.Node) bool {
		if _, lit := n.(*ast.FuncLit); lit && !closures {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn, ok := typeutil.Callee(info, call).(*types.Func)
		if !ok || scope.Guard(call) >= guard.Resource {
			return true
		}
		// The hit is at the first argument the input reaches; its
		// sources are those of all such arguments, which a summary needs.
		var first *hit
		add := func(arg ast.Expr, srcs []ast.Expr, sink, what, via string) {
			if first == nil {
				first = &hit{arg: arg, sink: sink, what: what, via: via}
			}
			for _, s := range srcs {
				if !slices.Contains(first.srcs, s) {
					first.srcs = append(first.srcs, s)
				}
			}
		}
		args, what := sinks.Inputs(fn, len(call.Args))
		for _, i := range args {
			if srcs := h.reaching(call.Args[i], what); srcs != nil {
				add(call.Args[i], srcs, fn.Name(), what, agentapi.ShortName(fn))
			}
		}
		for _, p := range a.sinksOf(fn) {
			for _, arg := range argsOf(fn, call, p.Param) {
				if srcs := h.reaching(arg, p.What); srcs != nil {
					via := agentapi.ShortName(fn) + " → " + p.Via
					add(arg, srcs, via, p.What, via)
				}
			}
		}
		if first != nil {
			out = append(out, *first)
		}
		return true
	})
	return out
}

// argsOf returns the arguments of a call that bind parameter i: one, or
// those of a variadic parameter.
func argsOf(fn *types.Func, call *ast.CallExpr, i int) []ast.Expr {
	sig := fn.Type().(*types.Signature)
	if sig.Variadic() && i == sig.Params().Len()-1 && call.Ellipsis == token.NoPos {
		if i < len(call.Args) {
			return call.Args[i:]
		}
		return nil
	}
	if i < len(call.Args) {
		return call.Args[i : i+1]
	}
	return nil
}

// reaching returns the sources of the input that decide what a sink's
// argument does: for a URL, only those that can choose its host.
func (h *flow) reaching(arg ast.Expr, what string) []ast.Expr {
	if what == "URL" {
		return h.hostSources(arg)
	}
	return h.from(arg)
}

// hostSources returns the sources of the input that can choose the
// scheme and host of a URL, nil when none can. Where the URL has a head,
// the head decides the host and what follows it only picks a path: a
// constant with a host ("https://api.example.com/items/" + id, or the
// same as a Sprintf format), a base value such as a URL from the
// configuration (baseURL + "/api/" + id, Sprintf("%s/api/%s", baseURL,
// id), base.JoinPath(id), url.JoinPath(base, id)), or a variable holding
// such a URL at every assignment. A URL that is only one value has no
// head: whatever chose it chose the host.
func (h *flow) hostSources(e ast.Expr) []ast.Expr {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		if srcs, assigned := h.host[h.info.ObjectOf(id)]; assigned {
			if len(srcs) == 0 {
				return nil // assigned, never from the input: not an empty source list
			}
			return srcs
		}
		return h.from(e)
	}
	head := e
	for {
		b, ok := head.(*ast.BinaryExpr)
		if !ok || b.Op != token.ADD {
			break
		}
		head = ast.Unparen(b.X)
	}
	if call, ok := head.(*ast.CallExpr); ok {
		name := ""
		if fn, ok := typeutil.Callee(h.info, call).(*types.Func); ok {
			name = fn.FullName()
		}
		switch {
		case name == "fmt.Sprintf" && len(call.Args) > 0:
			format := h.info.Types[call.Args[0]].Value
			if format == nil || format.Kind() != constant.String {
				return h.from(e)
			}
			f := constant.StringVal(format)
			if strings.HasPrefix(f, "%s") || strings.HasPrefix(f, "%v") {
				// The first argument is the head, unless what follows
				// it still makes the host (%s.example.com, %s:8080).
				if len(call.Args) > 1 && !strings.HasPrefix(f[2:], ".") && !strings.HasPrefix(f[2:], ":") {
					return h.hostSources(call.Args[1])
				}
				return h.from(e)
			}
			head = call.Args[0]
		case name == "net/url.JoinPath" && len(call.Args) > 0:
			return h.hostSources(call.Args[0])
		case name == "(*net/url.URL).JoinPath" || name == "(*net/url.URL).String":
			if recv := urlReceiver(h.info, call); recv != nil {
				return h.hostSources(recv)
			}
		}
	}
	if v := h.info.Types[head].Value; v != nil {
		if v.Kind() == constant.String {
			prefix := constant.StringVal(v)
			if i := strings.Index(prefix, "%"); i >= 0 {
				prefix = prefix[:i]
			}
			if _, rest, ok := strings.Cut(prefix, "://"); ok && strings.Contains(rest, "/") && !strings.HasPrefix(rest, "/") {
				return nil
			}
		}
		return h.from(e)
	}
	if head == e {
		return h.from(e)
	}
	return h.hostSources(head)
}

// urlReceiver is the receiver of a method call on a *url.URL.
func urlReceiver(info *types.Info, call *ast.CallExpr) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if s := info.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
		return nil
	}
	return sel.X
}

// A flow tracks which of a function's variables hold the model's input,
// each with the expressions that input came from.
type flow struct {
	info  *types.Info
	input map[types.Object][]ast.Expr
	// host holds, for each variable assigned, the sources of the input
	// that can choose the host of the URL it holds, over all its
	// assignments; see hostSources.
	host map[types.Object][]ast.Expr
	// sends reports a call that sends a request: its result is the
	// remote's answer, not the model's input, whatever the request held.
	sends func(*ast.CallExpr) bool
}

// handlerParams marks the handler's parameters that are the model's
// input: all but contexts and the framework's request, whose methods and
// argument fields are followed instead.
func (h *flow) handlerParams(ft *ast.FuncType, ctx *types.Interface) {
	for _, field := range ft.Params.List {
		for _, name := range field.Names {
			obj := h.info.Defs[name]
			if obj == nil || isRequest(obj.Type()) || isContext(obj.Type(), ctx) {
				continue
			}
			h.input[obj] = []ast.Expr{name}
		}
	}
}

// anyParams marks the parameters of a function that could carry input
// to a sink: all but contexts, functions and numbers. It records each
// one's index by its name, and returns how many it marked.
func (h *flow) anyParams(ft *ast.FuncType, ctx *types.Interface, index map[ast.Expr]int) int {
	i := 0
	for _, field := range ft.Params.List {
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, name := range field.Names {
			if obj := h.info.Defs[name]; obj != nil && carries(obj.Type(), ctx) {
				h.input[obj] = []ast.Expr{name}
				index[name] = i
			}
			i++
		}
	}
	return len(index)
}

// carries reports a parameter type that can hold a string the model chose.
func carries(t types.Type, ctx *types.Interface) bool {
	if isContext(t, ctx) {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Signature, *types.Chan:
		return false
	case *types.Basic:
		return u.Info()&types.IsString != 0
	}
	return true
}

func isContext(t types.Type, ctx *types.Interface) bool {
	return ctx != nil && (types.Implements(t, ctx) || types.Implements(types.NewPointer(t), ctx))
}

// follow marks the variables assigned from the input, in the body and
// the function literals in it, to a fixpoint.
func (h *flow) follow(body *ast.BlockStmt) {
	for changed := true; changed; {
		changed = false
		mark := func(lhs ast.Expr, rhs ast.Expr, appends bool) {
			id, ok := ast.Unparen(lhs).(*ast.Ident)
			if !ok {
				return
			}
			obj := h.info.ObjectOf(id)
			if obj == nil {
				return
			}
			// u += "?" + q appends to what u held: its host stays.
			if !appends {
				// A first assignment is no change: a use seen before it
				// counts all its input as choosing the host, which errs
				// on the side of a report.
				hs, seen := h.host[obj]
				if !seen {
					hs = []ast.Expr{}
				}
				for _, src := range h.hostSources(rhs) {
					if !slices.Contains(hs, src) {
						hs = append(hs, src)
						changed = true
					}
				}
				h.host[obj] = hs
			}
			for _, src := range h.from(rhs) {
				if !slices.Contains(h.input[obj], src) {
					h.input[obj] = append(h.input[obj], src)
					changed = true
				}
			}
		}
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				appends := n.Tok == token.ADD_ASSIGN
				for i, l := range n.Lhs {
					if len(n.Rhs) == len(n.Lhs) {
						mark(l, n.Rhs[i], appends)
					} else if len(n.Rhs) == 1 {
						mark(l, n.Rhs[0], appends)
					}
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if i < len(n.Values) {
						mark(name, n.Values[i], false)
					} else if len(n.Values) == 1 {
						mark(name, n.Values[0], false)
					}
				}
			case *ast.RangeStmt:
				if n.Key != nil {
					mark(n.Key, n.X, false)
				}
				if n.Value != nil {
					mark(n.Value, n.X, false)
				}
			}
			return true
		})
	}
}

// from returns where the input an expression's value depends on comes
// from, first found first, or nil: variables that hold input, calls of
// the request's methods, the request's arguments field.
func (h *flow) from(e ast.Expr) []ast.Expr {
	var srcs []ast.Expr
	add := func(src ...ast.Expr) {
		for _, s := range src {
			if !slices.Contains(srcs, s) {
				srcs = append(srcs, s)
			}
		}
	}
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.Ident:
			add(h.input[h.info.ObjectOf(n)]...)
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
				if s := h.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal && isRequest(s.Recv()) {
					add(n) // req.GetString("path", "")
					return true
				}
			}
			if h.sends(n) {
				return false // what an API answered, such as a download URL
			}
		case *ast.SelectorExpr:
			if s := h.info.Selections[n]; s != nil && s.Kind() == types.FieldVal && n.Sel.Name == "Arguments" && isRequestParams(h.info.TypeOf(n.X)) {
				add(n) // req.Params.Arguments
			}
		}
		return true
	})
	return srcs
}

// isRequest reports a framework's tool request type.
func isRequest(t types.Type) bool { return agentapi.Requests[agentapi.TypeName(t)] }

// isRequestParams reports a type of a request's package, whose Arguments
// field is the model's input.
func isRequestParams(t types.Type) bool {
	pkg := agentapi.PackageOf(agentapi.TypeName(t))
	for k := range agentapi.Requests {
		if pkg != "" && agentapi.PackageOf(k) == pkg {
			return true
		}
	}
	return false
}
