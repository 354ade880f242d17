// Package vettool makes atfvet, or the atflint binary itself, the tool go
// vet runs on each package for atflint check: go vet then loads dependencies from export
// data and compiled facts, and caches each package's results, so that a
// check costs what go vet costs. The process that runs go vet sets Env;
// the tool reports, beside the analyzers' findings, one inventory
// diagnostic per package that lists what the package holds.
package vettool

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"go/token"
	"os"
	"runtime/debug"

	"github.com/atflint/atflint/analyzers/internal/guard"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/atflint/atflint/analyzers/agent"
	"github.com/atflint/atflint/analyzers/controls"
	"github.com/atflint/atflint/analyzers/suite"
	"github.com/atflint/atflint/analyzers/toolsurface"
)

// Env is set to "1" in the environment of go vet, whose tool atflint is.
const Env = "ATFLINT_VETTOOL"

// Active reports whether this process is go vet's tool.
func Active() bool { return os.Getenv(Env) == "1" }

// Main runs the analyzers as go vet's tool, and exits.
func Main() {
	// go vet starts the tool once per package, each run short-lived: a
	// fifth of its time went to collecting garbage the exit frees anyway.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	// atfagent is named so that its -manifests flag is one of the tool's.
	unitchecker.Main(append(suite.Analyzers, agent.Analyzer, Inventory)...)
}

// InventoryCategory is the category of the inventory diagnostics.
const InventoryCategory = "atflint-inventory"

// Inventory reports what a package holds, as JSON in the message of one
// diagnostic per package that has agent code: go vet's output is the only
// way results leave its tool.
var Inventory = &analysis.Analyzer{
	Name:     "atfinventory",
	Doc:      "report the tools, servers and unresolved registrations of a package as JSON, for atflint check and inventory",
	Requires: []*analysis.Analyzer{agent.Analyzer, controls.Analyzer, toolsurface.Analyzer},
	Run:      inventory,
}

// Package is what the inventory diagnostic's message holds. Positions are
// file:line:column, as go vet prints them.
type Package struct {
	Manifest   string       `json:"manifest,omitempty"`
	Tools      []Tool       `json:"tools,omitempty"`
	Servers    []Server     `json:"servers,omitempty"`
	Unresolved []Unresolved `json:"unresolved,omitempty"`
	// Controls are the uses that show an ATF control implemented.
	Controls []Control `json:"controls,omitempty"`
}

// A Control is a use that shows an ATF control implemented: a rate
// limiter's constructor for S-3.
type Control struct {
	Requirement string `json:"requirement"`
	Via         string `json:"via"`
	At          string `json:"at"`
}

// A Tool is one tool of the package.
type Tool struct {
	Name      string   `json:"name"`
	Framework string   `json:"framework"`
	At        string   `json:"at"`
	Handler   string   `json:"handler,omitempty"`
	Effects   []Effect `json:"effects,omitempty"`
	// Package is the import path of the package that registers it.
	Package string `json:"package"`
	// HandlerName, Description and Schema are its surface, as package
	// toolsurface has it, the schema as a hash.
	HandlerName string `json:"handler_name,omitempty"`
	Description string `json:"description,omitempty"`
	Schema      string `json:"schema,omitempty"`
}

// An Effect is a capability a tool's handler reaches.
type Effect struct {
	Capability string `json:"capability"`
	SideEffect bool   `json:"side_effect"`
	Guard      string `json:"guard,omitempty"` // approval, authorization, resource check
	Call       string `json:"call"`
	At         string `json:"at"`
}

// A Server is a server or agent the package builds.
type Server struct {
	What  string `json:"what"`
	At    string `json:"at"`
	Named bool   `json:"named"`
}

// An Unresolved is a registration whose tool was not followed.
type Unresolved struct {
	Framework string `json:"framework"`
	At        string `json:"at"`
	Why       string `json:"why"`
}

func inventory(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[agent.Analyzer].(*agent.Result)
	uses := pass.ResultOf[controls.Analyzer].(*controls.Result).Uses
	if len(res.Tools)+len(res.Identities)+len(res.Unresolved)+len(uses) == 0 {
		return nil, nil
	}
	at := func(p token.Pos) string {
		if !p.IsValid() {
			return ""
		}
		pos := pass.Fset.Position(p)
		return fmt.Sprintf("%s:%d:%d", pos.Filename, pos.Line, pos.Column)
	}
	var pkg Package
	if res.Manifest != nil {
		pkg.Manifest = res.Manifest.Path
	}
	if len(uses) > 0 && res.Under != nil {
		// A package of controls alone (middleware, main) counts for the
		// manifest it is under.
		pkg.Manifest = res.Under.Path
	}
	surfaces := pass.ResultOf[toolsurface.Analyzer].(*toolsurface.Result).Of
	for _, t := range res.Tools {
		sf := surfaces[t]
		it := Tool{Name: t.Name, Framework: t.Framework, At: at(t.Pos), Handler: at(t.Handler),
			Package: pass.Pkg.Path(), HandlerName: sf.Handler, Description: sf.Description}
		if sf.Schema != "" {
			it.Schema = fmt.Sprintf("sha256:%x", sha256.Sum256([]byte(sf.Schema)))
		}
		if t.Site != "" {
			it.At = t.Site
		}
		for _, e := range t.Effects {
			guarded := ""
			if e.Guard != guard.None {
				guarded = e.Guard.String()
			}
			it.Effects = append(it.Effects, Effect{e.Capability, e.SideEffect, guarded, e.Via, at(e.Pos)})
		}
		pkg.Tools = append(pkg.Tools, it)
	}
	for _, id := range res.Identities {
		pkg.Servers = append(pkg.Servers, Server{id.What, at(id.Pos), id.Named})
	}
	for _, u := range res.Unresolved {
		pkg.Unresolved = append(pkg.Unresolved, Unresolved{u.Framework, at(u.Pos), u.Why})
	}
	for _, u := range uses {
		pkg.Controls = append(pkg.Controls, Control{u.Requirement, u.Object, at(u.Pos)})
	}
	msg, err := json.Marshal(pkg)
	if err != nil {
		return nil, err
	}
	pass.Report(analysis.Diagnostic{Pos: pass.Files[0].Package, Category: InventoryCategory, Message: string(msg)})
	return nil, nil
}

// RunTests is the TestMain of packages whose tests run atflint check: go
// vet runs the test binary as its tool, which then must be the tool.
func RunTests(m interface{ Run() int }) {
	if Active() {
		Main()
	}
	os.Exit(m.Run())
}
