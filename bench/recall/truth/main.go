// Command truth counts the tools of a Go module the way a reviewer would,
// to measure atflint's recall against: every literal of a tool type whose
// name field is a string constant, and every call of a tool-building
// function whose name argument is one. What counts as a tool type or a
// tool-building function is given on the command line for each server,
// from reading its code; the frameworks' own are built in. It shares no
// code with atflint's analysis, so that a mistake in one does not hide in
// the other.
//
// Usage:
//
//	truth [-type pkg.Type.Field]... [-call pkg.Func:arg]... DIR
//
// It prints one line per tool, "name<TAB>file:line", sorted, with file
// relative to DIR.
package main

import (
	"flag"
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// list is a repeatable string flag.
type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(s string) error { *l = append(*l, s); return nil }

func main() {
	var typeFlags, callFlags list
	flag.Var(&typeFlags, "type", "a tool type and its name field, pkg/path.Type.Field (repeatable)")
	flag.Var(&callFlags, "call", "a tool-building function and its name argument, pkg/path.Func:index (repeatable)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: truth [-type pkg.Type.Field]... [-call pkg.Func:arg]... DIR")
		os.Exit(2)
	}
	// The frameworks' tool values and constructors.
	types := map[string]string{
		"github.com/modelcontextprotocol/go-sdk/mcp.Tool": "Name",
		"github.com/mark3labs/mcp-go/mcp.Tool":            "Name",
	}
	calls := map[string]int{
		"github.com/mark3labs/mcp-go/mcp.NewTool":                             0,
		"github.com/mark3labs/mcp-go/mcp.NewToolWithRawSchema":                0,
		"github.com/cloudwego/eino/components/tool/utils.InferTool":           0,
		"github.com/cloudwego/eino/components/tool/utils.InferStreamTool":     0,
		"github.com/cloudwego/eino/components/tool/utils.InferOptionableTool": 0,
		"github.com/cloudwego/eino/components/tool/utils.NewTool":             0,
		"github.com/firebase/genkit/go/genkit.DefineTool":                     1,
		"github.com/firebase/genkit/go/ai.NewTool":                            0,
	}
	for _, t := range typeFlags {
		i := strings.LastIndex(t, ".")
		if i < 0 {
			fatal("-type %q: want pkg/path.Type.Field", t)
		}
		types[t[:i]] = t[i+1:]
	}
	for _, c := range callFlags {
		name, idx, ok := strings.Cut(c, ":")
		n, err := strconv.Atoi(idx)
		if !ok || err != nil {
			fatal("-call %q: want pkg/path.Func:index", c)
		}
		calls[name] = n
	}
	dir, err := filepath.Abs(flag.Arg(0))
	if err != nil {
		fatal("%v", err)
	}
	cfg := &packages.Config{Mode: packages.LoadSyntax, Dir: dir}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		fatal("loading %s: %v", dir, err)
	}
	seen := map[string]bool{}
	var out []string
	for _, p := range pkgs {
		for _, e := range p.Errors {
			fmt.Fprintf(os.Stderr, "truth: %s: %v\n", p.PkgPath, e)
		}
		for _, f := range p.Syntax {
			ast.Inspect(f, func(n ast.Node) bool {
				var name ast.Expr
				switch n := n.(type) {
				case *ast.CompositeLit:
					if fieldName, ok := types[fullTypeName(p.TypesInfo.TypeOf(n))]; ok {
						name = keyed(n, fieldName)
					}
				case *ast.CallExpr:
					if i, ok := calls[calleeName(p.TypesInfo, n)]; ok && i < len(n.Args) {
						name = n.Args[i]
					}
				}
				if name == nil {
					return true
				}
				tv := p.TypesInfo.Types[name]
				if tv.Value == nil || tv.Value.Kind() != constant.String {
					return true
				}
				pos := p.Fset.Position(n.Pos())
				rel, _ := filepath.Rel(dir, pos.Filename)
				line := fmt.Sprintf("%s\t%s:%d", constant.StringVal(tv.Value), rel, pos.Line)
				if !seen[line] {
					seen[line] = true
					out = append(out, line)
				}
				return true
			})
		}
	}
	slices.Sort(out)
	for _, l := range out {
		fmt.Println(l)
	}
}

func fullTypeName(t types.Type) string {
	if t == nil {
		return ""
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

func calleeName(info *types.Info, call *ast.CallExpr) string {
	fun := ast.Unparen(call.Fun)
	switch f := fun.(type) {
	case *ast.IndexExpr:
		fun = f.X
	case *ast.IndexListExpr:
		fun = f.X
	}
	var id *ast.Ident
	switch f := fun.(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	default:
		return ""
	}
	fn, ok := info.Uses[id].(*types.Func)
	if !ok || fn.Pkg() == nil {
		return ""
	}
	return fn.Pkg().Path() + "." + fn.Name()
}

func keyed(lit *ast.CompositeLit, name string) ast.Expr {
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv.Value
			}
		}
	}
	return nil
}

func fatal(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "truth: "+format+"\n", args...)
	os.Exit(2)
}
