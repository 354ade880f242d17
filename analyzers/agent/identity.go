package agent

import (
	"go/ast"
	"go/token"
	"strings"

	"github.com/atflint/atflint/analyzers/internal/agentapi"
	"github.com/atflint/atflint/atf"
)

// identity records a server or agent constructor call and whether it is
// given a name.
func (d *discovery) identity(call *ast.CallExpr, id agentapi.Identity) {
	named := false
	if id.Name < len(call.Args) {
		arg := call.Args[id.Name]
		if s, ok := stringConst(d.info(), arg); ok {
			named = strings.TrimSpace(s) != ""
		} else if lit := structLit(arg); lit != nil {
			v := field(lit, "Name")
			s, isConst := stringConst(d.info(), v)
			named = v != nil && (!isConst || strings.TrimSpace(s) != "")
		} else {
			// A name computed at run time, or a struct built elsewhere.
			named = !isFalseOrNil(d.info(), arg)
		}
	}
	d.res.Identities = append(d.res.Identities, &Identity{What: id.What, Pos: call.Pos(), End: call.End(), Named: named})
}

// level records a maturity level written as a string in code, as the value
// of something named like a level: Level: "senior", const agentLevel = "junior".
func (d *discovery) level(lit *ast.BasicLit, stack []ast.Node) {
	if lit.Kind != token.STRING || len(stack) < 2 {
		return
	}
	s, ok := stringConst(d.info(), lit)
	if !ok {
		return
	}
	l, ok := atf.ParseLevel(strings.ToLower(s))
	if !ok || s != strings.ToLower(s) && s != strings.ToUpper(s[:1])+s[1:] {
		return
	}
	var name string
	switch p := stack[len(stack)-2].(type) {
	case *ast.KeyValueExpr:
		if id, ok := p.Key.(*ast.Ident); ok && p.Value == lit {
			name = id.Name
		} else if k, ok := stringConst(d.info(), p.Key); ok && p.Value == lit {
			name = k
		}
	case *ast.ValueSpec:
		for i, v := range p.Values {
			if v == lit && i < len(p.Names) {
				name = p.Names[i].Name
			}
		}
	case *ast.AssignStmt:
		for i, r := range p.Rhs {
			if r == lit && i < len(p.Lhs) {
				if id := identOf(p.Lhs[i]); id != nil {
					name = id.Name
				}
			}
		}
	}
	lower := strings.ToLower(name)
	if strings.Contains(lower, "level") || strings.Contains(lower, "maturity") {
		d.res.Levels = append(d.res.Levels, &Level{Level: l, Pos: lit.Pos(), End: lit.End()})
	}
}
