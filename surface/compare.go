package surface

import (
	"fmt"
	"slices"
	"strings"

	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/finding"
)

// A Change is one tool or server that is new, gone, or differs.
type Change struct {
	Kind string // "added", "removed" or "changed"
	What string // "tool" or "server"
	// Old and New are the entry before and after: Old nil when added,
	// New nil when removed. OldAt is Old's index in the old lock.
	OldTool, NewTool     *Tool
	OldServer, NewServer *Server
	OldAt                int
	// Details say what changed, each with its old and new value.
	Details []string
	// Gained and Lost are the effects a tool gained and lost.
	Gained, Lost []string
	Severity     finding.Severity
}

// Name is the changed entry's name, as it is now when it still is.
func (c *Change) Name() string {
	switch {
	case c.NewTool != nil:
		return c.NewTool.Name
	case c.OldTool != nil:
		return c.OldTool.Name
	case c.NewServer != nil:
		return c.NewServer.Name
	}
	return c.OldServer.Name
}

// risky are the capabilities whose gain is a warning: running programs,
// writing or deleting files, sending data out, reading secrets.
var risky = []string{"exec", "fs.write", "fs.delete", "net.outbound", "secrets"}

func isRisky(effect string) bool {
	capability, _, _ := strings.Cut(effect, " (")
	name, _ := atf.SplitCapability(capability)
	return slices.Contains(risky, name)
}

// Compare says what changed from old to now. Only entries for which
// covers is true of their file are compared, so that a check of part of
// the tree, or one without Go, does not report the rest as gone.
func Compare(old, now *Lock, covers func(file string) bool) []Change {
	keep := func(file string) bool {
		if strings.HasSuffix(file, ".go") && !(old.Go && now.Go) {
			return false
		}
		return covers(file)
	}
	var changes []Change
	changes = append(changes, compareTools(old.Tools, now.Tools, keep)...)
	changes = append(changes, compareServers(old.Servers, now.Servers, keep)...)
	return changes
}

// matcher pairs old and new entries by ever looser keys, among those
// considered.
type matcher[T any] struct {
	old, now   []T
	oldOf      []int // the new entry's index paired with each old, -1
	nowPaired  []bool
	considered func(T) bool
}

func newMatcher[T any](old, now []T, keep func(T) bool) *matcher[T] {
	m := &matcher[T]{old: old, now: now, oldOf: make([]int, len(old)), nowPaired: make([]bool, len(now)), considered: keep}
	for i := range m.oldOf {
		m.oldOf[i] = -1
	}
	return m
}

// pair pairs the entries left whose key is one old and one new; with
// inOrder, also as many old as new (one definition registered twice),
// in their order.
func (m *matcher[T]) pair(key func(T) string, inOrder bool) {
	count := func(list []T, paired func(int) bool) map[string][]int {
		out := map[string][]int{}
		for i, e := range list {
			if k := key(e); k != "" && !paired(i) && m.considered(e) {
				out[k] = append(out[k], i)
			}
		}
		return out
	}
	olds := count(m.old, func(i int) bool { return m.oldOf[i] >= 0 })
	nows := count(m.now, func(i int) bool { return m.nowPaired[i] })
	for k, is := range olds {
		if js := nows[k]; len(is) == len(js) && (len(is) == 1 || inOrder) {
			for n, i := range is {
				m.oldOf[i] = js[n]
				m.nowPaired[js[n]] = true
			}
		}
	}
}

// each calls removed for each old entry considered and left unpaired,
// changed for each pair, then added for each new entry left unpaired.
func (m *matcher[T]) each(removed func(i int), changed func(i, j int), added func(j int)) {
	for i, o := range m.old {
		switch {
		case !m.considered(o):
		case m.oldOf[i] < 0:
			removed(i)
		default:
			changed(i, m.oldOf[i])
		}
	}
	for j, n := range m.now {
		if !m.nowPaired[j] && m.considered(n) {
			added(j)
		}
	}
}

func compareTools(old, now []Tool, keep func(string) bool) []Change {
	m := newMatcher(old, now, func(t Tool) bool { return keep(t.File) })
	m.pair(func(t Tool) string { return t.In + "\x00" + t.Name + "\x00" + t.Handler }, true)
	m.pair(func(t Tool) string { return t.In + "\x00" + t.Name }, false)
	m.pair(func(t Tool) string { return t.Handler }, false)
	m.pair(func(t Tool) string { return t.Name }, false)
	var changes []Change
	m.each(func(i int) {
		changes = append(changes, Change{Kind: "removed", What: "tool", OldTool: &old[i], OldAt: i, Severity: finding.Note})
	}, func(i, j int) {
		if c, ok := toolChange(&old[i], &now[j]); ok {
			c.OldAt = i
			changes = append(changes, c)
		}
	}, func(j int) {
		n := &now[j]
		c := Change{Kind: "added", What: "tool", NewTool: n, OldAt: -1, Gained: n.Effects, Severity: finding.Note}
		if slices.ContainsFunc(n.Effects, isRisky) {
			c.Severity = finding.Warning
		}
		changes = append(changes, c)
	})
	return changes
}

// toolChange says how a tool differs from what the lock pins, if it does.
func toolChange(o, n *Tool) (Change, bool) {
	c := Change{Kind: "changed", What: "tool", OldTool: o, NewTool: n, Severity: finding.Note}
	warn := func() { c.Severity = finding.Warning }
	if o.Name != n.Name {
		c.Details = append(c.Details, fmt.Sprintf("renamed from %q", o.Name))
	}
	if o.In != n.In {
		c.Details = append(c.Details, fmt.Sprintf("moved from %s to %s", o.In, n.In))
	}
	if o.Description != n.Description {
		warn()
		c.Details = append(c.Details, "description changed ("+describeChange(o, n)+")")
	}
	if o.Schema != n.Schema && o.Schema != "" && n.Schema != "" {
		c.Details = append(c.Details, fmt.Sprintf("input schema changed (%s, now %s)", short(o.Schema), short(n.Schema)))
	}
	if o.Handler != n.Handler && o.Handler != "" && n.Handler != "" {
		c.Details = append(c.Details, fmt.Sprintf("handler %s, now %s", o.Handler, n.Handler))
	}
	for _, e := range n.Effects {
		if !slices.Contains(o.Effects, e) {
			c.Gained = append(c.Gained, e)
			if isRisky(e) {
				warn()
			}
		}
	}
	for _, e := range o.Effects {
		if !slices.Contains(n.Effects, e) {
			c.Lost = append(c.Lost, e)
		}
	}
	if len(c.Gained) > 0 {
		c.Details = append(c.Details, "now reaches "+strings.Join(c.Gained, ", "))
	}
	if len(c.Lost) > 0 {
		c.Details = append(c.Details, "no longer reaches "+strings.Join(c.Lost, ", "))
	}
	return c, len(c.Details) > 0
}

// describeChange words a description's change: the old and new texts
// when both are known, else the hashes and the new text.
func describeChange(o, n *Tool) string {
	switch {
	case n.Description == "":
		return "now none"
	case o.text != "" || o.Description == "":
		// Both texts known: shown from a little before where they part.
		from := commonPrefix(o.text, n.text)
		return fmt.Sprintf("was %s, now %s", quoteFrom(o.text, from), quoteFrom(n.text, from))
	}
	return fmt.Sprintf("atflint.lock pins %s, now %s: %s", short(o.Description), short(n.Description), quoteClip(n.text))
}

func compareServers(old, now []Server, keep func(string) bool) []Change {
	m := newMatcher(old, now, func(s Server) bool { return keep(s.File) })
	m.pair(func(s Server) string { return s.File + "\x00" + s.Name }, true)
	// A server renamed in its config runs what it ran.
	m.pair(func(s Server) string {
		if s.Command == "" && s.URL == "" {
			return ""
		}
		return s.File + "\x00" + s.Command + "\x00" + strings.Join(s.Packages, " ") + "\x00" + s.URL
	}, false)
	var changes []Change
	m.each(func(i int) {
		changes = append(changes, Change{Kind: "removed", What: "server", OldServer: &old[i], OldAt: i, Severity: finding.Note})
	}, func(i, j int) {
		if c, ok := serverChange(&old[i], &now[j]); ok {
			c.OldAt = i
			changes = append(changes, c)
		}
	}, func(j int) {
		changes = append(changes, Change{Kind: "added", What: "server", NewServer: &now[j], OldAt: -1, Severity: finding.Warning})
	})
	return changes
}

// serverChange says how a server differs from what the lock pins: what
// it runs is a warning, the names it is given a note.
func serverChange(o, n *Server) (Change, bool) {
	c := Change{Kind: "changed", What: "server", OldServer: o, NewServer: n, Severity: finding.Note}
	if o.Name != n.Name {
		c.Details = append(c.Details, fmt.Sprintf("renamed from %q", o.Name))
	}
	for _, d := range []struct{ what, old, now string }{
		{"command", o.Command, n.Command},
		{"packages", strings.Join(o.Packages, " "), strings.Join(n.Packages, " ")},
		{"url", o.URL, n.URL},
	} {
		if d.old != d.now {
			c.Severity = finding.Warning
			c.Details = append(c.Details, fmt.Sprintf("%s %s, now %s", d.what, orNone(d.old), orNone(d.now)))
		}
	}
	if o.Args != n.Args && c.Severity == finding.Note {
		// Its packages are among its arguments: said once, above.
		c.Severity = finding.Warning
		c.Details = append(c.Details, "arguments changed")
	}
	for _, d := range []struct {
		what     string
		old, now []string
	}{{"environment", o.Env, n.Env}, {"headers", o.Headers, n.Headers}} {
		if !slices.Equal(d.old, d.now) {
			c.Details = append(c.Details, fmt.Sprintf("%s %s, now %s", d.what, orNone(strings.Join(d.old, ", ")), orNone(strings.Join(d.now, ", "))))
		}
	}
	return c, len(c.Details) > 0
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// short is a hash cut to what a person compares.
func short(h string) string {
	if len(h) > len("sha256:")+12 {
		return h[:len("sha256:")+12]
	}
	return h
}

// quoteClip quotes a text, cut to a length a message can hold.
func quoteClip(s string) string { return quoteFrom(s, 0) }

// quoteFrom quotes a text from a little before its from-th code point,
// cut to a length a message can hold.
func quoteFrom(s string, from int) string {
	r := []rune(s)
	start := max(0, from-20)
	head := ""
	if start > 0 {
		head = "…"
	}
	if len(r)-start > 80 {
		return fmt.Sprintf("%s%q…", head, string(r[start:start+80]))
	}
	return fmt.Sprintf("%s%q", head, string(r[start:]))
}

// commonPrefix is how many code points a and b begin with alike.
func commonPrefix(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	n := 0
	for n < len(ra) && n < len(rb) && ra[n] == rb[n] {
		n++
	}
	return n
}
