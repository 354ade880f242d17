package lint

import (
	"cmp"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"

	"github.com/atflint/atflint/analyzers/vettool"
	"github.com/atflint/atflint/internal/position"
	"github.com/atflint/atflint/model"
)

// Inventory is what a run found that agents are made of: the tools in Go
// code with what each handler reaches, the servers and agents built in
// code or declared in configs, and the registrations the analysis could
// not follow. Its JSON form is versioned for tools that read it.
type Inventory struct {
	Version    int              `json:"version"`
	Tools      []InventoryTool  `json:"tools"`
	Servers    []InventoryEntry `json:"servers"`
	Agents     []InventoryEntry `json:"agents"`
	Unresolved []InventoryEntry `json:"unresolved"`
	// Modules are the Go modules whose packages were analyzed.
	Modules []InventoryModule `json:"modules"`
	// Controls are the places in Go code that show an ATF control
	// implemented, for atflint assess.
	Controls []InventoryControl `json:"controls"`
}

// An InventoryControl is a use in Go code that shows an ATF control
// implemented: a rate limiter's constructor for S-3.
type InventoryControl struct {
	Requirement string `json:"requirement"`
	Via         string `json:"via"`
	Place
	// Manifest is the ATF manifest the package belongs to.
	Manifest string `json:"manifest,omitempty"`
}

// An InventoryModule is a Go module: its path, and its directory as
// findings show paths.
type InventoryModule struct {
	Path string `json:"path"`
	Dir  string `json:"dir"`
}

// An InventoryTool is one tool found in Go code.
type InventoryTool struct {
	Name      string `json:"name"` // "" when not a constant
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	Framework string `json:"framework"`
	// Handler is where the handler given with the tool is; nil when none
	// was found, and then Effects are unknown.
	Handler *Place            `json:"handler"`
	Effects []InventoryEffect `json:"effects"`
	// Guards are the kinds of guard found before its effects
	// ("approval", "authorization", "resource check"), each once.
	Guards []string `json:"guards"`
	// Manifest is the ATF manifest the tool's package belongs to.
	Manifest string `json:"manifest,omitempty"`
	// Package is the Go package that registers it.
	Package string `json:"package"`
	// HandlerName names its handler in a way renaming the tool keeps:
	// pkg.listPods, pkg.ListIssues.func1; "" when none was found.
	HandlerName string `json:"handler_name,omitempty"`
	// Description is the text the model reads about it, its texts
	// joined by newlines; Schema a hash of what its input is built from,
	// "" when that is not known.
	Description string `json:"description,omitempty"`
	Schema      string `json:"schema,omitempty"`
}

// A Place is a position in a file.
type Place struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

// An InventoryEffect is a capability a handler reaches.
type InventoryEffect struct {
	Capability string `json:"capability"`
	SideEffect bool   `json:"side_effect"`
	// Guard is the weakest guard every way to the effect passes:
	// "approval", "authorization" or "resource check"; none when empty.
	Guard  string `json:"guard,omitempty"`
	Call   string `json:"call"`
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

// An InventoryEntry is a server, agent or unresolved registration.
type InventoryEntry struct {
	Kind string `json:"kind"` // "MCP server", "agent", "atf-manifest", ...
	Name string `json:"name,omitempty"`
	File string `json:"file"`
	Line int    `json:"line"`
	// Column counts code points, like findings'.
	Column int    `json:"column"`
	Note   string `json:"note,omitempty"`
	// Format is the format of the file that declares it ("mcp-config",
	// "atf-manifest", ...); empty when it was found in Go code.
	Format string `json:"format,omitempty"`
	// Level is an agent's maturity level, declared or given by the
	// manifest that lists its file; empty when it has none.
	Level string `json:"level,omitempty"`
}

// addGo adds what the vet tool's inventory diagnostic says of one
// package.
func (inv *Inventory) addGo(files *sourceFiles, base, message string) {
	var pkg vettool.Package
	if err := json.Unmarshal([]byte(message), &pkg); err != nil {
		return // not the tool's own: nothing to add
	}
	place := func(posn string) Place {
		p := position.Parse(posn)
		return Place{displayPath(base, p.Filename), p.Line, files.column(p)}
	}
	manifest := ""
	if pkg.Manifest != "" {
		manifest = displayPath(base, pkg.Manifest)
	}
	for _, t := range pkg.Tools {
		at := place(t.At)
		it := InventoryTool{Name: t.Name, File: at.File, Line: at.Line, Column: at.Column, Framework: t.Framework, Manifest: manifest, Effects: []InventoryEffect{},
			Package: t.Package, HandlerName: t.HandlerName, Description: t.Description, Schema: t.Schema}
		if t.Handler != "" {
			h := place(t.Handler)
			it.Handler = &h
		}
		it.Guards = []string{}
		for _, e := range t.Effects {
			p := place(e.At)
			it.Effects = append(it.Effects, InventoryEffect{e.Capability, e.SideEffect, e.Guard, e.Call, p.File, p.Line, p.Column})
			if e.Guard != "" && !slices.Contains(it.Guards, e.Guard) {
				it.Guards = append(it.Guards, e.Guard)
			}
		}
		inv.Tools = append(inv.Tools, it)
	}
	for _, sv := range pkg.Servers {
		p := place(sv.At)
		e := InventoryEntry{Kind: sv.What, File: p.File, Line: p.Line, Column: p.Column}
		if !sv.Named {
			e.Note = "built with no name"
		}
		inv.Servers = append(inv.Servers, e)
	}
	for _, c := range pkg.Controls {
		inv.Controls = append(inv.Controls, InventoryControl{c.Requirement, c.Via, place(c.At), manifest})
	}
	for _, u := range pkg.Unresolved {
		p := place(u.At)
		inv.Unresolved = append(inv.Unresolved, InventoryEntry{Kind: u.Framework + " registration", File: p.File, Line: p.Line, Column: p.Column, Note: u.Why})
	}
}

// addFile adds the agents and servers a config or manifest declares.
func (inv *Inventory) addFile(f *model.File) {
	for _, a := range f.Agents {
		name := a.ID.Value
		if name == "" {
			name = a.Name.Value
		}
		var level string
		if a.Level.Value.Known() {
			level = a.Level.Value.String()
		}
		inv.Agents = append(inv.Agents, InventoryEntry{Kind: string(f.Format), Name: name, File: f.Path, Line: a.Span.Start.Line, Column: a.Span.Start.Col, Format: string(f.Format), Level: level})
		for _, s := range a.Servers {
			inv.Servers = append(inv.Servers, InventoryEntry{Kind: "MCP server in " + string(f.Format), Name: s.Name, File: f.Path, Line: s.Span.Start.Line, Column: s.Span.Start.Col, Format: string(f.Format)})
		}
	}
}

// sort puts every list in file order, and the same tool found by two
// packages once.
func (inv *Inventory) sort() {
	slices.SortFunc(inv.Tools, func(a, b InventoryTool) int {
		return comparePlaces(a.File, a.Line, a.Column, b.File, b.Line, b.Column)
	})
	inv.Tools = slices.CompactFunc(inv.Tools, func(a, b InventoryTool) bool {
		return a.File == b.File && a.Line == b.Line && a.Column == b.Column && a.Name == b.Name
	})
	for _, l := range []*[]InventoryEntry{&inv.Servers, &inv.Agents, &inv.Unresolved} {
		slices.SortFunc(*l, func(a, b InventoryEntry) int {
			return comparePlaces(a.File, a.Line, a.Column, b.File, b.Line, b.Column)
		})
		*l = slices.Compact(*l)
		if *l == nil {
			*l = []InventoryEntry{}
		}
	}
	if inv.Tools == nil {
		inv.Tools = []InventoryTool{}
	}
	slices.SortFunc(inv.Controls, func(a, b InventoryControl) int {
		return cmp.Or(strings.Compare(a.Requirement, b.Requirement), comparePlaces(a.File, a.Line, a.Column, b.File, b.Line, b.Column), strings.Compare(a.Via, b.Via))
	})
	inv.Controls = slices.Compact(inv.Controls)
	if inv.Controls == nil {
		inv.Controls = []InventoryControl{}
	}
	slices.SortFunc(inv.Modules, func(a, b InventoryModule) int { return strings.Compare(a.Path, b.Path) })
	inv.Modules = slices.Compact(inv.Modules)
	if inv.Modules == nil {
		inv.Modules = []InventoryModule{}
	}
}

func comparePlaces(fa string, la, ca int, fb string, lb, cb int) int {
	if c := strings.Compare(filepath.ToSlash(fa), filepath.ToSlash(fb)); c != 0 {
		return c
	}
	if la != lb {
		return la - lb
	}
	return ca - cb
}
