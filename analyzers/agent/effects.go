package agent

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/atflint/atflint/analyzers/internal/agentapi"
	"github.com/atflint/atflint/analyzers/internal/guard"
	"github.com/atflint/atflint/analyzers/internal/sinks"
)

// An Effect is a capability some code reaches, through one call in this
// package: the sink itself, or a call of a function that reaches it.
type Effect struct {
	Capability string
	SideEffect bool
	Guard      guard.Kind // the weakest guard every way there passes; None: none
	Pos, End   token.Pos  // the call in this package
	Via        string     // the calls that lead to the sink: "cleanup → os.RemoveAll"
	// Targets are the constant paths, URLs or addresses it acts on;
	// Dynamic says it also acts on one that is not a constant.
	Targets []string
	Dynamic bool
	// Post says its only sign of changing anything is that it is an HTTP
	// POST, which query and search APIs also use to read.
	Post bool
}

// Reaches is the fact exported for a function that reaches capabilities,
// so that code in other packages calling it knows what it does.
type Reaches struct {
	Effects []FactEffect
}

// FactEffect is an Effect without positions, which do not cross packages.
type FactEffect struct {
	Capability string
	SideEffect bool
	Guard      guard.Kind
	Via        string
	Targets    []string
	Dynamic    bool
	Post       bool
}

func (*Reaches) AFact() {}

func (r *Reaches) String() string {
	parts := make([]string, len(r.Effects))
	for i, e := range r.Effects {
		parts[i] = e.Capability
		if e.Guard != guard.None {
			parts[i] += "(" + e.Guard.String() + ")"
		}
	}
	return "reaches " + strings.Join(parts, ", ")
}

// effects computes what the functions of a package reach, to a fixpoint
// over the calls between them, and exports a fact for each function that
// reaches something.
type effects struct {
	pass     *analysis.Pass
	decls    map[*types.Func]*ast.FuncDecl
	memo     map[*types.Func][]Effect
	deciders guard.Deciders
	impls    *implementations
	exits    map[*types.Func]bool   // the package's functions that do not return
	sent     map[*ast.CallExpr]bool // sends' answers: the input analysis asks each round
}

// scan finds the guards of a body.
func (e *effects) scan(body *ast.BlockStmt) *guard.Scope {
	return guard.Scan(e.pass.TypesInfo, body, e.deciders)
}

func newEffects(pass *analysis.Pass, decls map[*types.Func]*ast.FuncDecl, deciders guard.Deciders) *effects {
	e := &effects{pass: pass, decls: decls, memo: map[*types.Func][]Effect{}, deciders: deciders, impls: newImplementations(pass), sent: map[*ast.CallExpr]bool{}}
	// A function reaches what its body reaches, and what the functions
	// it calls reach; go round until nothing changes. The bodies are
	// walked and their guards found once: only what calls to the
	// package's own functions reach changes from one round to the next.
	e.findExits()
	sites := map[*types.Func][]callSite{}
	for fn, fd := range e.decls {
		sites[fn] = e.callSites(fd.Body, e.scan(fd.Body))
	}
	for changed := true; changed; {
		changed = false
		for fn, ss := range sites {
			next := e.reach(ss)
			if !sameEffects(next, e.memo[fn]) {
				e.memo[fn] = next
				changed = true
			}
		}
	}
	// Only an exported name can be called from another package, so only
	// those need a fact: every package reads the facts of all it imports.
	for fn, effs := range e.memo {
		if len(effs) > 0 && fn.Exported() {
			fact := &Reaches{}
			for _, ef := range effs {
				fact.Effects = append(fact.Effects, ef.fact())
			}
			pass.ExportObjectFact(fn, fact)
		}
	}
	return e
}

// A callSite is a call in a function's body: one to a function of the
// package itself, whose effects the fixed point is still finding, or one
// whose effects are known once and for all.
type callSite struct {
	call  *ast.CallExpr
	guard guard.Kind
	local bool     // the callee is a function of this package, not a sink
	fixed []Effect // what the call reaches, when not local
}

// callSites lists the calls under n in the order they are written.
func (e *effects) callSites(n ast.Node, scope *guard.Scope) []callSite {
	var sites []callSite
	var methods map[types.Object]string // found on first need
	var temps map[types.Object]bool
	ast.Inspect(n, e.skipExitBranches(func(x ast.Node) bool {
		call, ok := x.(*ast.CallExpr)
		if !ok {
			return true
		}
		s := callSite{call: call, guard: scope.Guard(call)}
		fn, _ := typeutil.Callee(e.pass.TypesInfo, call).(*types.Func)
		if removes(fn) && len(call.Args) == 1 {
			if temps == nil {
				temps = tempPaths(e.pass.TypesInfo, n)
			}
			if isTempPath(e.pass.TypesInfo, temps, call.Args[0]) {
				return true // cleaning up what the function made for itself
			}
		}
		if _, own := e.decls[fn]; own && !e.isSink(call, fn) || e.localImplementation(fn) {
			s.local = true
		} else {
			s.fixed = e.call(call, s.guard)
			if fn != nil && sendsRequest[fn.FullName()] && len(call.Args) > 0 {
				if methods == nil {
					methods = requestMethods(e.pass.TypesInfo, n)
				}
				s.fixed = byMethod(s.fixed, methods, e.pass.TypesInfo.Uses[identOf(call.Args[0])])
			}
		}
		sites = append(sites, s)
		return true
	}))
	return sites
}

// body returns what the calls under n reach, one effect per capability.
func (e *effects) body(n ast.Node, scope *guard.Scope) []Effect {
	return e.reach(e.callSites(n, scope))
}

// reach returns what the calls reach, one effect per capability.
func (e *effects) reach(sites []callSite) []Effect {
	var all []Effect
	for _, s := range sites {
		if s.local {
			all = append(all, e.call(s.call, s.guard)...)
		} else {
			all = append(all, s.fixed...)
		}
	}
	out := oneEach(all)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Pos != out[j].Pos {
			return out[i].Pos < out[j].Pos
		}
		return out[i].Capability < out[j].Capability
	})
	return out
}

// oneEach keeps one effect per capability, in the order they first come:
// the one a reviewer must see, a side effect before a read, then the
// least guarded, then the first. A guarded write beside an unguarded
// read of the same capability is a guarded write.
func oneEach(effs []Effect) []Effect {
	var out []Effect
	index := map[string]int{}
	for _, ef := range effs {
		i, seen := index[ef.Capability]
		if !seen {
			index[ef.Capability] = len(out)
			out = append(out, ef)
			continue
		}
		old := out[i]
		// What the effect acts on is what either acts on.
		targets := mergeTargets(old.Targets, ef.Targets)
		dynamic := old.Dynamic || ef.Dynamic
		if outranks(ef, old) {
			out[i] = ef
		}
		out[i].Targets, out[i].Dynamic = targets, dynamic
	}
	return out
}

// outranks reports whether a is the effect to show rather than b.
func outranks(a, b Effect) bool {
	switch {
	case a.SideEffect != b.SideEffect:
		return a.SideEffect
	case a.Post != b.Post:
		return b.Post // a DELETE says more than a POST
	case a.Guard != b.Guard:
		return a.Guard < b.Guard
	}
	return a.Pos < b.Pos
}

// isSink reports a call of fn that reaches a capability by itself.
func (e *effects) isSink(call *ast.CallExpr, fn *types.Func) bool {
	_, ok := sinks.Of(fn, func(i int) constant.Value { return e.constArg(call, i) })
	return ok
}

// sends reports a call that reaches the network, once per call: what it
// reaches is final once the fixed point is done.
func (e *effects) sends(call *ast.CallExpr) bool {
	s, seen := e.sent[call]
	if !seen {
		s = slices.ContainsFunc(e.call(call, guard.None), func(ef Effect) bool { return ef.Capability == "net.outbound" })
		e.sent[call] = s
	}
	return s
}

// call returns what one call reaches.
func (e *effects) call(call *ast.CallExpr, site guard.Kind) []Effect {
	fn, ok := typeutil.Callee(e.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return nil
	}
	at := func(ef FactEffect, via string) Effect {
		return Effect{ef.Capability, ef.SideEffect, max(site, ef.Guard), call.Pos(), call.End(), via, ef.Targets, ef.Dynamic, ef.Post}
	}
	if s, ok := sinks.Of(fn, func(i int) constant.Value { return e.constArg(call, i) }); ok {
		ef := FactEffect{Capability: s.Capability, SideEffect: s.SideEffect, Dynamic: s.Dynamic, Post: s.Post}
		if s.Target != "" {
			ef.Targets = []string{s.Target}
		}
		return []Effect{at(ef, agentapi.ShortName(fn))}
	}
	if effs, ok := e.memo[fn]; ok {
		out := make([]Effect, len(effs))
		for i, ef := range effs {
			out[i] = at(ef.fact(), agentapi.ShortName(fn)+" → "+ef.Via)
		}
		return out
	}
	if impls := e.impls.of(fn); impls != nil {
		var out []Effect
		for _, m := range impls {
			// What function finds in a fact names m already.
			_, local := e.memo[m.Origin()]
			for _, ef := range e.function(m, call) {
				via := ef.Via
				if local {
					via = agentapi.ShortName(m) + " → " + via
				}
				out = append(out, at(ef.fact(), agentapi.ShortName(fn)+" → "+via))
			}
		}
		return out
	}
	var fact Reaches
	if fn.Pkg() != nil && fn.Pkg() != e.pass.Pkg && !sinks.Quiet(fn.Pkg().Path()) && e.pass.ImportObjectFact(fn.Origin(), &fact) {
		out := make([]Effect, len(fact.Effects))
		for i, ef := range fact.Effects {
			out[i] = at(ef, agentapi.ShortName(fn)+" → "+ef.Via)
		}
		return out
	}
	return nil
}

// localImplementation reports a call through an interface that one of
// this package's own methods implements, whose effects the fixed point
// is still finding.
func (e *effects) localImplementation(fn *types.Func) bool {
	for _, m := range e.impls.of(fn) {
		if _, own := e.decls[m.Origin()]; own {
			return true
		}
	}
	return false
}

// function returns what a function reaches, whatever package it is in.
func (e *effects) function(fn *types.Func, at ast.Expr) []Effect {
	fn = fn.Origin()
	if effs, ok := e.memo[fn]; ok {
		return effs
	}
	var fact Reaches
	if fn.Pkg() != e.pass.Pkg && !sinks.Quiet(fn.Pkg().Path()) && e.pass.ImportObjectFact(fn, &fact) {
		out := make([]Effect, len(fact.Effects))
		for i, ef := range fact.Effects {
			out[i] = Effect{ef.Capability, ef.SideEffect, ef.Guard, at.Pos(), at.End(), agentapi.ShortName(fn) + " → " + ef.Via, ef.Targets, ef.Dynamic, ef.Post}
		}
		return out
	}
	return nil
}

func (e *effects) constArg(call *ast.CallExpr, i int) constant.Value {
	if i >= len(call.Args) {
		return nil
	}
	return e.pass.TypesInfo.Types[call.Args[i]].Value
}

// sameEffects compares all but the Via of effects: a recursive function
// would otherwise lengthen its Via on every round.
func sameEffects(a, b []Effect) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Capability != y.Capability || x.SideEffect != y.SideEffect || x.Guard != y.Guard ||
			x.Pos != y.Pos || x.End != y.End || x.Dynamic != y.Dynamic || x.Post != y.Post || !slices.Equal(x.Targets, y.Targets) {
			return false
		}
	}
	return true
}

// sendsRequest are the calls that send an *http.Request built before.
var sendsRequest = map[string]bool{
	"(*net/http.Client).Do":           true,
	"(*net/http.Transport).RoundTrip": true,
}

// removes reports os.Remove and os.RemoveAll, by package and name: every
// call of every body asks, and FullName would build a string each time.
func removes(fn *types.Func) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "os" && (fn.Name() == "Remove" || fn.Name() == "RemoveAll") &&
		fn.Type().(*types.Signature).Recv() == nil
}

// tempPaths returns the variables under n that hold a temporary file or
// directory made there: the *os.File of os.CreateTemp, the path of
// os.MkdirTemp, and the Name of such a file.
func tempPaths(info *types.Info, n ast.Node) map[types.Object]bool {
	temps := map[types.Object]bool{}
	for changed := true; changed; {
		changed = false
		ast.Inspect(n, func(x ast.Node) bool {
			as, ok := x.(*ast.AssignStmt)
			if !ok || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
				return true
			}
			obj := info.ObjectOf(identOf(as.Lhs[0]))
			if obj == nil || temps[obj] {
				return true
			}
			call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
			if !ok {
				return true
			}
			if fn, ok := typeutil.Callee(info, call).(*types.Func); ok && (fn.FullName() == "os.CreateTemp" || fn.FullName() == "os.MkdirTemp") || isTempPath(info, temps, call) {
				temps[obj], changed = true, true
			}
			return true
		})
	}
	return temps
}

// isTempPath reports a temporary path: a variable of temps, or the Name
// of a temporary file.
func isTempPath(info *types.Info, temps map[types.Object]bool, e ast.Expr) bool {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 0 {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if fn, ok := typeutil.Callee(info, call).(*types.Func); ok && fn.FullName() == "(*os.File).Name" {
				return temps[info.ObjectOf(identOf(sel.X))]
			}
		}
		return false
	}
	return temps[info.ObjectOf(identOf(e))]
}

// requestMethods maps the requests built under n with http.NewRequest or
// NewRequestWithContext to their method, "" when it is not a constant.
func requestMethods(info *types.Info, n ast.Node) map[types.Object]string {
	methods := map[types.Object]string{}
	ast.Inspect(n, func(x ast.Node) bool {
		as, ok := x.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
			return true
		}
		call, ok := as.Rhs[0].(*ast.CallExpr)
		if !ok {
			return true
		}
		fn, ok := typeutil.Callee(info, call).(*types.Func)
		if !ok {
			return true
		}
		arg := -1
		switch fn.FullName() {
		case "net/http.NewRequest":
			arg = 0
		case "net/http.NewRequestWithContext":
			arg = 1
		}
		if arg < 0 || arg >= len(call.Args) {
			return true
		}
		obj := info.ObjectOf(identOf(as.Lhs[0]))
		if obj == nil {
			return true
		}
		method := ""
		if v := info.Types[call.Args[arg]].Value; v != nil && v.Kind() == constant.String {
			method = strings.ToUpper(constant.StringVal(v))
		}
		if old, seen := methods[obj]; seen && old != method {
			method = "" // built twice, two ways
		}
		methods[obj] = method
		return true
	})
	return methods
}

// byMethod makes a request's effect a read when its method only reads
// (GET, HEAD, OPTIONS), a send when it is another constant (a POST marked
// as one), and says so when the method is not known, which is not taken
// for a write.
func byMethod(effs []Effect, methods map[types.Object]string, req types.Object) []Effect {
	method, known := methods[req]
	out := make([]Effect, len(effs))
	for i, ef := range effs {
		if ef.Capability == "net.outbound" {
			switch {
			case !known || method == "":
				ef.SideEffect = false
				ef.Via += " (method not a constant)"
			case method == "GET" || method == "HEAD" || method == "OPTIONS":
				ef.SideEffect = false
			default:
				ef.SideEffect, ef.Post = true, method == "POST"
			}
		}
		out[i] = ef
	}
	return out
}

// fact is the effect without its position, as a fact holds it.
func (ef Effect) fact() FactEffect {
	return FactEffect{ef.Capability, ef.SideEffect, ef.Guard, ef.Via, ef.Targets, ef.Dynamic, ef.Post}
}

// mergeTargets is the sorted union of two lists of targets.
func mergeTargets(a, b []string) []string {
	if len(b) == 0 {
		return a
	}
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return slices.Compact(out)
}
