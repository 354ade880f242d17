package agent

import (
	"fmt"
	"go/ast"
	"go/token"
	"path/filepath"
	"slices"
	"strings"

	"github.com/atflint/atflint/analyzers/internal/agentapi"
	"github.com/atflint/atflint/analyzers/internal/canon"
)

// A carrierKey is a field of a project struct that carries a tool's
// name to where a framework's tool is built: api.Tool's Name, read in
// &mcp.Tool{Name: tool.Tool.Name}. Every literal that sets it is a tool.
type carrierKey struct {
	Type  string // full name of the struct type
	Field string
}

// Carriers is the package fact listing the carrier fields a package
// found, so that literals of them in the packages that import it are
// tools.
type Carriers struct {
	Fields []Carrier
}

// A Carrier is one carrier field and the framework its tools are for.
type Carrier struct {
	Type, Field, Framework string
}

func (*Carriers) AFact() {}

func (c *Carriers) String() string { return fmt.Sprintf("carriers %v", c.Fields) }

// Candidates is the package fact a project package exports for its
// literals of project structs that set string fields to constants: a
// package that imports it, and learns that such a field carries a tool's
// name, counts them as tools. A toolset package often does not know its
// literals are tools: only the package that converts them to a
// framework's tools does, and it is analysed after.
type Candidates struct {
	Lits []Candidate
}

// A Candidate is one such literal, with what the handler given beside it
// reaches: effects do not cross packages with positions, so each carries
// its own as text.
type Candidate struct {
	Type    string
	Fields  []StringField
	At      string // file:line:column of the literal
	Handled bool
	Effects []CandidateEffect
	// HandlerName and Schema are the tool's, as Tool has them.
	HandlerName, Schema string
}

// A StringField is a string field, with its value when that is a
// constant.
type StringField struct {
	Field, Value string
	Constant     bool
}

// A CandidateEffect is an effect of a candidate's handler, where it is.
type CandidateEffect struct {
	FactEffect
	At string
}

func (*Candidates) AFact() {}

func (c *Candidates) String() string { return fmt.Sprintf("%d candidate literals", len(c.Lits)) }

// importCarriers learns the carrier fields the imported packages found.
func (d *discovery) importCarriers() {
	for _, pf := range d.pass.AllPackageFacts() {
		if c, ok := pf.Fact.(*Carriers); ok && pf.Package != d.pass.Pkg {
			for _, f := range c.Fields {
				d.carriers[carrierKey{f.Type, f.Field}] = f.Framework
			}
		}
	}
}

// exportCarriers exports the carrier fields this package knows, its own
// and its imports': a driver gives a package the package facts of its
// direct imports only.
func (d *discovery) exportCarriers() {
	if len(d.carriers) == 0 {
		return
	}
	fact := &Carriers{}
	for k, fw := range d.carriers {
		fact.Fields = append(fact.Fields, Carrier{Type: k.Type, Field: k.Field, Framework: fw})
	}
	slices.SortFunc(fact.Fields, func(a, b Carrier) int { return strings.Compare(a.Type+"."+a.Field, b.Type+"."+b.Field) })
	d.pass.ExportPackageFact(fact)
}

// exportCandidates exports the package's candidate literals, unless its
// code is a dependency's: only the project's own types carry names to
// a converter the project writes.
func (d *discovery) exportCandidates(lits []*ast.CompositeLit) {
	mod := d.pass.Module
	if mod != nil && mod.Version != "" {
		return
	}
	// The imports' candidates pass on, for a package that imports this
	// one to join: a driver gives it its direct imports' facts only.
	fact := &Candidates{Lits: d.importedCandidates()}
	for _, lit := range lits {
		if _, isSite := d.toolAt[lit]; isSite {
			continue
		}
		key := agentapi.TypeName(d.info().TypeOf(lit))
		if key == "" || inFramework(key) || mod != nil && !strings.HasPrefix(key, mod.Path) {
			continue
		}
		var fields []StringField
		for _, el := range lit.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if id, ok := kv.Key.(*ast.Ident); ok {
				if s, ok := stringConst(d.info(), kv.Value); ok {
					fields = append(fields, StringField{id.Name, s, true})
				} else if isString(d.info().TypeOf(kv.Value)) {
					fields = append(fields, StringField{Field: id.Name}) // computed at run time
				}
			}
		}
		h := d.siblingHandler(lit)
		if !slices.ContainsFunc(fields, func(f StringField) bool { return f.Constant }) && h == nil {
			continue
		}
		c := Candidate{Type: key, Fields: fields, At: d.where(lit.Pos())}
		var handler *ast.FuncType
		if h != nil {
			c.Handled = true
			c.HandlerName = d.handlerName(h, d.stackAt(h))
			if fs := d.handlerFuncs(h, d.stackAt(h)); len(fs) > 0 {
				handler = fs[0].Type
			}
			for _, e := range d.handler(h, d.stackAt(h)) {
				c.Effects = append(c.Effects, CandidateEffect{e.fact(), d.where(e.Pos)})
			}
		}
		c.Schema = canon.Schema(d.pass, lit, d.ownString(lit), handler)
		fact.Lits = append(fact.Lits, c)
	}
	if len(fact.Lits) > 0 {
		d.pass.ExportPackageFact(fact)
	}
}

// importedCandidates are the candidate literals of the imported
// packages, each once.
func (d *discovery) importedCandidates() []Candidate {
	var out []Candidate
	seen := map[string]bool{}
	for _, pf := range d.pass.AllPackageFacts() {
		if c, ok := pf.Fact.(*Candidates); ok && pf.Package != d.pass.Pkg {
			for _, lit := range c.Lits {
				if !seen[lit.At] {
					seen[lit.At] = true
					out = append(out, lit)
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b Candidate) int { return strings.Compare(a.At, b.At) })
	return out
}

// join counts as tools the candidate literals of the imported packages
// that set a carrier field this package found. They are reported at the
// place that reads the field, and say where they are.
func (d *discovery) join() {
	if len(d.ownCarriers) == 0 {
		return
	}
	for _, c := range d.importedCandidates() {
		for _, k := range d.ownCarriers {
			i := slices.IndexFunc(c.Fields, func(f StringField) bool { return k.Type == c.Type && f.Field == k.Field })
			if i < 0 {
				continue
			}
			at := d.carrierAt[k]
			t := &Tool{Name: c.Fields[i].Value, Framework: d.carriers[k], Pos: at.Pos(), End: at.End(), Site: c.At, handled: c.Handled, HandlerName: c.HandlerName, Schema: c.Schema}
			for _, e := range c.Effects {
				t.Effects = append(t.Effects, Effect{e.Capability, e.SideEffect, e.Guard, at.Pos(), at.End(), e.Via + " at " + shortPlace(e.At), e.Targets, e.Dynamic, e.Post})
			}
			d.res.Tools = append(d.res.Tools, t)
		}
	}
}

// where writes a position as file:line:column.
func (d *discovery) where(p token.Pos) string {
	pos := d.pass.Fset.Position(p)
	return fmt.Sprintf("%s:%d:%d", pos.Filename, pos.Line, pos.Column)
}

// shortPlace is a file:line:column place with only the file's directory
// and name, for messages.
func shortPlace(at string) string {
	dir, file := filepath.Split(at)
	return filepath.Join(filepath.Base(dir), file)
}

// inFramework reports whether a full type name belongs to a framework.
func inFramework(key string) bool {
	return agentapi.IsFrameworkPackage(agentapi.PackageOf(key))
}

// ownString is true of the constant strings a candidate literal sets its
// own fields to: its name and descriptions, which the lock pins apart
// from its schema.
func (d *discovery) ownString(lit *ast.CompositeLit) func(ast.Expr) bool {
	return func(e ast.Expr) bool {
		for _, el := range lit.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok && kv.Value == e {
				_, isString := stringConst(d.info(), e)
				return isString
			}
		}
		return false
	}
}
