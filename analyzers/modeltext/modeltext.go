package modeltext

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/atflint/atflint/analyzers/internal/agentapi"
	"github.com/atflint/atflint/analyzers/internal/analysisdoc"
)

//go:embed doc.go
var doc string

// Analyzer finds the descriptions a package gives the model.
var Analyzer = &analysis.Analyzer{
	Name:       "modeltext",
	Doc:        analysisdoc.Get(doc, "modeltext"),
	Requires:   []*analysis.Analyzer{inspect.Analyzer},
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{(*Describes)(nil), (*DescribesField)(nil)},
}

// Result is what the model reads of a package's tools.
type Result struct {
	Texts []*Text
}

// A Text is one constant string the model reads.
type Text struct {
	Value string
	// lit is the string literal Value is written as, when it is one;
	// else Value is the constant value of the expression at expr.
	lit  *ast.BasicLit
	expr ast.Expr
}

// Pos is where the byte at offset i of Value is written: inside the
// literal, or at the expression whose value it is.
func (t *Text) Pos(i int) token.Pos {
	if t.lit == nil {
		return t.expr.Pos()
	}
	return t.lit.Pos() + token.Pos(sourceOffset(t.lit.Value, i))
}

// End is where the text's expression ends.
func (t *Text) End() token.Pos { return t.expr.End() }

// sourceOffset maps offset i of a string literal's value to the offset
// in its source text, quotes and escapes counted.
func sourceOffset(src string, i int) int {
	if strings.HasPrefix(src, "`") {
		// A raw string's value is its text without carriage returns.
		off := 1
		for n := 0; n < i && off < len(src); off++ {
			if src[off] != '\r' {
				n++
			}
		}
		return off
	}
	body := src[1 : len(src)-1]
	for n := 0; n < i && body != ""; {
		r, multi, tail, err := strconv.UnquoteChar(body, '"')
		if err != nil {
			break
		}
		if r < utf8.RuneSelf || !multi {
			n++
		} else {
			n += utf8.RuneLen(r)
		}
		body = tail
	}
	return len(src) - 1 - len(body)
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{}
	params, decls := funcsOf(pass)
	c := &collector{params: params, decls: decls, pass: pass, res: res, seen: map[ast.Expr]bool{}, consts: constDecls(pass),
		returned: map[*ast.FuncDecl]bool{}, funcs: map[*types.Func]*Describes{}, fields: map[*types.Var]bool{}}
	for _, f := range pass.AllObjectFacts() {
		switch fact := f.Fact.(type) {
		case *Describes:
			if fn, ok := f.Object.(*types.Func); ok {
				c.funcs[fn] = fact
			}
		case *DescribesField:
			if v, ok := f.Object.(*types.Var); ok {
				c.fields[v] = true
			}
		}
	}
	if !importsFramework(pass.Pkg) && len(c.funcs) == 0 && len(c.fields) == 0 {
		return res, nil
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	// A wrapper found to pass its parameter on makes the calls of it
	// slots too, and those may be in wrappers of their own: walk until
	// no new slot is found.
	for marks := -1; marks != c.marks; {
		marks = c.marks
		ins.Preorder([]ast.Node{(*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.FuncDecl)(nil)}, func(n ast.Node) {
			switch n := n.(type) {
			case *ast.CallExpr:
				c.call(n)
			case *ast.CompositeLit:
				c.literal(n)
			case *ast.FuncDecl:
				c.method(n)
			}
		})
	}
	for fn, fact := range c.funcs {
		if fn.Pkg() == pass.Pkg {
			pass.ExportObjectFact(fn, fact)
		}
	}
	for v := range c.fields {
		if v.Pkg() == pass.Pkg {
			pass.ExportObjectFact(v, &DescribesField{})
		}
	}
	return res, nil
}

// Describes is the fact of a project function that passes some of its
// parameters to a framework as descriptions (grafana's
// MustTool(name, description, handler)): its calls are slots too.
type Describes struct {
	Params []int
}

func (*Describes) AFact() {}

func (d *Describes) String() string { return fmt.Sprintf("describes params %v", d.Params) }

// DescribesField is the fact of a project struct field whose value a
// framework is given as a description: the literals that set it are
// slots.
type DescribesField struct{}

func (*DescribesField) AFact() {}

func (*DescribesField) String() string { return "describes" }

type collector struct {
	pass   *analysis.Pass
	res    *Result
	seen   map[ast.Expr]bool // each literal once, however many tools share it
	consts map[*types.Const]ast.Expr
	params map[*types.Var]param
	decls  map[*types.Func]*ast.FuncDecl
	// returned are the functions whose results have been read as slots.
	returned map[*ast.FuncDecl]bool
	funcs    map[*types.Func]*Describes
	fields   map[*types.Var]bool
	marks    int // slots found so far among the project's functions and fields
}

// A param is a function's parameter, by index.
type param struct {
	fn    *types.Func
	index int
}

// call reads the description arguments of a framework function (the
// string parameters its declaration names for one) and of a project
// function that passes them on to one.
func (c *collector) call(call *ast.CallExpr) {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return
	}
	fn = fn.Origin()
	if d, ok := c.funcs[fn]; ok {
		for _, i := range d.Params {
			if i < len(call.Args) {
				c.slot(call.Args[i])
			}
		}
		return
	}
	if !agentapi.IsFrameworkPackage(fn.Pkg().Path()) {
		return
	}
	sig := fn.Signature()
	for i := 0; i < sig.Params().Len() && i < len(call.Args); i++ {
		p := sig.Params().At(i)
		if sig.Variadic() && i == sig.Params().Len()-1 {
			break
		}
		if describes(p.Name()) && isString(p.Type()) {
			c.slot(call.Args[i])
		}
	}
}

// literal reads the description fields of a framework struct (its
// Description or Desc), of a JSON schema the model is given, and of a
// project struct whose field is passed on as one.
func (c *collector) literal(lit *ast.CompositeLit) {
	key := agentapi.TypeName(c.pass.TypesInfo.TypeOf(lit))
	if key == "" {
		return
	}
	framework := agentapi.IsFrameworkPackage(agentapi.PackageOf(key)) || slices.Contains(agentapi.SchemaPackages, agentapi.PackageOf(key))
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		field, _ := c.pass.TypesInfo.Uses[id].(*types.Var)
		if framework && (id.Name == "Description" || id.Name == "Desc") || field != nil && c.fields[field] {
			c.slot(kv.Value)
		}
	}
}

// method reads what a tool type's description method returns.
func (c *collector) method(fd *ast.FuncDecl) {
	if fd.Recv == nil || fd.Body == nil {
		return
	}
	fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok {
		return
	}
	recv := fn.Signature().Recv().Type()
	for _, ti := range agentapi.ToolInterfaces {
		if ti.DescriptionMethod != fd.Name.Name {
			continue
		}
		iface := agentapi.LookupInterface(c.pass.Pkg, ti.Interface)
		if iface == nil || !types.Implements(recv, iface) && !types.Implements(types.NewPointer(recv), iface) {
			continue
		}
		c.results(fd.Body)
		return
	}
}

// results reads what a function body returns, when it returns one value.
func (c *collector) results(body *ast.BlockStmt) {
	if body == nil {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are its own
		case *ast.ReturnStmt:
			if len(n.Results) == 1 {
				c.slot(n.Results[0])
			}
		}
		return true
	})
}

// slot reads what a slot is given: a constant string is a text, at the
// literal it is written as; a call or a concatenation that builds one
// has its constant parts read (github-mcp-server's t(key, default));
// a project function's parameter or a project struct's field passed on
// is a slot of its own.
func (c *collector) slot(e ast.Expr) {
	e = ast.Unparen(e)
	if tv, ok := c.pass.TypesInfo.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() == constant.String {
			c.text(e, constant.StringVal(tv.Value))
		}
		return
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		for _, arg := range e.Args {
			c.slot(arg)
		}
		// What a function of the package returns is what the call
		// gives: grafana's describeEvaluators(true).
		if fn, ok := typeutil.Callee(c.pass.TypesInfo, e).(*types.Func); ok {
			if fd := c.decls[fn.Origin()]; fd != nil && !c.returned[fd] {
				c.returned[fd] = true
				c.results(fd.Body)
			}
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			c.slot(e.X)
			c.slot(e.Y)
		}
	case *ast.Ident:
		v, _ := c.pass.TypesInfo.Uses[e].(*types.Var)
		if p, ok := c.params[v]; ok {
			d := c.funcs[p.fn]
			if d == nil {
				d = &Describes{}
				c.funcs[p.fn] = d
			}
			if !slices.Contains(d.Params, p.index) {
				d.Params = append(d.Params, p.index)
				c.marks++
			}
		}
	case *ast.SelectorExpr:
		if v, ok := c.pass.TypesInfo.Uses[e.Sel].(*types.Var); ok && v.IsField() && v.Pkg() == c.pass.Pkg && !c.fields[v] {
			c.fields[v] = true
			c.marks++
		}
	}
}

// text records a constant string, at its declaration when it is a named
// constant of the package.
func (c *collector) text(e ast.Expr, value string) {
	if obj := constOf(c.pass.TypesInfo, e); obj != nil {
		if decl, ok := c.consts[obj]; ok {
			c.slot(decl)
			return
		}
	}
	if c.seen[e] {
		return
	}
	c.seen[e] = true
	t := &Text{Value: value, expr: e}
	if lit, ok := e.(*ast.BasicLit); ok {
		t.lit = lit
	}
	c.res.Texts = append(c.res.Texts, t)
}

// constOf is the named constant e refers to, if it is one.
func constOf(info *types.Info, e ast.Expr) *types.Const {
	switch e := e.(type) {
	case *ast.Ident:
		obj, _ := info.Uses[e].(*types.Const)
		return obj
	case *ast.SelectorExpr:
		obj, _ := info.Uses[e.Sel].(*types.Const)
		return obj
	}
	return nil
}

// constDecls maps the package's constants to the expressions they are
// declared with, so that a text is reported where it is written.
func constDecls(pass *analysis.Pass) map[*types.Const]ast.Expr {
	m := map[*types.Const]ast.Expr{}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if obj, ok := pass.TypesInfo.Defs[name].(*types.Const); ok && i < len(vs.Values) {
						m[obj] = vs.Values[i]
					}
				}
			}
		}
	}
	return m
}

// funcsOf maps the package's functions to their declarations, and
// their parameters to them.
func funcsOf(pass *analysis.Pass) (map[*types.Var]param, map[*types.Func]*ast.FuncDecl) {
	params, decls := map[*types.Var]param{}, map[*types.Func]*ast.FuncDecl{}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			decls[fn] = fd
			ps := fn.Signature().Params()
			for i := range ps.Len() {
				params[ps.At(i)] = param{fn, i}
			}
		}
	}
	return params, decls
}

// describes reports a parameter a framework names for a description:
// description, desc, toolDesc.
func describes(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, "description") || strings.HasSuffix(n, "desc")
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// importsFramework reports whether the package imports a framework
// directly: only then does it hand descriptions to one.
func importsFramework(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if agentapi.IsFrameworkPackage(imp.Path()) {
			return true
		}
	}
	return false
}
