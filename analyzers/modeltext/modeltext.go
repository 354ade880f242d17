package modeltext

import (
	_ "embed"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
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
	if !importsFramework(pass.Pkg) {
		return res, nil
	}
	c := &collector{pass: pass, res: res, seen: map[ast.Expr]bool{}, consts: constDecls(pass)}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
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
	return res, nil
}

type collector struct {
	pass   *analysis.Pass
	res    *Result
	seen   map[ast.Expr]bool // each literal once, however many tools share it
	consts map[*types.Const]ast.Expr
}

// call reads the description arguments of a framework function: the
// string parameters its declaration names for one.
func (c *collector) call(call *ast.CallExpr) {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil || !agentapi.IsFrameworkPackage(fn.Pkg().Path()) {
		return
	}
	sig := fn.Signature()
	for i := 0; i < sig.Params().Len() && i < len(call.Args); i++ {
		p := sig.Params().At(i)
		if sig.Variadic() && i == sig.Params().Len()-1 {
			break
		}
		if describes(p.Name()) && isString(p.Type()) {
			c.add(call.Args[i])
		}
	}
}

// literal reads the Description (or Desc) field of a framework struct.
func (c *collector) literal(lit *ast.CompositeLit) {
	key := agentapi.TypeName(c.pass.TypesInfo.TypeOf(lit))
	if key == "" || !agentapi.IsFrameworkPackage(agentapi.PackageOf(key)) {
		return
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); ok && (id.Name == "Description" || id.Name == "Desc") {
			c.add(kv.Value)
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
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false // its returns are its own
			case *ast.ReturnStmt:
				if len(n.Results) == 1 {
					c.add(n.Results[0])
				}
			}
			return true
		})
		return
	}
}

// add records the constant string e is, at the literal it is written as.
func (c *collector) add(e ast.Expr) {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		// A wrapper of one constant, as openai.String("...") is.
		if fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func); ok && fn.Pkg() != nil && agentapi.IsFrameworkPackage(fn.Pkg().Path()) {
			e = ast.Unparen(call.Args[0])
		}
	}
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return
	}
	if obj := constOf(c.pass.TypesInfo, e); obj != nil {
		if decl, ok := c.consts[obj]; ok {
			c.add(decl)
			return
		}
	}
	if c.seen[e] {
		return
	}
	c.seen[e] = true
	t := &Text{Value: constant.StringVal(tv.Value), expr: e}
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
