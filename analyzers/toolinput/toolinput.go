package toolinput

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
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
	Name:     "toolinput",
	Doc:      analysisdoc.Get(doc, "toolinput"),
	URL:      ruledoc.URL(RuleID),
	Requires: []*analysis.Analyzer{agent.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[agent.Analyzer].(*agent.Result)
	ctx := agentapi.LookupInterface(pass.Pkg, "context.Context")
	seen := map[ast.Node]bool{} // a handler of two tools is looked at once
	for _, t := range res.Tools {
		for _, f := range t.Funcs {
			if seen[f.Body] {
				continue
			}
			seen[f.Body] = true
			h := &handler{info: pass.TypesInfo, input: map[types.Object]ast.Expr{}}
			h.params(f.Type, ctx)
			h.follow(f.Body)
			scope := guard.Scan(pass.TypesInfo, f.Body, nil)
			ast.Inspect(f.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
				if !ok {
					return true
				}
				args, what := sinks.Inputs(fn, len(call.Args))
				for _, i := range args {
					src := h.from(call.Args[i])
					if src == nil || scope.Guard(call) >= guard.Resource || what == "URL" && fixedHost(pass.TypesInfo, call.Args[i]) {
						continue
					}
					pass.Report(analysis.Diagnostic{
						Pos: call.Args[i].Pos(), End: call.Args[i].End(), Category: RuleID,
						Message: fmt.Sprintf("tool %s passes the model's input (%s) to %s's %s with no check that decides whether the call happens; check it first (a fixed allowlist, a path kept inside a root after filepath.Clean)",
							t.Label(), types.ExprString(src), fn.Name(), what),
						Related: []analysis.RelatedInformation{{Pos: src.Pos(), End: src.End(), Message: "the model's input"}},
					})
					break
				}
				return true
			})
		}
	}
	return nil, nil
}

// fixedHost reports a URL whose scheme and host are a constant the model's
// input only follows: "https://api.example.com/items/" + id, or
// fmt.Sprintf("https://api.example.com/items/%s", id). The input then
// chooses a path on a host the code chose, not where the request goes.
func fixedHost(info *types.Info, e ast.Expr) bool {
	e = ast.Unparen(e)
	for {
		b, ok := e.(*ast.BinaryExpr)
		if !ok || b.Op != token.ADD {
			break
		}
		e = ast.Unparen(b.X)
	}
	if call, ok := e.(*ast.CallExpr); ok {
		if fn, ok := typeutil.Callee(info, call).(*types.Func); ok && fn.FullName() == "fmt.Sprintf" && len(call.Args) > 0 {
			e = call.Args[0]
		}
	}
	v := info.Types[e].Value
	if v == nil || v.Kind() != constant.String {
		return false
	}
	prefix := constant.StringVal(v)
	if i := strings.Index(prefix, "%"); i >= 0 {
		prefix = prefix[:i]
	}
	_, rest, ok := strings.Cut(prefix, "://")
	return ok && strings.Contains(rest, "/") && !strings.HasPrefix(rest, "/")
}

// A handler tracks which of a handler's variables hold the model's input,
// each with the expression it came from.
type handler struct {
	info  *types.Info
	input map[types.Object]ast.Expr
}

// params marks the handler's parameters that are the model's input: all
// but contexts and the framework's request, whose methods and argument
// fields are followed instead.
func (h *handler) params(ft *ast.FuncType, ctx *types.Interface) {
	for _, field := range ft.Params.List {
		for _, name := range field.Names {
			obj := h.info.Defs[name]
			if obj == nil || isRequest(obj.Type()) {
				continue
			}
			if ctx != nil && (types.Implements(obj.Type(), ctx) || types.Implements(types.NewPointer(obj.Type()), ctx)) {
				continue
			}
			h.input[obj] = name
		}
	}
}

// follow marks the variables assigned from the input, in the body and
// the function literals in it, to a fixpoint.
func (h *handler) follow(body *ast.BlockStmt) {
	for changed := true; changed; {
		changed = false
		mark := func(lhs ast.Expr, rhs ast.Expr) {
			id, ok := ast.Unparen(lhs).(*ast.Ident)
			if !ok {
				return
			}
			obj := h.info.ObjectOf(id)
			if obj == nil {
				return
			}
			if _, known := h.input[obj]; known {
				return
			}
			if src := h.from(rhs); src != nil {
				h.input[obj] = src
				changed = true
			}
		}
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					if len(n.Rhs) == len(n.Lhs) {
						mark(l, n.Rhs[i])
					} else if len(n.Rhs) == 1 {
						mark(l, n.Rhs[0])
					}
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if i < len(n.Values) {
						mark(name, n.Values[i])
					} else if len(n.Values) == 1 {
						mark(name, n.Values[0])
					}
				}
			case *ast.RangeStmt:
				if n.Key != nil {
					mark(n.Key, n.X)
				}
				if n.Value != nil {
					mark(n.Value, n.X)
				}
			}
			return true
		})
	}
}

// from returns where the input an expression's value depends on comes
// from, or nil: a variable that holds input, a call of the request's
// methods, or the request's arguments field.
func (h *handler) from(e ast.Expr) ast.Expr {
	var src ast.Expr
	ast.Inspect(e, func(n ast.Node) bool {
		if src != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.Ident:
			if s, ok := h.input[h.info.ObjectOf(n)]; ok {
				src = s
			}
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
				if s := h.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal && isRequest(s.Recv()) {
					src = n // req.GetString("path", "")
				}
			}
		case *ast.SelectorExpr:
			if s := h.info.Selections[n]; s != nil && s.Kind() == types.FieldVal && n.Sel.Name == "Arguments" && isRequestParams(h.info.TypeOf(n.X)) {
				src = n // req.Params.Arguments
			}
		}
		return src == nil
	})
	return src
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
