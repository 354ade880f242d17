package toolsurface

import (
	_ "embed"
	"fmt"
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
	texts := pass.ResultOf[modeltext.Analyzer].(*modeltext.Result).Texts
	consts := constTexts(pass, texts)
	decls := funcDecls(pass)
	sites := siteOrder(tools)
	for _, t := range tools {
		s := Surface{Handler: t.HandlerName}
		if t.Site != "" {
			s.Description = strings.Join(written(texts, t.Site, sites), "\n")
			s.Schema = t.Schema
			res.Of[t] = s
			continue
		}
		descs := inSpan(pass, t, texts, consts, decls)
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
		s.Schema = canon.Schema(pass, nodeAt(pass, t.Pos, t.End), omit, handler)
		res.Of[t] = s
	}
	return res, nil
}

// inSpan is the texts written in the expression that builds a tool, and
// those of the constants it names, in source order.
func inSpan(pass *analysis.Pass, t *agent.Tool, texts []*modeltext.Text, consts map[types.Object]*modeltext.Text, decls map[*types.Func]*ast.FuncDecl) []string {
	type placed struct {
		at    token.Pos
		value string
	}
	var found []placed
	within := func(at, pos, end token.Pos) {
		for _, x := range texts {
			if _, elsewhere := x.Written(); !elsewhere && pos <= x.Expr().Pos() && x.Expr().End() <= end {
				found = append(found, placed{at + x.Expr().Pos() - pos, x.Value})
			}
		}
	}
	within(t.Pos, t.Pos, t.End)
	if n := nodeAt(pass, t.Pos, t.End); n != nil {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				if x := consts[pass.TypesInfo.Uses[n]]; x != nil {
					found = append(found, placed{n.Pos(), x.Value})
				}
			case *ast.CallExpr:
				// A function of the package that returns a description
				// (grafana's describeEvaluators(true)): its texts, in
				// the order written there, at the call.
				if fd := decls[typeutil.StaticCallee(pass.TypesInfo, n)]; fd != nil {
					within(n.Pos(), fd.Pos(), fd.End())
				}
			}
			return true
		})
	}
	slices.SortFunc(found, func(a, b placed) int { return int(a.at - b.at) })
	var out []string
	for _, p := range found {
		out = append(out, p.value)
	}
	return out
}

// constTexts maps the package's constants whose declarations are texts
// to those texts.
func constTexts(pass *analysis.Pass, texts []*modeltext.Text) map[types.Object]*modeltext.Text {
	at := map[ast.Expr]*modeltext.Text{}
	for _, x := range texts {
		at[x.Expr()] = x
	}
	out := map[types.Object]*modeltext.Text{}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, v := range vs.Values {
					if x := at[v]; x != nil && i < len(vs.Names) {
						out[pass.TypesInfo.Defs[vs.Names[i]]] = x
					}
				}
			}
		}
	}
	return out
}

// funcDecls maps the package's functions to their declarations.
func funcDecls(pass *analysis.Pass) map[*types.Func]*ast.FuncDecl {
	out := map[*types.Func]*ast.FuncDecl{}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					out[fn] = fd
				}
			}
		}
	}
	return out
}

// nodeAt is the expression that spans exactly [pos, end), found from the
// file's root down.
func nodeAt(pass *analysis.Pass, pos, end token.Pos) ast.Expr {
	for _, f := range pass.Files {
		if f.FileStart > pos || pos >= f.FileEnd {
			continue
		}
		var found ast.Expr
		ast.Inspect(f, func(n ast.Node) bool {
			if found != nil || n == nil || n.End() < pos || n.Pos() > pos {
				return false
			}
			if e, ok := n.(ast.Expr); ok && n.Pos() == pos && n.End() == end {
				found = e
				return false
			}
			return true
		})
		return found
	}
	return nil
}

// siteOrder lists, for each file, where the tools built in other
// packages are built there, in order.
func siteOrder(tools []*agent.Tool) map[string][]place {
	out := map[string][]place{}
	for _, t := range tools {
		if p, ok := parsePlace(t.Site); ok {
			p.file = modeltext.ShortFile(p.file)
			out[p.file] = append(out[p.file], p)
		}
	}
	for _, ps := range out {
		slices.SortFunc(ps, comparePlace)
	}
	return out
}

// written is the texts of literals of another package that lie between
// the site's literal and the next site in its file: the literal's own.
func written(texts []*modeltext.Text, site string, sites map[string][]place) []string {
	start, ok := parsePlace(site)
	if !ok {
		return nil
	}
	start.file = modeltext.ShortFile(start.file)
	ps := sites[start.file]
	i := slices.IndexFunc(ps, func(p place) bool { return p == start })
	var next *place
	if i >= 0 && i+1 < len(ps) {
		next = &ps[i+1]
	}
	type placed struct {
		at    place
		value string
	}
	var found []placed
	for _, x := range texts {
		w, ok := x.Written()
		if !ok || w.File != start.file {
			continue
		}
		p := place{w.File, w.Line, w.Col}
		if comparePlace(p, start) >= 0 && (next == nil || comparePlace(p, *next) < 0) {
			found = append(found, placed{p, x.Value})
		}
	}
	slices.SortFunc(found, func(a, b placed) int { return comparePlace(a.at, b.at) })
	var out []string
	for _, p := range found {
		out = append(out, p.value)
	}
	return out
}

type place struct {
	file      string
	line, col int
}

func parsePlace(at string) (place, bool) {
	var p place
	i := strings.LastIndexByte(at, ':')
	j := strings.LastIndexByte(at[:max(i, 0)], ':')
	if j < 0 {
		return p, false
	}
	if _, err := fmt.Sscanf(at[j+1:], "%d:%d", &p.line, &p.col); err != nil {
		return p, false
	}
	p.file = at[:j]
	return p, true
}

func comparePlace(a, b place) int {
	if c := strings.Compare(a.file, b.file); c != 0 {
		return c
	}
	if a.line != b.line {
		return a.line - b.line
	}
	return a.col - b.col
}
