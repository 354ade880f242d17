package modeltext

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
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
	FactTypes:  []analysis.Fact{(*Describes)(nil), (*DescribesField)(nil), (*Literals)(nil)},
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
	// from is set for a text written in another package, in a literal
	// of a project struct whose field this package gives a framework;
	// expr is then where this package reads the field.
	from *LiteralString
}

// Place is where the byte at offset i of a text written in another
// package is ("toolsets/pods.go:14:22", its column in bytes as go vet
// counts them), "" for a text of this package, whose Pos is its place.
func (t *Text) Place(i int) string {
	if t.from == nil {
		return ""
	}
	line, col := t.from.Line, t.from.Col
	if t.from.Raw == "" {
		return fmt.Sprintf("%s:%d:%d", t.from.File, line, col)
	}
	src := t.from.Raw[:sourceOffset(t.from.Raw, i)]
	if nl := strings.LastIndexByte(src, '\n'); nl >= 0 {
		line += strings.Count(src, "\n")
		col = 1 + len(src[nl+1:])
	} else {
		col += len(src)
	}
	return fmt.Sprintf("%s:%d:%d", t.from.File, line, col)
}

// Pos is where the byte at offset i of Value is written: inside the
// literal, or at the expression whose value it is.
func (t *Text) Pos(i int) token.Pos {
	if t.lit == nil {
		return t.expr.Pos()
	}
	return t.lit.Pos() + token.Pos(sourceOffset(t.lit.Value, i))
}

// Subject names a text in a message about its byte at offset i: "this
// description", or, for one written in another package, "the
// description written at toolsets/pods.go:14:22".
func Subject(t *Text, i int) string {
	if at := t.Place(i); at != "" {
		return "the description written at " + at
	}
	return "this description"
}

// End is where the text's expression ends.
func (t *Text) End() token.Pos { return t.expr.End() }

// Expr is the expression whose value the text is: the literal, the
// constant's declaration, or, for a text written in another package,
// where this package reads the field.
func (t *Text) Expr() ast.Expr { return t.expr }

// Written is where a text written in another package is, and false for
// a text of this package.
func (t *Text) Written() (LiteralString, bool) {
	if t.from == nil {
		return LiteralString{}, false
	}
	return *t.from, true
}

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
		returned: map[*ast.FuncDecl]bool{}, remote: map[fieldKey]ast.Expr{}, funcs: map[*types.Func]*Describes{}, fields: map[*types.Var]bool{}}
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
	if agentapi.OwnPackage(pass) {
		// Before any framework is in sight: a toolset package may import
		// none, and its literals still describe tools.
		defer func() {
			if lits := c.literalStrings(); len(lits) > 0 {
				pass.ExportPackageFact(&Literals{Strings: lits})
			}
		}()
	}
	if !agentapi.ReachesFramework(pass.Pkg) {
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
	c.readImported()
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

// Literals is the package fact of a package's literals of project
// structs that set a field to a string: a toolset package often cannot
// know its literals describe tools, as kubernetes-mcp-server's
// api.Tool{Description: "..."} do; the package that gives the field to a
// framework learns it, and is analysed after.
type Literals struct {
	Strings []LiteralString
}

// A LiteralString is one field of one literal set to a constant string,
// with where it is written and, for a string literal, its source, quotes
// included.
type LiteralString struct {
	Type, Field, Value string
	File               string
	Line, Col          int
	Raw                string
}

func (*Literals) AFact() {}

func (l *Literals) String() string { return fmt.Sprintf("%d literal strings", len(l.Strings)) }

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
	// remote are the fields of other packages' project structs this
	// package gives a framework, each with where it reads one.
	remote map[fieldKey]ast.Expr
}

// A fieldKey is a field of a named struct type, by their names.
type fieldKey struct{ Type, Field string }

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
		v, ok := c.pass.TypesInfo.Uses[e.Sel].(*types.Var)
		switch {
		case !ok || !v.IsField() || c.fields[v]:
		case v.Pkg() == c.pass.Pkg:
			c.fields[v] = true
			c.marks++
		case !agentapi.IsFrameworkPackage(v.Pkg().Path()):
			if sel, ok := c.pass.TypesInfo.Selections[e]; ok {
				key := fieldKey{agentapi.TypeName(declaringType(sel)), v.Name()}
				if _, seen := c.remote[key]; !seen {
					c.remote[key] = e
				}
			}
		}
	}
}

// declaringType is the struct type a selected field is declared in: t.Tool
// when t.Description reaches Description through an embedded Tool.
func declaringType(sel *types.Selection) types.Type {
	t := sel.Recv()
	index := sel.Index()
	for _, i := range index[:len(index)-1] {
		st, ok := deref(t).Underlying().(*types.Struct)
		if !ok {
			return t
		}
		t = st.Field(i).Type()
	}
	return t
}

func deref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// readImported makes texts of the literal strings imported packages
// found in the fields this package gives a framework.
func (c *collector) readImported() {
	if len(c.remote) == 0 {
		return
	}
	facts := c.pass.AllPackageFacts()
	// In the order of the packages' paths: the facts come as a map does.
	slices.SortFunc(facts, func(a, b analysis.PackageFact) int { return strings.Compare(a.Package.Path(), b.Package.Path()) })
	for _, pf := range facts {
		lits, ok := pf.Fact.(*Literals)
		if !ok || pf.Package == c.pass.Pkg {
			continue
		}
		for i := range lits.Strings {
			ls := &lits.Strings[i]
			if sink, ok := c.remote[fieldKey{ls.Type, ls.Field}]; ok {
				c.res.Texts = append(c.res.Texts, &Text{Value: ls.Value, expr: sink, from: ls})
			}
		}
	}
}

// literalStrings lists the package's literals of project structs that set
// an exported string field to a constant, but for the fields already known
// to be descriptions, whose texts are this package's own.
func (c *collector) literalStrings() []LiteralString {
	var out []LiteralString
	for _, f := range c.pass.Files {
		if strings.HasSuffix(c.pass.Fset.File(f.Pos()).Name(), "_test.go") {
			continue // no other package imports a test's literals
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			key := agentapi.TypeName(c.pass.TypesInfo.TypeOf(lit))
			if key == "" || agentapi.IsFrameworkPackage(agentapi.PackageOf(key)) {
				return true
			}
			for _, elt := range lit.Elts {
				kv, ok := elt.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				id, _ := kv.Key.(*ast.Ident)
				if id == nil {
					continue
				}
				// Only an exported field can be read by another package.
				field, _ := c.pass.TypesInfo.Uses[id].(*types.Var)
				if field == nil || !field.Exported() || c.fields[field] || !isString(field.Type()) {
					continue
				}
				for _, part := range c.constantParts(kv.Value) {
					// A literal is placed to the byte; a constant made
					// some other way ("..." + common) at its start.
					raw := ""
					if lit, ok := part.expr.(*ast.BasicLit); ok {
						raw = lit.Value
					}
					pos := c.pass.Fset.Position(part.expr.Pos())
					out = append(out, LiteralString{Type: key, Field: id.Name, Value: part.value,
						File: ShortFile(pos.Filename), Line: pos.Line, Col: pos.Column, Raw: raw})
				}
			}
			return true
		})
	}
	return out
}

// A constantPart is a constant string an expression is built from.
type constantPart struct {
	expr  ast.Expr
	value string
}

// constantParts are the constant strings of an expression: itself when it
// is one, else the constant operands of a concatenation ("Creates ...\n"
// + commonAPIVersion, where the variable is made at run time).
func (c *collector) constantParts(e ast.Expr) []constantPart {
	e = ast.Unparen(e)
	if tv := c.pass.TypesInfo.Types[e]; tv.Value != nil {
		if tv.Value.Kind() == constant.String {
			return []constantPart{{e, constant.StringVal(tv.Value)}}
		}
		return nil
	}
	if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.ADD {
		return append(c.constantParts(b.X), c.constantParts(b.Y)...)
	}
	return nil
}

// ShortFile is a file's directory and name, as texts written in another
// package are placed.
func ShortFile(name string) string {
	return filepath.Join(filepath.Base(filepath.Dir(name)), filepath.Base(name))
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
