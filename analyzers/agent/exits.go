package agent

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Exits is the fact of a function that does not return to its caller:
// its body ends by ending the process (log.Fatalf ends in os.Exit), so
// what runs on a branch that calls it is not what the code does when it
// goes on.
type Exits struct{}

func (*Exits) AFact() {}

func (*Exits) String() string { return "exits" }

// processEnders end the process, or the goroutine, and do not return:
// the standard library's, which the analysis does not walk, and the
// logging libraries' fatal calls, which end in an exit function kept in
// a variable that no fact can follow.
var processEnders = map[string]bool{
	"os.Exit": true, "syscall.Exit": true, "runtime.Goexit": true,
	"log.Fatal": true, "log.Fatalf": true, "log.Fatalln": true,
	"(*log.Logger).Fatal": true, "(*log.Logger).Fatalf": true, "(*log.Logger).Fatalln": true,
	"k8s.io/klog/v2.Fatal": true, "k8s.io/klog/v2.Fatalf": true, "k8s.io/klog/v2.Fatalln": true,
	"k8s.io/klog/v2.Exit": true, "k8s.io/klog/v2.Exitf": true, "k8s.io/klog/v2.Exitln": true,
	"github.com/sirupsen/logrus.Fatal": true, "github.com/sirupsen/logrus.Fatalf": true, "github.com/sirupsen/logrus.Fatalln": true,
	"(*github.com/sirupsen/logrus.Logger).Fatal": true, "(*github.com/sirupsen/logrus.Logger).Fatalf": true,
	"(*github.com/sirupsen/logrus.Logger).Exit": true, "(*github.com/sirupsen/logrus.Entry).Fatal": true,
	"(*github.com/sirupsen/logrus.Entry).Fatalf": true, "(*go.uber.org/zap.Logger).Fatal": true,
	"(*go.uber.org/zap.SugaredLogger).Fatal": true, "(*go.uber.org/zap.SugaredLogger).Fatalf": true,
	"(*go.uber.org/zap.SugaredLogger).Fatalw": true,
}

// findExits finds the package's functions whose bodies end in a call of
// a function that does not return, to a fixed point over the calls
// between them, and exports a fact for those another package can call.
func (e *effects) findExits() {
	e.exits = map[*types.Func]bool{}
	for changed := true; changed; {
		changed = false
		for fn, fd := range e.decls {
			if !e.exits[fn] && fd.Body != nil && e.endsProcess(fd.Body.List) {
				e.exits[fn] = true
				changed = true
			}
		}
	}
	for fn := range e.exits {
		if fn.Exported() {
			e.pass.ExportObjectFact(fn, new(Exits))
		}
	}
}

// endsProcess reports a list of statements whose last is a call that does
// not return.
func (e *effects) endsProcess(stmts []ast.Stmt) bool {
	if len(stmts) == 0 {
		return false
	}
	st, ok := stmts[len(stmts)-1].(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(st.X).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := typeutil.Callee(e.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return false
	}
	fn = fn.Origin()
	if processEnders[fn.FullName()] || e.exits[fn] {
		return true
	}
	return fn.Pkg() != nil && fn.Pkg() != e.pass.Pkg && e.pass.ImportObjectFact(fn, new(Exits))
}

// skipExitBranches wraps an ast.Inspect visitor so that it does not
// enter a branch of an if or a switch that ends the process: what such a
// branch reaches happens only when the program is stopping, on an error
// path, and is not what a tool does.
func (e *effects) skipExitBranches(visit func(ast.Node) bool) func(ast.Node) bool {
	var skip func(ast.Node) bool
	skip = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IfStmt:
			if !visit(n) {
				return false
			}
			for _, part := range []ast.Node{n.Init, n.Cond} {
				if part != nil {
					ast.Inspect(part, skip)
				}
			}
			if !e.endsProcess(n.Body.List) {
				ast.Inspect(n.Body, skip)
			}
			if block, ok := n.Else.(*ast.BlockStmt); !ok || !e.endsProcess(block.List) {
				if n.Else != nil {
					ast.Inspect(n.Else, skip)
				}
			}
			return false
		case *ast.CaseClause:
			if e.endsProcess(n.Body) {
				return false
			}
		case *ast.CommClause:
			if e.endsProcess(n.Body) {
				return false
			}
		}
		return visit(n)
	}
	return skip
}
