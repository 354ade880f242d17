// Package guard decides which statements of a function run only after a
// decision said yes, and of what kind the decision is: an if whose
// condition depends on one guards the branch taken on yes and, when the
// branch taken on no ends the function, everything after it. Decisions are
// recognised by what they are, never by a function's name: a framework's
// elicitation, interrupt or confirmation (an approval), a function known
// to reach one or named by the manifest as a guard, the caller's verified
// token (an authorization), a lookup in an allowlist fixed in the code or a
// path kept inside a root (a resource check). A decision whose result
// nothing tests guards nothing, and neither does a variable that held one
// and was set again.
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

// refusal matches names and values that say no: denied, "decline". It
// only turns a decision found by what it is into its negation
// (res.Action == "decline"); a name alone never makes a decision.
var refusal = regexp.MustCompile(` (den(y|ies|ied|ial)|reject|refus|forbid|block|declin|cancel)`)

// errorChecks name a permission or a decision's error, but tell only what
// kind of error it is.
var errorChecks = map[string]bool{"os.IsPermission": true, "errors.Is": true, "errors.As": true}

// A Kind is what a guard decides, weakest first: a resource check keeps a
// value inside what is allowed (a path under a root, a member of a fixed
// allowlist), an authorization checks the caller's identity or scopes, an
// approval is a person's answer. They satisfy different requirements: an
// approval is S-2's "a person approves"; the others are S-1's.
type Kind uint8

const (
	None Kind = iota
	Resource
	Authorization
	Approval
)

func (k Kind) String() string {
	switch k {
	case Resource:
		return "resource check"
	case Authorization:
		return "authorization"
	case Approval:
		return "approval"
	}
	return "none"
}

// Deciders tells which functions' results are decisions, and of what
// kind: project functions that reach an approval (facts), functions a
// manifest names as guards. None for any other.
type Deciders func(fn *types.Func) Kind

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
	info     *types.Info
	deciders Deciders
	// vars holds the variables whose last assignment, in source order,
	// stored a decision, with the answer of the value stored.
	vars map[types.Object]decision
	// cleaned holds the variables whose last assignment stored a path
	// made absolute or clean, or one built from such a path.
	cleaned map[types.Object]bool
	regions []region
}

// A decision is what a value says of a decision, and the decision's kind.
type decision struct {
	answer answer
	kind   Kind
}

type region struct {
	from, to ast.Node
	kind     Kind
}

// Scan finds the guarded regions of body; deciders may be nil.
func Scan(info *types.Info, body *ast.BlockStmt, deciders Deciders) *Scope {
	if deciders == nil {
		deciders = func(*types.Func) Kind { return None }
	}
	s := &Scope{info: info, deciders: deciders, vars: map[types.Object]decision{}, cleaned: map[types.Object]bool{}}
	if body != nil {
		s.block(body.List)
	}
	return s
}

// Guard is the strongest kind of guard around n; None when there is none.
func (s *Scope) Guard(n ast.Node) Kind {
	k := None
	for _, r := range s.regions {
		if n.Pos() >= r.from.Pos() && n.End() <= r.to.End() {
			k = max(k, r.kind)
		}
	}
	return k
}

// Decides is the kind of decision an expression's value depends on.
func (s *Scope) Decides(e ast.Expr) Kind { return s.decides(e) }

func (s *Scope) block(stmts []ast.Stmt) {
	for i, st := range stmts {
		s.record(st)
		switch st := st.(type) {
		case *ast.IfStmt:
			if st.Init != nil {
				s.record(st.Init)
			}
			if a := s.answer(st.Cond); a != unknown {
				kind := s.decides(st.Cond)
				onYes, onNo := ast.Stmt(st.Body), st.Else
				if a == no {
					onYes, onNo = onNo, onYes
				}
				if onYes != nil {
					s.regions = append(s.regions, region{onYes, onYes, kind})
				}
				// if !approved { return } guards the rest of the block;
				// if approved { return } does not.
				if b, ok := onNo.(*ast.BlockStmt); ok && terminates(b) && i+1 < len(stmts) {
					s.regions = append(s.regions, region{stmts[i+1], stmts[len(stmts)-1], kind})
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
					kind := None
					if st.Tag != nil {
						kind = s.decides(st.Tag)
					}
					for _, e := range cc.List {
						kind = max(kind, s.decides(e))
					}
					s.regions = append(s.regions, region{cc, cc, kind})
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
		var d decision
		switch {
		case len(rhs) == len(lhs):
			d = decision{s.answer(rhs[j]), s.decides(rhs[j])}
		case len(rhs) == 1 && !s.askingError(rhs[0], obj) && !(j == 1 && isTypeAssert(rhs[0])):
			// The results of one call. An elicitation's or interrupt's
			// error says only that asking failed, not what the answer
			// was; the ok of res, ok := r.(*mcp.ElicitResult), that there
			// is an answer.
			d = decision{s.answer(rhs[0]), s.decides(rhs[0])}
		}
		if d.answer == unknown || d.kind == None {
			delete(s.vars, obj)
		} else {
			s.vars[obj] = d
		}
		switch {
		case !isString(obj.Type()):
			delete(s.cleaned, obj)
		case len(rhs) == len(lhs) && s.cleansPath(rhs[j]),
			len(rhs) == 1 && len(lhs) > 1 && s.cleansPath(rhs[0]):
			s.cleaned[obj] = true // abs, err := filepath.Abs(p)
		default:
			delete(s.cleaned, obj)
		}
	}
}

func isTypeAssert(e ast.Expr) bool {
	_, ok := ast.Unparen(e).(*ast.TypeAssertExpr)
	return ok
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
	if s.decides(e) == None {
		return unknown
	}
	switch e := e.(type) {
	case *ast.Ident:
		return s.vars[s.info.ObjectOf(e)].answer
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
	if s.decides(x) == None {
		if s.decides(y) == None {
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

// decides is the strongest kind of decision an expression depends on.
func (s *Scope) decides(e ast.Expr) Kind {
	k := None
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if fn, ok := typeutil.Callee(s.info, n).(*types.Func); ok && errorChecks[fn.FullName()] {
				return false
			}
			k = max(k, s.decisionCall(n))
		case *ast.Ident:
			k = max(k, s.vars[s.info.ObjectOf(n)].kind)
		case *ast.SelectorExpr:
			if s.callerIdentity(n) {
				k = max(k, Authorization)
			}
		case *ast.IndexExpr:
			if s.fixedSet(n.X) {
				k = max(k, Resource) // allowed[x]
			}
		case *ast.TypeAssertExpr:
			if n.Type != nil && agentapi.ElicitResults[agentapi.TypeName(s.info.TypeOf(n.Type))] {
				k = max(k, Approval) // res, ok := responses[id].(*mcp.ElicitResult)
			}
		}
		return true
	})
	return k
}

// callerIdentity reports a field of the caller's verified identity: the
// MCP go-sdk's token info, with its scopes and user.
func (s *Scope) callerIdentity(sel *ast.SelectorExpr) bool {
	selection := s.info.Selections[sel]
	if selection == nil || selection.Kind() != types.FieldVal {
		return false
	}
	return agentapi.CallerIdentity[agentapi.TypeName(selection.Recv())]
}

// fixedSet reports a set fixed in the code: a composite literal, or a
// package-level variable or constant of a map, slice or array.
func (s *Scope) fixedSet(e ast.Expr) bool {
	e = ast.Unparen(e)
	if _, ok := e.(*ast.CompositeLit); ok {
		return true
	}
	id := baseIdent(e)
	if id == nil {
		return false
	}
	v, ok := s.info.ObjectOf(id).(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return false
	}
	switch v.Type().Underlying().(type) {
	case *types.Map, *types.Slice, *types.Array:
		return true
	}
	return false
}

// decisionCall is the kind of decision a call's result is: a framework's
// way to ask a person, a function the deciders know, a lookup in a fixed
// allowlist, or a path kept inside a root.
func (s *Scope) decisionCall(call *ast.CallExpr) Kind {
	fn, ok := typeutil.Callee(s.info, call).(*types.Func)
	if !ok {
		return None
	}
	full := fn.Origin().FullName()
	switch {
	case agentapi.Elicitation[full] || agentapi.Interrupts[full]:
		return Approval
	case (full == "slices.Contains" || full == "slices.Index") && len(call.Args) > 0:
		if s.fixedSet(call.Args[0]) {
			return Resource
		}
		if sel, ok := ast.Unparen(call.Args[0]).(*ast.SelectorExpr); ok && s.callerIdentity(sel) {
			return Authorization // slices.Contains(info.Scopes, "files:delete")
		}
	case full == "path/filepath.IsLocal":
		return Resource
	case full == "strings.HasPrefix" && len(call.Args) > 0 && s.cleansPath(call.Args[0]):
		return Resource // strings.HasPrefix(filepath.Clean(p), root)
	}
	return s.deciders(fn.Origin())
}

// cleansPath reports a path made absolute or clean before it is
// compared: filepath.Clean(p), filepath.Abs's result, or a variable that
// holds one (abs + string(filepath.Separator) included).
func (s *Scope) cleansPath(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			// By package and name: every assignment asks, and FullName
			// would build a string for each call.
			if fn, ok := typeutil.Callee(s.info, n).(*types.Func); ok && fn.Pkg() != nil {
				switch fn.Pkg().Path() {
				case "path/filepath":
					found = fn.Name() == "Clean" || fn.Name() == "Abs" || fn.Name() == "EvalSymlinks"
				case "path":
					found = fn.Name() == "Clean"
				}
			}
		case *ast.Ident:
			found = s.cleaned[s.info.ObjectOf(n)]
		}
		return !found
	})
	return found
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
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
