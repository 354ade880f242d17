package toolsurface

import (
	"cmp"
	_ "embed"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/atflint/atflint/analyzers/agent"
	"github.com/atflint/atflint/analyzers/internal/analysisdoc"
	"github.com/atflint/atflint/analyzers/internal/canon"
	"github.com/atflint/atflint/analyzers/modeltext"
	"github.com/atflint/atflint/internal/position"
)

//go:embed doc.go
var doc string

// Analyzer describes each tool of a package.
var Analyzer = &analysis.Analyzer{
	Name:       "toolsurface",
	Doc:        analysisdoc.Get(doc, "toolsurface"),
	Requires:   []*analysis.Analyzer{agent.Analyzer, modeltext.Analyzer},
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
}

// Result maps each tool of the agent analyzer's result to its surface.
type Result struct {
	Of map[*agent.Tool]Surface
}

// A Surface is what atflint.lock pins of a tool.
type Surface struct {
	// Description is the text the model reads about the tool, its texts
	// joined by newlines; "" when none was found.
	Description string
	// Schema is what its input is built from, canonically; "" when it
	// is not known.
	Schema string
	// Handler names its handler; "" when none was found.
	Handler string
}

func run(pass *analysis.Pass) (any, error) {
	tools := pass.ResultOf[agent.Analyzer].(*agent.Result).Tools
	res := &Result{Of: map[*agent.Tool]Surface{}}
	if len(tools) == 0 {
		return res, nil
	}
	sf := newSurfacer(pass, tools)
	for _, t := range tools {
		s := Surface{Handler: t.HandlerName}
		if t.Site != "" {
			s.Description = strings.Join(sf.written(t.Site), "\n")
			s.Schema = t.Schema
			res.Of[t] = s
			continue
		}
		built := sf.built[span{t.Pos, t.End}]
		descs := sf.inSpan(built)
		s.Description = strings.Join(descs, "\n")
		omit := func(e ast.Expr) bool {
			tv, ok := pass.TypesInfo.Types[e]
			if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
				return false
			}
			v := constant.StringVal(tv.Value)
			return v == t.Name || slices.Contains(descs, v)
		}
		var handler *ast.FuncType
		if len(t.Funcs) > 0 {
			handler = t.Funcs[0].Type
		}
		s.Schema = canon.Schema(pass, built, omit, handler)
		res.Of[t] = s
	}
	return res, nil
}

type span struct{ pos, end token.Pos }

// A surfacer holds what one walk of the package finds for all its tools.
type surfacer struct {
	pass *analysis.Pass
	// local are the texts written in this package, in source order;
	// elsewhere those written in other packages' literals.
	local, elsewhere []*modeltext.Text
	// consts maps the constants whose declarations are texts to them;
	// decls the package's functions to their declarations.
	consts map[types.Object]*modeltext.Text
	decls  map[*types.Func]*ast.FuncDecl
	// built is the expression that builds each tool of this package.
	built map[span]ast.Expr
	// sites lists, per file, where the tools built in other packages
	// are built, in order.
	sites map[string][]token.Position
}

func newSurfacer(pass *analysis.Pass, tools []*agent.Tool) *surfacer {
	sf := &surfacer{pass: pass, consts: map[types.Object]*modeltext.Text{}, decls: map[*types.Func]*ast.FuncDecl{},
		built: map[span]ast.Expr{}, sites: map[string][]token.Position{}}
	constAt := map[ast.Expr]*modeltext.Text{}
	for _, x := range pass.ResultOf[modeltext.Analyzer].(*modeltext.Result).Texts {
		if _, ok := x.Written(); ok {
			sf.elsewhere = append(sf.elsewhere, x)
		} else {
			sf.local = append(sf.local, x)
			constAt[x.Expr()] = x
		}
	}
	slices.SortFunc(sf.local, func(a, b *modeltext.Text) int { return int(a.Expr().Pos() - b.Expr().Pos()) })
	for _, t := range tools {
		if t.Site == "" {
			sf.built[span{t.Pos, t.End}] = nil
		} else {
			p := position.Parse(t.Site)
			p.Filename = modeltext.ShortFile(p.Filename)
			sf.sites[p.Filename] = append(sf.sites[p.Filename], p)
		}
	}
	for _, ps := range sf.sites {
		slices.SortFunc(ps, comparePosition)
	}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if fn, ok := pass.TypesInfo.Defs[d.Name].(*types.Func); ok && d.Body != nil {
					sf.decls[fn] = d
				}
			case *ast.GenDecl:
				if d.Tok != token.CONST {
					break
				}
				for _, spec := range d.Specs {
					vs := spec.(*ast.ValueSpec)
					for i, v := range vs.Values {
						if x := constAt[v]; x != nil && i < len(vs.Names) {
							sf.consts[pass.TypesInfo.Defs[vs.Names[i]]] = x
						}
					}
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if e, ok := n.(ast.Expr); ok {
				if _, want := sf.built[span{e.Pos(), e.End()}]; want && sf.built[span{e.Pos(), e.End()}] == nil {
					sf.built[span{e.Pos(), e.End()}] = e
				}
			}
			return true
		})
	}
	return sf
}

// inSpan is the texts written in the expression that builds a tool, those
// of the constants it names, and those of the package's functions it
// calls (grafana's describeEvaluators(true)), in source order.
func (sf *surfacer) inSpan(built ast.Expr) []string {
	if built == nil {
		return nil
	}
	type placed struct {
		at    token.Pos
		value string
	}
	var found []placed
	// within adds the texts in [pos, end), placed as if written at at.
	within := func(at, pos, end token.Pos) {
		i, _ := slices.BinarySearchFunc(sf.local, pos, func(x *modeltext.Text, p token.Pos) int { return int(x.Expr().Pos() - p) })
		for ; i < len(sf.local) && sf.local[i].Expr().Pos() < end; i++ {
			if x := sf.local[i]; x.Expr().End() <= end {
				found = append(found, placed{at + x.Expr().Pos() - pos, x.Value})
			}
		}
	}
	within(built.Pos(), built.Pos(), built.End())
	ast.Inspect(built, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if x := sf.consts[sf.pass.TypesInfo.Uses[n]]; x != nil {
				found = append(found, placed{n.Pos(), x.Value})
			}
		case *ast.CallExpr:
			if fd := sf.decls[typeutil.StaticCallee(sf.pass.TypesInfo, n)]; fd != nil {
				within(n.Pos(), fd.Pos(), fd.End())
			}
		}
		return true
	})
	slices.SortStableFunc(found, func(a, b placed) int { return int(a.at - b.at) })
	var out []string
	for _, p := range found {
		out = append(out, p.value)
	}
	return out
}

// written is the texts of literals of another package that lie between
// a site's literal and the next site in its file: the literal's own.
func (sf *surfacer) written(site string) []string {
	start := position.Parse(site)
	start.Filename = modeltext.ShortFile(start.Filename)
	ps := sf.sites[start.Filename]
	var next *token.Position
	if i := slices.Index(ps, start); i >= 0 && i+1 < len(ps) {
		next = &ps[i+1]
	}
	type placed struct {
		at    token.Position
		value string
	}
	var found []placed
	for _, x := range sf.elsewhere {
		w, _ := x.Written()
		p := token.Position{Filename: w.File, Line: w.Line, Column: w.Col}
		if p.Filename == start.Filename && comparePosition(p, start) >= 0 && (next == nil || comparePosition(p, *next) < 0) {
			found = append(found, placed{p, x.Value})
		}
	}
	slices.SortStableFunc(found, func(a, b placed) int { return comparePosition(a.at, b.at) })
	var out []string
	for _, p := range found {
		out = append(out, p.value)
	}
	return out
}

func comparePosition(a, b token.Position) int {
	return cmp.Or(strings.Compare(a.Filename, b.Filename), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
}
