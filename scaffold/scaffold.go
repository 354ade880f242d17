// Package scaffold drafts an ATF manifest for an agent from what a run
// found in its repository: its Go modules, the tools of its Go code with
// what their handlers reach, and the agent configs beside it. It is what
// atflint init writes.
//
// The draft is honest about what it cannot know. What only a person can
// say (the purpose, the owners, the credential's reference, the resources
// the agent may touch) is written TODO, which atflint check reports as not
// declared until it is filled in. The controls of the agent's level are
// written with starting values marked "TODO verify": atflint cannot see
// them in code, and a person must confirm each before the manifest merges.
package scaffold

import (
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/lint"
	"github.com/atflint/atflint/loader"
	"github.com/atflint/atflint/model"
)

// Options say what agent to draft, and where its manifest goes.
type Options struct {
	Name  string
	Level atf.Level
	// Path is where the manifest will be written, as the inventory's
	// paths are written (relative to the same directory): sources are
	// made relative to its directory.
	Path string
	// NotAnalyzed say what the run could not analyze (a Go package that
	// did not load): the draft lists them at its top, since their tools
	// are missing from it.
	NotAnalyzed []string
}

// A Draft is a manifest ready to write, and what its author must know.
type Draft struct {
	Text    []byte
	Tools   int // tools written, from Go code
	Sources int // agent configs listed under sources
	// TODO are the fields left for a person, which check reports.
	TODO []string
	// Warnings are what the draft could not settle: a side effect the
	// level forbids, a tool whose name or handler was not found, a
	// registration not followed.
	Warnings []string
}

// Manifest drafts the manifest of one agent from an inventory.
func Manifest(inv *lint.Inventory, opt Options) (*Draft, error) {
	if !opt.Level.Known() {
		return nil, fmt.Errorf("level %v: want intern, junior, senior or principal", opt.Level)
	}
	d := &Draft{}
	dir, err := filepath.Abs(filepath.Dir(opt.Path))
	if err != nil {
		return nil, fmt.Errorf("the manifest's directory: %w", err)
	}
	w := &writer{level: opt.Level, dir: dir}
	tools := mergeTools(inv.Tools, d)
	for _, u := range inv.Unresolved {
		d.Warnings = append(d.Warnings, fmt.Sprintf("%s:%d:%d: this %s was not followed to its tool (%s): add that tool by hand", u.File, u.Line, u.Column, u.Kind, u.Note))
	}
	for _, a := range inv.Agents {
		if a.Format == string(model.FormatATF) {
			d.Warnings = append(d.Warnings, fmt.Sprintf("%s:%d:%d: the ATF manifest of %q is already here; the new one declares a second agent", a.File, a.Line, a.Column, a.Name))
		}
	}

	w.line(0, "# The ATF manifest of the agent %s, drafted by atflint init.", opt.Name)
	w.line(0, "#")
	w.line(0, "# TODO marks what only a person can say: atflint check reports each as")
	w.line(0, "# not declared until it is filled in. \"TODO verify\" marks a starting")
	w.line(0, "# value for a control atflint cannot see in the code: confirm each is")
	w.line(0, "# true of the agent, or change it, before this file merges. Each control")
	w.line(0, "# is noted with its ATF requirement and how strong it is at %s;", opt.Level)
	w.line(0, "# `atflint explain missing-control` lists them all.")
	if len(opt.NotAnalyzed) > 0 {
		w.line(0, "#")
		w.line(0, "# TODO: not analyzed, so the tools there are missing below (fix, then")
		w.line(0, "# run atflint init again, or add them by hand):")
		for _, na := range opt.NotAnalyzed {
			w.line(0, "#   %s", strings.ReplaceAll(na, "\n", " "))
		}
	}
	w.line(0, `atf: "0.9"`)
	w.line(0, "agent:")
	modules := agentModules(inv, tools)
	if id := agentID(modules, opt.Name); id != "" {
		w.line(2, "id: %s  # I-1 TODO verify: unique, and never given to another agent", id)
	} else {
		w.todo(d, 2, "id", "agent.id", "I-1: a globally unique URN, SPIFFE ID, DID or https URL")
	}
	w.line(2, "name: %s", scalar(opt.Name))
	w.todo(d, 2, "purpose", "agent.purpose", w.keyword("I-4")+": what the agent is for, and its scope")
	w.line(2, "level: %s", opt.Level)
	w.line(2, "owner:  # %s", w.keyword("I-3"))
	w.todo(d, 4, "team", "agent.owner.team", "the team that runs the agent")
	w.todo(d, 4, "accountable", "agent.owner.accountable", "the one person accountable for it")
	if len(modules) > 0 {
		w.line(2, "code:  # the Go code of the agent")
		for _, m := range modules {
			w.line(4, "- %s", scalar(m+"/..."))
		}
	}

	w.line(0, "identity:")
	d.TODO = append(d.TODO, "identity.credential.ref")
	w.control("I-2", 2, "credential: {type: workload, ref: TODO, ttl: 5m}", "TODO verify type and ttl; ref is where the credential comes from, never the secret")

	w.writeTools(tools, d)

	d.TODO = append(d.TODO, "segmentation.resources")
	for _, el := range startingControls {
		w.line(0, "%s:", el.element)
		for _, c := range el.controls {
			switch {
			case c.req == "":
				w.line(2, "%s  # %s", c.entry, c.hint)
			case c.req == "R-5" && opt.Level == atf.Intern:
				// There is no level below intern to fall back to.
			case c.req == "R-5":
				w.control(c.req, 2, fmt.Sprintf(c.entry, opt.Level-1), c.hint)
			default:
				w.control(c.req, 2, c.entry, c.hint)
			}
		}
	}
	d.Sources = w.writeSources(inv)
	d.Text = []byte(w.b.String())
	if err := selfCheck(opt.Path, d.Text); err != nil {
		return nil, err
	}
	return d, nil
}

// startingControls are the controls the draft declares, by element, with
// the values it starts them at. All but the resources (TODO) are marked
// "TODO verify": atflint cannot see them in code.
var startingControls = []struct {
	element  string
	controls []startingControl
}{
	{"segmentation", []startingControl{
		{"", "default: deny", "what is not listed is refused"},
		{"S-1", "resources: [TODO]", "every resource the agent may touch: paths, URLs, databases"},
		{"S-3", "rateLimit: 60/min", "TODO verify"},
		{"S-4", "transactionLimit: {maxAmount: 0}", "TODO verify: the most one action may move"},
		{"S-5", "blastRadius: {maxActionsPerDay: 1000}", "TODO verify"},
	}},
	{"behavior", []startingControl{
		{"B-1", "logging: {format: json}", "TODO verify: every action logged, parseable"},
		{"B-2", "attribution: true", "TODO verify: every action tied to the agent's id and session"},
		{"B-3", "baseline: {window: 7d}", "TODO verify"},
		{"B-4", "anomalyDetection: {alertWithin: 5m}", "TODO verify"},
		{"B-5", "explainability: true", "TODO verify"},
	}},
	{"data", []startingControl{
		{"D-1", "inputValidation: true", "TODO verify: tool input checked against a schema"},
		{"D-2", "injectionDetection: true", "TODO verify"},
		{"D-3", "pii: {action: redact}", "TODO verify"},
		{"D-4", "outputValidation: true", "TODO verify"},
		{"D-5", "lineage: true", "TODO verify"},
	}},
	{"incident", []startingControl{
		{"R-1", "circuitBreaker: {failures: 5, window: 1m}", "TODO verify"},
		{"R-2", "killSwitch: {method: revoke-token, maxLatency: 500ms}", "TODO verify: a person can stop the agent in under a second"},
		{"R-3", "sessionRevocation: true", "TODO verify"},
		{"R-4", "rollback: {strategy: compensating-actions}", "TODO verify"},
		{"R-5", "degradation: {fallbackLevel: %s}", "TODO verify"}, // one level down
	}},
}

// A startingControl is the line that declares a requirement (req), and
// what to confirm of it; with no req, a line of the element's own.
type startingControl struct{ req, entry, hint string }

// A tool is one tool of the draft: the first registration of a name, and
// what every registration of it reaches.
type tool struct {
	lint.InventoryTool
	capabilities []string // in atf.Capabilities order
	sends        bool     // a net.outbound effect changes something
	unguarded    bool     // a side effect no approval comes before
	sideEffect   bool
}

// mergeTools makes one tool of each name, in file order, and warns of
// the tools it cannot write.
func mergeTools(found []lint.InventoryTool, d *Draft) []*tool {
	var tools []*tool
	byName := map[string]*tool{}
	for i := range found {
		it := &found[i]
		if it.Name == "" {
			d.Warnings = append(d.Warnings, fmt.Sprintf("%s:%d:%d: this %s tool's name is not a constant: add it by hand", it.File, it.Line, it.Column, it.Framework))
			continue
		}
		t := byName[it.Name]
		if t == nil {
			t = &tool{InventoryTool: *it}
			byName[it.Name] = t
			tools = append(tools, t)
			if unknown(it) {
				d.Warnings = append(d.Warnings, fmt.Sprintf("%s:%d:%d: tool %q: its handler was not found, so its actions are left for you (check reports it)", it.File, it.Line, it.Column, it.Name))
			}
		}
		for _, e := range it.Effects {
			if !slices.Contains(t.capabilities, e.Capability) {
				t.capabilities = append(t.capabilities, e.Capability)
			}
			if e.Capability == "net.outbound" && e.SideEffect {
				t.sends = true
			}
			if e.SideEffect {
				t.sideEffect = true
				t.unguarded = t.unguarded || e.Guard != "approval"
			}
		}
	}
	for _, t := range tools {
		slices.SortFunc(t.capabilities, func(a, b string) int {
			return slices.Index(atf.Capabilities, a) - slices.Index(atf.Capabilities, b)
		})
	}
	return tools
}

// unknown reports a tool whose handler was not found and whose effects
// are therefore not known.
func unknown(t *lint.InventoryTool) bool { return t.Handler == nil && len(t.Effects) == 0 }

// actionOf is the action a tool takes when its handler reaches a
// capability.
func actionOf(capability string, sends bool) string {
	switch capability {
	case "fs.write", "db.write":
		return "write"
	case "fs.delete":
		return "delete"
	case "exec", "code.eval":
		return "execute"
	case "agent.delegate":
		return "send"
	case "net.outbound":
		if sends {
			return "send"
		}
	}
	return "read"
}

func (w *writer) writeTools(tools []*tool, d *Draft) {
	var all []string
	for _, t := range tools {
		for _, c := range t.capabilities {
			if !slices.Contains(all, c) {
				all = append(all, c)
			}
		}
	}
	slices.SortFunc(all, func(a, b string) int { return slices.Index(atf.Capabilities, a) - slices.Index(atf.Capabilities, b) })
	if len(tools) == 0 {
		w.line(0, "# capabilities: [...]  # %s: atflint found no tools in Go code; list what the agent can do", w.keyword("I-5"))
		w.line(0, "tools: []  # %s TODO verify: list every tool the agent can call", w.keyword("S-2"))
		return
	}
	w.line(0, "capabilities: [%s]  # %s: what the tools below reach in Go code", strings.Join(all, ", "), w.keyword("I-5"))
	w.line(0, "tools:  # %s: the tools found in Go code", w.keyword("S-2"))
	for _, t := range tools {
		d.Tools++
		w.line(2, "- name: %s  # %s:%d:%d (%s)", scalar(t.Name), w.rel(t.File), t.Line, t.Column, t.Framework)
		if unknown(&t.InventoryTool) {
			w.line(4, "# TODO: atflint did not find this tool's handler; list its actions and capabilities")
			continue
		}
		var actions []string
		for _, c := range t.capabilities {
			if a := actionOf(c, t.sends); !slices.Contains(actions, a) {
				actions = append(actions, a)
			}
		}
		if len(actions) == 0 {
			w.line(4, "actions: [read]  # TODO verify: the handler reaches nothing atflint tracks")
		} else {
			slices.SortFunc(actions, func(a, b string) int { return slices.Index(atf.Actions, a) - slices.Index(atf.Actions, b) })
			w.line(4, "actions: [%s]", strings.Join(actions, ", "))
			w.line(4, "capabilities: [%s]", strings.Join(t.capabilities, ", "))
		}
		switch {
		case !t.sideEffect:
			w.line(4, "approval: none")
		case w.level <= atf.Junior:
			note := "a person approves it in the handler"
			if t.unguarded {
				note = "no approval found in the handler: atflint check reports it"
			}
			w.line(4, "approval: required  # %s agent acts only after a person approves; %s", w.level.WithArticle(), note)
			if w.level == atf.Intern {
				d.Warnings = append(d.Warnings, fmt.Sprintf("%s:%d:%d: tool %q reaches %s, but an intern agent is read-only: atflint check reports it; choose --level junior, or take the effect out", t.File, t.Line, t.Column, t.Name, sideEffectOf(t)))
			}
		case !t.unguarded:
			w.line(4, "approval: required  # a person approves it in the handler")
		case w.level == atf.Senior:
			w.line(4, "approval: notify  # TODO verify: a senior agent acts and a person is told; say required if one must approve first")
		default:
			w.line(4, "approval: none  # TODO verify: a principal agent acts alone, within the limits below")
		}
		if t.sideEffect && w.level == atf.Principal {
			// A principal agent's side effects stay within declared
			// boundaries, whoever approves them.
			w.line(4, "limits: {rate: 60/min}  # TODO verify")
			w.line(4, "# resources: [...]  # TODO: what this tool may touch; atflint check reports the tool until it is listed")
			if !slices.Contains(d.TODO, "tools[].resources") {
				d.TODO = append(d.TODO, "tools[].resources")
			}
		}
	}
}

func sideEffectOf(t *tool) string {
	for _, c := range t.capabilities {
		if atf.SideEffectCapability(c) || c == "net.outbound" && t.sends {
			return c
		}
	}
	return t.capabilities[0]
}

// writeSources lists the MCP client configs found under sources,
// relative to the manifest's directory, each with the servers it names.
// Other configs (a coding agent's settings, another agent's card) declare
// other agents, and stay their own.
func (w *writer) writeSources(inv *lint.Inventory) int {
	var files []string
	servers := map[string][]string{}
	for _, s := range inv.Servers {
		if s.Format == "" {
			continue // one built in Go code
		}
		if _, ok := servers[s.File]; !ok {
			files = append(files, s.File)
		}
		if s.Name != "" {
			servers[s.File] = append(servers[s.File], s.Name)
		} else {
			servers[s.File] = append(servers[s.File], "(unnamed)")
		}
	}
	if len(files) == 0 {
		return 0
	}
	slices.Sort(files)
	w.line(0, "sources:  # the MCP client configs here, checked at this agent's level")
	for _, f := range files {
		w.line(2, "- %s  # MCP servers: %s", scalar(w.rel(f)), strings.Join(servers[f], ", "))
	}
	return len(files)
}

// agentModules are the Go modules of the agent: those its tools are in
// (each tool in the innermost module around it), or every module
// analyzed when no tool was found.
func agentModules(inv *lint.Inventory, tools []*tool) []string {
	if len(tools) == 0 {
		var all []string
		for _, m := range inv.Modules {
			all = append(all, m.Path)
		}
		return all
	}
	var mods []string
	for _, t := range tools {
		file, best, depth := filepath.ToSlash(t.File), "", -1
		for _, m := range inv.Modules {
			dir := filepath.ToSlash(m.Dir)
			if (dir == "." || strings.HasPrefix(file, dir+"/")) && len(dir) > depth {
				best, depth = m.Path, len(dir)
			}
		}
		if best != "" && !slices.Contains(mods, best) {
			mods = append(mods, best)
		}
	}
	slices.Sort(mods)
	return mods
}

// agentID is an https URL under the agent's first Go module, when the
// module path starts with a host; "" when there is none to build on.
func agentID(modules []string, name string) string {
	for _, m := range modules {
		if host, _, _ := strings.Cut(m, "/"); strings.Contains(host, ".") {
			return "https://" + m + "/agents/" + url.PathEscape(name)
		}
	}
	return ""
}

// selfCheck loads the draft as atflint check will: a draft it cannot read
// is a bug here, not the user's to find.
func selfCheck(path string, text []byte) error {
	f := loader.LoadATF(path, text)
	for _, p := range f.Problems {
		return fmt.Errorf("the drafted manifest does not load (an internal error): %d:%d: %s", p.Span.Start.Line, p.Span.Start.Col, p.Message)
	}
	return nil
}

// A writer builds the manifest's text line by line.
type writer struct {
	b     strings.Builder
	level atf.Level
	dir   string // the manifest's directory, absolute
}

// rel writes a path of the inventory relative to the manifest's
// directory, with / separators, as sources are written.
func (w *writer) rel(path string) string {
	to, err := filepath.Abs(path)
	if err == nil {
		to, err = filepath.Rel(w.dir, to)
	}
	if err != nil {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(to)
}

func (w *writer) line(indent int, format string, args ...any) {
	w.b.WriteString(strings.Repeat(" ", indent))
	fmt.Fprintf(&w.b, format, args...)
	w.b.WriteByte('\n')
}

// keyword writes a requirement with its strength at the level: "B-1, a
// MUST at junior".
func (w *writer) keyword(req string) string {
	r, _ := atf.Lookup(req)
	return fmt.Sprintf("%s, a %s at %s", req, r.At(w.level), w.level)
}

// control writes the line that declares a requirement. One that is only
// a MAY at the level is written commented out, to show how.
func (w *writer) control(req string, indent int, entry, hint string) {
	r, _ := atf.Lookup(req)
	if r.At(w.level) == atf.May {
		w.line(indent, "# %s  # %s (%s)", entry, w.keyword(req), r.Name)
		return
	}
	w.line(indent, "%s  # %s: %s", entry, w.keyword(req), hint)
}

// todo writes a field only a person can fill in, and notes it.
func (w *writer) todo(d *Draft, indent int, key, field, hint string) {
	d.TODO = append(d.TODO, field)
	w.line(indent, "%s: TODO  # %s", key, hint)
}

// scalar writes a string as a YAML scalar: plain where YAML reads it back
// as the same string, double-quoted (JSON's quoting, which YAML reads)
// otherwise.
func scalar(s string) string {
	if s != "" && plain(s) {
		return s
	}
	return fmt.Sprintf("%q", s)
}

// plain reports whether s is safe unquoted: letters, digits and a few
// marks, not starting with one that YAML gives a meaning, and not a word
// YAML reads as another type.
func plain(s string) bool {
	for i, r := range s {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || i > 0 && strings.ContainsRune("_-./@+", r)
		if !ok {
			return false
		}
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~":
		return false
	}
	return !strings.ContainsAny(s[:1], "0123456789")
}
