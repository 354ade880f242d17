// Package surface is the agent's surface pinned: atflint.lock, one entry
// per tool and per MCP server a run found, and what a change to the code
// or the configs adds to or takes from it. A tool is pinned by what the
// model reads of it and what it does (hashes of its description and input
// schema, the capabilities its handler reaches and their guards), so that a
// tool trusted once and changed later shows in review; a server by what
// it runs (command, packages, URL) and the names, never the values, of
// its environment and headers.
package surface

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"github.com/atflint/atflint/lint"
	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/rules"
	"github.com/atflint/atflint/syntax"
)

// FileName is the lock's name, in the directory atflint runs in.
const FileName = "atflint.lock"

// Version is the lock format this atflint reads and writes.
const Version = 1

// A Lock is the surface of the agents a run found.
type Lock struct {
	Version int `json:"atflint_lock"`
	// Go says whether Go code was analysed: a lock written with --no-go
	// pins no Go tool, and a check with --no-go compares none.
	Go      bool     `json:"go"`
	Tools   []Tool   `json:"tools"`
	Servers []Server `json:"servers"`

	// unnamed counts the Go tools whose names are not constants, which
	// the lock cannot pin.
	unnamed int
}

// Unnamed is how many tools a lock built from a run could not pin: their
// names are not constants.
func (l *Lock) Unnamed() int { return l.unnamed }

// A Tool is one tool, as the lock pins it.
type Tool struct {
	// In is what the tool belongs to: the Go package that registers it,
	// or the manifest that declares it and the agent's id.
	In   string `json:"in"`
	Name string `json:"name"`
	// Handler names the tool's handler in a way renaming the tool keeps
	// (pkg.listPods); "" when there is none to name, and then a renamed
	// tool is one gone and one new.
	Handler string `json:"handler,omitempty"`
	// File is where the tool is built or declared; it is not compared.
	File        string `json:"file"`
	Description string `json:"description"`
	// Schema is a hash of what the tool's input is built from; "" when
	// it is not known (a Go tool built in another package).
	Schema string `json:"schema,omitempty"`
	// Effects are the capabilities the tool reaches or declares, each
	// with the weakest guard before it: "exec", "fs.write (approval)".
	Effects []string `json:"effects"`

	// text is the description itself and at where the tool is, known
	// only of a lock built from a run, for messages.
	text string
	at   place
}

// A place is where an entry is, as findings name it.
type place struct {
	file string
	span syntax.Span
}

// A Server is one MCP server a config declares.
type Server struct {
	File string `json:"file"`
	Name string `json:"name"`
	// Command is the program the server is started with, without its
	// arguments; Packages what that program fetches and runs; Args a
	// hash of the arguments, which may hold secrets.
	Command  string   `json:"command,omitempty"`
	Packages []string `json:"packages,omitempty"`
	Args     string   `json:"args,omitempty"`
	// URL is a remote server's address without its userinfo and query,
	// which may hold secrets.
	URL     string   `json:"url,omitempty"`
	Env     []string `json:"env,omitempty"`
	Headers []string `json:"headers,omitempty"`

	at place
}

// Build pins the surface of a run made with Options.Inventory and
// Options.Models: Go tools from the inventory, declared tools and servers
// from the files read. The lock's paths are relative to dir, the lock's
// directory, as the run's are to the directory it ran in.
func Build(res *lint.Result, goAnalysed bool, dir string) *Lock {
	l := &Lock{Version: Version, Go: goAnalysed, Tools: []Tool{}, Servers: []Server{}}
	rel := relativeTo(dir)
	if res.Inventory != nil {
		for _, t := range res.Inventory.Tools {
			if t.Name == "" {
				l.unnamed++
				continue
			}
			lt := Tool{In: t.Package, Name: t.Name, Handler: t.HandlerName, File: rel(t.File), Description: hash(t.Description), Schema: t.Schema, Effects: []string{},
				text: t.Description, at: place{t.File, syntax.At(syntax.Pos{Line: t.Line, Col: t.Column})}}
			for _, e := range t.Effects {
				lt.Effects = append(lt.Effects, effect(e.Capability, e.Guard))
			}
			l.Tools = append(l.Tools, lt)
		}
	}
	for _, f := range res.Models {
		for _, a := range f.Agents {
			for _, t := range a.Tools {
				l.Tools = append(l.Tools, declaredTool(f, a, t, rel))
			}
			for _, s := range a.Servers {
				l.Servers = append(l.Servers, server(f, s, rel))
			}
		}
	}
	for i := range l.Tools {
		slices.Sort(l.Tools[i].Effects)
		l.Tools[i].Effects = slices.Compact(l.Tools[i].Effects)
	}
	slices.SortFunc(l.Tools, func(a, b Tool) int {
		return cmp.Or(strings.Compare(a.In, b.In), strings.Compare(a.Name, b.Name), strings.Compare(a.Handler, b.Handler), strings.Compare(a.File, b.File))
	})
	// One definition registered twice is pinned once.
	l.Tools = slices.CompactFunc(l.Tools, func(a, b Tool) bool {
		return a.In == b.In && a.Name == b.Name && a.Handler == b.Handler && a.File == b.File
	})
	slices.SortFunc(l.Servers, func(a, b Server) int {
		return cmp.Or(strings.Compare(a.File, b.File), strings.Compare(a.Name, b.Name))
	})
	return l
}

// effect writes a capability with its guard.
func effect(capability, guard string) string {
	if guard == "" {
		return capability
	}
	return capability + " (" + guard + ")"
}

// declaredTool pins a tool a manifest or config declares: its schema is
// what the declaration says it acts on, its effects the capabilities it
// declares, guarded by the approval it asks for.
func declaredTool(f *model.File, a *model.Agent, t *model.Tool, rel func(string) string) Tool {
	in := rel(f.Path)
	if a.ID.Value != "" {
		in += "#" + a.ID.Value
	}
	lt := Tool{In: in, Name: t.Name.Value, File: rel(f.Path), Description: hash(t.Description.Value), Effects: []string{},
		text: t.Description.Value, at: place{f.Path, t.Span}}
	var schema []string
	for _, l := range []struct {
		key  string
		list model.List
	}{{"actions", t.Actions}, {"resources", t.Resources}} {
		for _, it := range l.list.Items {
			schema = append(schema, l.key+"="+it.Value)
		}
	}
	schema = append(schema, "approval="+t.Approval.Value)
	if t.Limits != nil {
		schema = append(schema, "rate="+t.Limits.Rate.Value, "maxAmount="+t.Limits.MaxAmount.Value)
	}
	lt.Schema = hash(strings.Join(schema, "\n"))
	guard := ""
	if t.Approval.Value == "required" {
		guard = "approval"
	}
	for _, c := range t.Capabilities.Items {
		lt.Effects = append(lt.Effects, effect(c.Value, guard))
	}
	return lt
}

// server pins a server.
func server(f *model.File, s *model.Server, rel func(string) string) Server {
	ls := Server{File: rel(f.Path), Name: s.Name, Packages: rules.Launched(s), at: place{f.Path, s.Span}}
	// A command line in one string: its program is the command, the rest
	// arguments.
	args := strings.Fields(s.Command.Value)
	if len(args) > 0 {
		ls.Command, args = args[0], args[1:]
	}
	for _, a := range s.Args {
		args = append(args, a.Value)
	}
	if len(args) > 0 {
		ls.Args = hash(strings.Join(args, "\x00"))
	}
	if s.URL.Value != "" {
		ls.URL = s.URL.Value
		if u, err := url.Parse(s.URL.Value); err == nil {
			u.User, u.RawQuery, u.Fragment = nil, "", ""
			ls.URL = u.String()
		}
	}
	for _, e := range s.Env {
		ls.Env = append(ls.Env, e.Key)
	}
	for _, h := range s.Headers {
		ls.Headers = append(ls.Headers, h.Key)
	}
	slices.Sort(ls.Env)
	slices.Sort(ls.Headers)
	return ls
}

// relativeTo makes a run's path, relative to the directory it ran in,
// relative to dir.
func relativeTo(dir string) func(string) string {
	dir = filepath.Clean(dir)
	return func(p string) string {
		if dir == "." {
			return p
		}
		absDir, err1 := filepath.Abs(dir)
		abs, err2 := filepath.Abs(filepath.FromSlash(p))
		if r, err := filepath.Rel(absDir, abs); err1 == nil && err2 == nil && err == nil {
			return filepath.ToSlash(r)
		}
		return p
	}
}

// hash is how the lock pins a text: "" for none.
func hash(s string) string {
	if s == "" {
		return ""
	}
	return fmt.Sprintf("sha256:%x", sha256.Sum256([]byte(s)))
}

// Marshal writes the lock: one entry to a line, in a stable order, so
// that its diff in review shows each tool or server that changed as the
// one line that did.
func (l *Lock) Marshal() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\n  \"atflint_lock\": %d,\n  \"go\": %t,\n", l.Version, l.Go)
	writeList(&b, "tools", l.Tools, ",")
	writeList(&b, "servers", l.Servers, "")
	b.WriteString("}\n")
	return b.Bytes()
}

func writeList[T any](b *bytes.Buffer, key string, entries []T, after string) {
	if len(entries) == 0 {
		fmt.Fprintf(b, "  %q: []%s\n", key, after)
		return
	}
	fmt.Fprintf(b, "  %q: [\n", key)
	for i, e := range entries {
		line, err := json.Marshal(e)
		if err != nil {
			panic(err) // strings and lists of strings always marshal
		}
		b.WriteString("    ")
		b.Write(line)
		if i < len(entries)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(b, "  ]%s\n", after)
}

// Duplicates says which tools of the lock share a name where they are
// registered: a client sees one of them. The lock keeps both, told apart
// by their handlers.
func Duplicates(l *Lock) []string {
	var out []string
	for i := 1; i < len(l.Tools); i++ {
		a, b := l.Tools[i-1], l.Tools[i]
		if a.In == b.In && a.Name == b.Name && (i < 2 || l.Tools[i-2].In != a.In || l.Tools[i-2].Name != a.Name) {
			out = append(out, fmt.Sprintf("two or more tools named %q in %s (%s, %s): the lock tells them apart by their handlers", a.Name, a.In, a.File, b.File))
		}
	}
	return out
}
