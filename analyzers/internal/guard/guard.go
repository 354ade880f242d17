// Package guard decides which statements of a function run only after a
// human-approval or authorization decision said yes: an if whose condition
// depends on such a decision guards the branch taken on yes and, when the
// branch taken on no ends the function, everything after it. A decision is
// the result of a call to an approve/authorize/confirm-like function, of a
// framework's elicitation or interrupt, an allowlist lookup, or the
// caller's token scopes. A decision whose result nothing tests guards
// nothing, and neither does a variable that held one and was set again.
package guard

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/atflint/atflint/analyzers/internal/agentapi"
)

// The patterns below match the words of a name, as words spells them,
// so that canDelete is a decision and canonicalize or cancelJob are not.

// guardName matches functions whose result is a human or policy decision.
var guardName = regexp.MustCompile(` (approv|authori[sz]|confirm|permi(t|ssion)|allow(s|ed|list\w*)? |consent|elicit|polic(y|ies) |rbac |acl |enforce|guard)|^ can \w| requires? (auth|role|scope)`)

// allowName matches allowlists: allowed[x], allowlist, permitted.
var allowName = regexp.MustCompile(` (allow|permit|white ?list)`)

// refusal matches names and values that say no: denied, "decline".
var refusal = regexp.MustCompile(` (den(y|ies|ied|ial)|reject|refus|forbid|block|declin|cancel)`)

// errorChecks name a permission or a decision's error, but tell only what
// kind of error it is.
var errorChecks = map[string]bool{"os.IsPermission": true, "errors.Is": true, "errors.As": true}

// decisionField matches the fields that carry the caller's authorization.
var decisionField = map[string]bool{"TokenInfo": true, "Scopes": true}

// An answer is what an expression being true says of a decision.
type answer int

const (
	unknown answer = iota // it depends on no decision, or says nothing sure
	yes                   // true only when the decision said yes: approved
	no                    // false only when the decision said yes: !approved
)

func (a answer) not() answer {
	switch a {
	case yes:
		return no
	case no:
		return yes
	}
	return unknown
}

func and(a, b answer) answer {
	switch {
	case a == yes || b == yes:
		return yes
	case a == no && b == no:
		return no
	}
	return unknown
}

func or(a, b answer) answer {
	switch {
	case a == no || b == no:
		return no
	case a == yes && b == yes:
		return yes
	}
	return unknown
}

// A Scope holds the guarded regions of one function body.
type Scope struct {
	info *types.Info
	// vars holds the variables whose last assignment, in source order,
	// stored a decision, with the answer of the value stored.
	vars    map[types.Object]answer
	regions []region
}

type region struct{ from, to ast.Node }

// Scan finds the guarded regions of body.
func Scan(info *types.Info, body *ast.BlockStmt) *Scope {
	s := &Scope{info: info, vars: map[types.Object]answer{}}
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
			if a := s.answer(st.Cond); a != unknown {
				onYes, onNo := ast.Stmt(st.Body), st.Else
				if a == no {
					onYes, onNo = onNo, onYes
				}
				if onYes != nil {
					s.regions = append(s.regions, region{onYes, onYes})
				}
				// if !approved { return } guards the rest of the block;
				// if approved { return } does not.
				if b, ok := onNo.(*ast.BlockStmt); ok && terminates(b) && i+1 < len(stmts) {
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
			for _, c := range st.Body.List {
				cc := c.(*ast.CaseClause)
				if s.caseAnswer(st.Tag, cc.List) == yes {
					s.regions = append(s.regions, region{cc, cc})
				}
				s.block(cc.Body)
			}
		default:
			s.stmt(st)
		}
	}
}

// caseAnswer is what a case clause running says of a decision: its values
// compared with the tag, or its conditions, any of which may hold.
func (s *Scope) caseAnswer(tag ast.Expr, list []ast.Expr) answer {
	a := unknown
	for i, e := range list {
		var b answer
		if tag != nil {
			b = s.compare(tag, token.EQL, e)
		} else {
			b = s.answer(e)
		}
		if i == 0 {
			a = b
		} else {
			a = or(a, b)
		}
	}
	return a
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

// record notes the variables an assignment fills with a decision, and
// forgets those it fills with something else.
func (s *Scope) record(st ast.Stmt) {
	switch st := st.(type) {
	case *ast.AssignStmt:
		s.assign(st.Lhs, st.Rhs)
	case *ast.DeclStmt:
		gd, ok := st.Decl.(*ast.GenDecl)
		if !ok {
			return
		}
		for _, spec := range gd.Specs {
			if vs, ok := spec.(*ast.ValueSpec); ok {
				lhs := make([]ast.Expr, len(vs.Names))
				for i, n := range vs.Names {
					lhs[i] = n
				}
				s.assign(lhs, vs.Values)
			}
		}
	}
}

func (s *Scope) assign(lhs, rhs []ast.Expr) {
	for j, l := range lhs {
		id, ok := l.(*ast.Ident)
		if !ok {
			continue
		}
		obj := s.info.ObjectOf(id)
		if obj == nil {
			continue
		}
		a := unknown
		switch {
		case len(rhs) == len(lhs):
			a = s.answer(rhs[j])
		case len(rhs) == 1 && !s.askingError(rhs[0], obj):
			// The results of one call. An elicitation's or interrupt's
			// error says only that asking failed, not what the answer was.
			a = s.answer(rhs[0])
		}
		if a == unknown {
			delete(s.vars, obj)
		} else {
			s.vars[obj] = a
		}
	}
}

// askingError reports whether v is an error e, a call to an elicitation
// or interrupt, returns.
func (s *Scope) askingError(e ast.Expr, v types.Object) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || !isError(v.Type()) {
		return false
	}
	fn, ok := typeutil.Callee(s.info, call).(*types.Func)
	return ok && (agentapi.Elicitation[fn.FullName()] || agentapi.Interrupts[fn.FullName()])
}

// answer says what a condition being true says of a decision.
func (s *Scope) answer(e ast.Expr) answer {
	switch e := e.(type) {
	case *ast.ParenExpr:
		return s.answer(e.X)
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return s.answer(e.X).not()
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND:
			return and(s.answer(e.X), s.answer(e.Y))
		case token.LOR:
			return or(s.answer(e.X), s.answer(e.Y))
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			return s.compare(e.X, e.Op, e.Y)
		}
	}
	if !s.decides(e) {
		return unknown
	}
	switch e := e.(type) {
	case *ast.Ident:
		return s.vars[s.info.ObjectOf(e)]
	case *ast.SelectorExpr:
		if refusal.MatchString(words(e.Sel.Name)) {
			return no
		}
	case *ast.CallExpr:
		if fn := typeutil.Callee(s.info, e); fn != nil && refusal.MatchString(words(fn.Name())) {
			return no
		}
	}
	return yes
}

// compare says what x op y being true says of a decision one side
// depends on. Equal to the answer wanted says yes: err == nil,
// res.Action == "accept", slices.Index(allowed, x) >= 0; equal to no
// answer or to a refusal says no: c == nil, res.Action == "decline",
// slices.Index(allowed, x) == -1, len(scopes) == 0.
func (s *Scope) compare(x ast.Expr, op token.Token, y ast.Expr) answer {
	if !s.decides(x) {
		if !s.decides(y) {
			return unknown
		}
		x, y = y, x
		switch op {
		case token.LSS:
			op = token.GTR
		case token.LEQ:
			op = token.GEQ
		case token.GTR:
			op = token.LSS
		case token.GEQ:
			op = token.LEQ
		}
	}
	var a answer
	switch op {
	case token.EQL, token.GTR, token.GEQ:
		a = yes
	case token.NEQ, token.LSS, token.LEQ:
		a = no
	}
	tv := s.info.Types[y]
	switch {
	case tv.IsNil():
		// A decision's error being nil says yes; anything else being nil
		// says there was no answer, and not being nil says nothing.
		if isError(s.info.TypeOf(x)) {
			return a
		}
		if op == token.EQL {
			return no
		}
		return unknown
	case tv.Value == nil:
		return a
	}
	switch v := tv.Value; v.Kind() {
	case constant.Bool:
		if !constant.BoolVal(v) {
			a = a.not()
		}
		// denied == true says no.
		if s.answer(x) == no {
			a = a.not()
		}
	case constant.String:
		if refusal.MatchString(words(constant.StringVal(v))) {
			a = a.not()
		}
	case constant.Int, constant.Float:
		if (op == token.EQL || op == token.NEQ) && constant.Sign(v) <= 0 {
			a = a.not()
		}
	}
	return a
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
			if fn, ok := typeutil.Callee(s.info, n).(*types.Func); ok && errorChecks[fn.FullName()] {
				return false
			}
			found = s.decisionCall(n)
		case *ast.Ident:
			_, found = s.vars[s.info.ObjectOf(n)]
		case *ast.SelectorExpr:
			found = decisionField[n.Sel.Name]
		case *ast.IndexExpr:
			if id := baseIdent(n.X); id != nil && allowName.MatchString(words(id.Name)) {
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
				if id := baseIdent(call.Args[0]); id != nil && allowName.MatchString(words(id.Name)) {
					return true
				}
			}
		}
		return guardName.MatchString(words(fn.Name()))
	case *types.Var:
		// A decision passed in as a function value: approve(ctx, ...).
		return guardName.MatchString(words(fn.Name()))
	}
	return false
}

// words spells a name or a value as its lower-case words, each with a
// space either side, split at camel case and at anything not a letter or
// digit: canDeleteACLEntry is " can delete acl entry ".
func words(name string) string {
	var b strings.Builder
	b.WriteByte(' ')
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			r = ' '
		case i > 0 && unicode.IsUpper(r) && (!unicode.IsUpper(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1])):
			b.WriteByte(' ')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	b.WriteByte(' ')
	return b.String()
}

func isError(t types.Type) bool {
	return t != nil && types.Implements(t, types.Universe.Lookup("error").Type().Underlying().(*types.Interface))
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
