// Package agent is the analysis the atflint analyzers share: it finds the
// tools a package registers with the Go agent frameworks, what each tool's
// handler reaches and whether a guard stands before it, the servers and
// agents the package builds and their names, maturity levels written in
// code, and the ATF manifest the package belongs to. What a function
// reaches is exported as a fact, so a helper in another package counts.
package agent

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
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
	FactTypes:  []analysis.Fact{new(Reaches), new(Exits), new(Decides), new(ToolWrapper), new(Carriers), new(Candidates)},
	ResultType: reflect.TypeFor[*Result](),
}

// Result is the agent code of one package.
type Result struct {
	Tools []*Tool
	// Unresolved are the registrations whose tools were not followed.
	Unresolved []*Unresolved
	Identities []*Identity
	Levels     []*Level
	// Manifest is the ATF manifest the package belongs to; nil when there
	// is none, or when the package has no agent code.
	Manifest *Manifest
	// Under is the ATF manifest the package's directory and import path
	// link it to, agent code or not: where its controls (a rate limiter,
	// signal handling) count. Nil when there is none.
	Under *Manifest
	// Deciders tells which functions' results are decisions, and of
	// which kind; nil in the standard library and the frameworks.
	Deciders guard.Deciders
	// Sends reports a call of the package that sends a request over the
	// network, directly or through what it calls: what it returns is the
	// remote's answer. Nil in the standard library.
	Sends func(*ast.CallExpr) bool
	// Own: the package is code being checked, not the standard library
	// and not a versioned dependency, whose helpers need not be
	// summarised beyond what Reaches says.
	Own bool
}

// A Tool is one tool the package registers.
type Tool struct {
	Name      string // "" when the name is not a constant
	Framework string
	// Pos and End are where the tool is built: its literal or
	// constructor. A tool built in another package is reported where this
	// one reads it, and Site says where it is built.
	Pos, End token.Pos
	Site     string
	// Registrations are the calls seen to register it, in order: one
	// value may be registered more than once.
	Registrations []Span
	Handler       token.Pos // the handler given with it, when one is found
	// HandlerName names the handler so that renaming the tool keeps it:
	// pkg.listPods, (*pkg.Server).list, pkg.ListIssues.func1; "" when
	// no handler is found or it is none of these.
	HandlerName string
	// Schema, for a tool built in another package (Site set), is what
	// it is built from, written by package canon there.
	Schema string
	// Funcs are the handler's functions declared in this package.
	Funcs []HandlerFunc
	// Confirmed: the framework asks a person before every call.
	Confirmed bool
	// Claims are what its annotations say it does not do.
	Claims  Claims
	Effects []Effect
	// handled: the handler was found, so Effects are all it reaches.
	handled bool
}

// A Span is a node's extent.
type Span struct{ Pos, End token.Pos }

// Related lists where the tool is built and registered, for a finding
// about it.
func (t *Tool) Related() []analysis.RelatedInformation {
	rel := []analysis.RelatedInformation{{Pos: t.Pos, End: t.End, Message: "the tool is built here"}}
	for _, r := range t.Registrations {
		rel = append(rel, analysis.RelatedInformation{Pos: r.Pos, End: r.End, Message: "the tool is registered here"})
	}
	return rel
}

// Label names the tool in a message: "delete_file" in quotes, or a note
// that its name is not a constant.
func (t *Tool) Label() string {
	label := strconv.Quote(t.Name)
	if t.Name == "" {
		label = "(name not a constant)"
	}
	if t.Site != "" {
		label += " (built at " + shortPlace(t.Site) + ")"
	}
	return label
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
	if agentapi.InStandardLibrary(pass.Fset, pass.Files) {
		return res, nil
	}
	res.Own = agentapi.OwnPackage(pass)
	manifest := manifestFor(manifests, packageDir(pass), pass.Pkg.Path())
	res.Under = manifest
	decls := declsOf(pass)
	res.Deciders = decidersOf(pass, decls, manifest)
	eff := newEffects(pass, decls, res.Deciders)
	res.Sends = eff.sends
	if inFramework(pass.Pkg.Path() + "/") {
		return res, nil // a framework's own code builds tools for others
	}
	d := &discovery{
		pass: pass, eff: eff, res: res, expanded: map[ast.Expr]bool{},
		wrappers: map[*types.Func]ToolWrapper{}, carriers: map[carrierKey]string{}, carrierAt: map[carrierKey]ast.Node{},
		origins: map[ast.Expr]origin{}, toolAt: map[ast.Expr]*Tool{},
	}
	d.importCarriers()
	var calls []*ast.CallExpr
	var lits []*ast.CompositeLit
	var registrations []*ast.CallExpr
	framework := agentapi.ReachesFramework(pass.Pkg)
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	ins.WithStack([]ast.Node{(*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.SwitchStmt)(nil), (*ast.TypeSpec)(nil), (*ast.BasicLit)(nil)},
		func(n ast.Node, push bool, stack []ast.Node) bool {
			if !push {
				return true
			}
			if f, ok := stack[0].(*ast.File); ok && agentapi.NotTheAgent(pass.Fset, f) {
				return false
			}
			switch n := n.(type) {
			case *ast.CallExpr:
				calls = append(calls, n)
				if framework {
					if fn, ok := typeutil.Callee(d.info(), n).(*types.Func); ok {
						full := fn.Origin().FullName()
						if _, ok := agentapi.Registrars[full]; ok {
							registrations = append(registrations, n)
						}
						if id, ok := agentapi.Identities[full]; ok {
							d.identity(n, id)
						}
					}
				}
			case *ast.CompositeLit:
				lits = append(lits, n)
				if framework {
					d.declaration(n)
				}
			case *ast.SwitchStmt:
				if framework {
					d.dispatch(n, stack)
				}
			case *ast.TypeSpec:
				if framework {
					d.toolType(n)
				}
			case *ast.BasicLit:
				if framework {
					d.level(n, stack)
				}
			}
			return true
		})
	for _, s := range d.sitesOf(calls, lits) {
		if o := d.origins[s.node]; o.kind == fromComputation {
			if ts := d.rangeTools(s); len(ts) > 0 {
				d.toolAt[s.node] = ts[0] // its registration is followed
				res.Tools = append(res.Tools, ts...)
				continue
			}
		}
		t := d.tool(s, d.origins[s.node])
		d.toolAt[s.node] = t
		res.Tools = append(res.Tools, t)
	}
	for _, call := range registrations {
		fn := typeutil.Callee(d.info(), call).(*types.Func)
		d.registration(call, agentapi.Registrars[fn.Origin().FullName()])
	}
	d.join()
	d.exportCarriers()
	d.exportCandidates(lits)
	d.matchDispatch()
	slices.SortStableFunc(res.Tools, func(a, b *Tool) int { return cmp.Compare(a.Pos, b.Pos) })
	if len(res.Tools)+len(res.Identities)+len(res.Levels) > 0 {
		res.Manifest = manifest
	}
	return res, nil
}

// packageDir is the directory of the package's files.
func packageDir(pass *analysis.Pass) string {
	return filepath.Dir(pass.Fset.File(pass.Files[0].Pos()).Name())
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
	// wrappers are the functions known to build tools from their
	// parameters; carriers the struct fields known to carry tools'
	// names, with their frameworks, and ownCarriers those this package
	// found, at carrierAt.
	wrappers    map[*types.Func]ToolWrapper
	carriers    map[carrierKey]string
	ownCarriers []carrierKey
	carrierAt   map[carrierKey]ast.Node
	// origins is where each site's name comes from; toolAt the tool of
	// each site that is one.
	origins   map[ast.Expr]origin
	toolAt    map[ast.Expr]*Tool
	ctx       *types.Interface
	ctxLooked bool
	// paths holds the nodes from the file down to each node stackAt
	// was asked for.
	paths map[ast.Node][]ast.Node
}

func (d *discovery) info() *types.Info { return d.pass.TypesInfo }
