// Package guard decides which statements of a function run only after a
// human-approval or authorization decision: an if whose condition depends
// on such a decision guards its own body, and, when one branch returns,
// everything after it. A decision is the result of a call to an
// approve/authorize/confirm-like function, of a framework's elicitation or
// interrupt, an allowlist lookup, or the caller's token scopes. A decision
// whose result nothing tests guards nothing.
package guard

import (
	"go/ast"
	"go/types"
	"regexp"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/atflint/atflint/analyzers/internal/agentapi"
)

// guardName matches functions whose result is a human or policy decision.
var guardName = regexp.MustCompile(`(?i)(approv|authori[sz]|confirm|permi(t|ssion)|allow(ed|list)?|consent|elicit|polic(y|ies)|rbac|\bacl|enforce|guard|^can[A-Z_]|^is(allowed|authorized|permitted)|require(approval|auth|role|scope))`)

// allowName matches allowlists: allowed[x], allowlist, permitted.
var allowName = regexp.MustCompile(`(?i)(allow|permit|whitelist)`)

// decisionField matches the fields that carry the caller's authorization.
var decisionField = map[string]bool{"TokenInfo": true, "Scopes": true}

// A Scope holds the guarded regions of one function body.
type Scope struct {
	info    *types.Info
	vars    map[types.Object]bool // variables that hold a decision
	regions []region
}

type region struct{ from, to ast.Node }

// Scan finds the guarded regions of body.
func Scan(info *types.Info, body *ast.BlockStmt) *Scope {
	s := &Scope{info: info, vars: map[types.Object]bool{}}
	if body != nil {
		s.block(body.List)
	}
	return s
}

// Guarded reports whether n lies in a guarded region.
func (s *Scope) Guarded(n ast.Node) bool {
	for _, r := range s.regions {
		if n.Pos() >= r.from.Pos() && n.End() <= r.to.End() {
			return true
		}
	}
	return false
}

func (s *Scope) block(stmts []ast.Stmt) {
	for i, st := range stmts {
		s.record(st)
		switch st := st.(type) {
		case *ast.IfStmt:
			if st.Init != nil {
				s.record(st.Init)
			}
			if s.decides(st.Cond) {
				s.regions = append(s.regions, region{st.Body, st.Body})
				if st.Else != nil {
					s.regions = append(s.regions, region{st.Else, st.Else})
				}
				// if !approved { return } guards the rest of the block.
				if terminates(st.Body) && i+1 < len(stmts) {
					s.regions = append(s.regions, region{stmts[i+1], stmts[len(stmts)-1]})
				}
			}
			s.block(st.Body.List)
			if st.Else != nil {
				s.stmt(st.Else)
			}
		case *ast.SwitchStmt:
			if st.Init != nil {
				s.record(st.Init)
			}
			if st.Tag != nil && s.decides(st.Tag) {
				s.regions = append(s.regions, region{st.Body, st.Body})
			}
			for _, c := range st.Body.List {
				cc := c.(*ast.CaseClause)
				if st.Tag == nil && anyDecides(s, cc.List) {
					s.regions = append(s.regions, region{cc, cc})
				}
				s.block(cc.Body)
			}
		default:
			s.stmt(st)
		}
	}
}

// stmt descends into the blocks of other statements and of function
// literals.
func (s *Scope) stmt(st ast.Stmt) {
	ast.Inspect(st, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BlockStmt:
			s.block(n.List)
			return false
		case *ast.CaseClause:
			s.block(n.Body)
			return false
		case *ast.CommClause:
			s.block(n.Body)
			return false
		}
		return true
	})
}

func anyDecides(s *Scope, exprs []ast.Expr) bool {
	for _, e := range exprs {
		if s.decides(e) {
			return true
		}
	}
	return false
}

// record notes the variables an assignment fills with a decision.
func (s *Scope) record(st ast.Stmt) {
	var lhs []ast.Expr
	var rhs []ast.Expr
	switch st := st.(type) {
	case *ast.AssignStmt:
		lhs, rhs = st.Lhs, st.Rhs
	case *ast.DeclStmt:
		gd, ok := st.Decl.(*ast.GenDecl)
		if !ok {
			return
		}
		for _, spec := range gd.Specs {
			if vs, ok := spec.(*ast.ValueSpec); ok {
				for _, n := range vs.Names {
					lhs = append(lhs, n)
				}
				rhs = append(rhs, vs.Values...)
			}
		}
	default:
		return
	}
	if !anyDecides(s, rhs) {
		return
	}
	for _, l := range lhs {
		if id, ok := l.(*ast.Ident); ok {
			if obj := s.info.ObjectOf(id); obj != nil {
				s.vars[obj] = true
			}
		}
	}
}

// decides reports whether an expression depends on a decision.
func (s *Scope) decides(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			found = s.decisionCall(n)
		case *ast.Ident:
			found = s.vars[s.info.ObjectOf(n)]
		case *ast.SelectorExpr:
			found = decisionField[n.Sel.Name]
		case *ast.IndexExpr:
			if id := baseIdent(n.X); id != nil && allowName.MatchString(id.Name) {
				found = true
			}
		}
		return !found
	})
	return found
}

// decisionCall reports a call whose result is a decision.
func (s *Scope) decisionCall(call *ast.CallExpr) bool {
	switch fn := typeutil.Callee(s.info, call).(type) {
	case *types.Func:
		full := fn.FullName()
		if agentapi.Elicitation[full] || agentapi.Interrupts[full] {
			return true
		}
		if full == "slices.Contains" || full == "slices.Index" {
			if len(call.Args) > 0 {
				if id := baseIdent(call.Args[0]); id != nil && allowName.MatchString(id.Name) {
					return true
				}
			}
		}
		return guardName.MatchString(fn.Name())
	case *types.Var:
		// A decision passed in as a function value: approve(ctx, ...).
		return guardName.MatchString(fn.Name())
	}
	return false
}

func baseIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := e.(type) {
		case *ast.Ident:
			return x
		case *ast.SelectorExpr:
			return x.Sel
		case *ast.ParenExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// terminates reports whether a block ends the function or the iteration.
func terminates(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch last := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := last.X.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
				return true
			}
		}
	}
	return false
}
