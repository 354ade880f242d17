package schemas

import (
	"bytes"
	"embed"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

// published holds the JSON Schemas other projects publish for their
// formats, each folder with its licence and a PROVENANCE.md.
//
//go:embed published
var published embed.FS

// A Published is one published schema, compiled on first use with the
// general JSON Schema implementation: such files are few, and its
// verdicts are the reference.
type Published struct {
	// Name says what the schema describes, for messages.
	Name string
	// file is the schema's path in the published folder.
	file string
	// draft, if set, is the JSON Schema dialect the schema is read in,
	// whatever its $schema says.
	draft  *jsonschema.Draft
	schema func() *jsonschema.Schema
}

func newPublished(name, file string, draft *jsonschema.Draft) *Published {
	p := &Published{Name: name, file: file, draft: draft}
	p.schema = sync.OnceValue(p.compile)
	return p
}

// A2ACard is the agent card part of the A2A protocol's schema.
var A2ACard = newPublished("A2A agent card", "published/a2a/agent-card.schema.json", nil)

// The Microsoft 365 Copilot schemas, by the version a file declares. They
// say draft-04 but use $defs, const and if/then of later drafts, so they
// are read as 2020-12, which is what their authors' tools do.
var (
	m365Agents  = publishedVersions("declarative agent", "published/m365/declarative-agent")
	m365Plugins = publishedVersions("API plugin", "published/m365/plugin")
)

func publishedVersions(name, dir string) map[string]*Published {
	entries, err := published.ReadDir(dir)
	if err != nil {
		panic(fmt.Sprintf("the built-in %s schemas: %v", name, err))
	}
	versions := map[string]*Published{}
	for _, e := range entries {
		v := e.Name()
		versions[v] = newPublished(name+" "+v, dir+"/"+v+"/schema.json", jsonschema.Draft2020)
	}
	return versions
}

// M365Agent returns the schema of a declarative agent manifest of the
// given version ("v1.6"), if atflint ships it.
func M365Agent(version string) (*Published, bool) {
	p, ok := m365Agents[version]
	return p, ok
}

// M365AgentVersions lists the declarative agent versions atflint ships
// the schema of, in order.
func M365AgentVersions() []string { return sortedVersions(m365Agents) }

// M365PluginVersions lists the API plugin versions atflint ships the
// schema of, in order.
func M365PluginVersions() []string { return sortedVersions(m365Plugins) }

// sortedVersions orders "v1.10" after "v1.9".
func sortedVersions(m map[string]*Published) []string {
	versions := slices.Collect(maps.Keys(m))
	slices.SortFunc(versions, func(a, b string) int {
		as, bs := strings.Split(strings.TrimPrefix(a, "v"), "."), strings.Split(strings.TrimPrefix(b, "v"), ".")
		for i := 0; i < len(as) && i < len(bs); i++ {
			x, _ := strconv.Atoi(as[i])
			y, _ := strconv.Atoi(bs[i])
			if x != y {
				return x - y
			}
		}
		return len(as) - len(bs)
	})
	return versions
}

// M365Plugin returns the schema of an API plugin manifest of the given
// schema_version ("v2.4"), if atflint ships it.
func M365Plugin(version string) (*Published, bool) {
	p, ok := m365Plugins[version]
	return p, ok
}

// compile builds the schema. The schemas are built in, so a failure is a
// bug of atflint's, which a test rules out.
func (p *Published) compile() *jsonschema.Schema {
	src, err := published.ReadFile(p.file)
	if err != nil {
		panic(fmt.Sprintf("the built-in %s schema: %v", p.Name, err))
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
	if err != nil {
		panic(fmt.Sprintf("the built-in %s schema: %v", p.Name, err))
	}
	c := jsonschema.NewCompiler()
	c.UseRegexpEngine(lenientRegexp)
	// Formats decide between alternatives: an API plugin's spec is an
	// OpenAPI one or an MCP server's by whether its url is absolute.
	c.AssertFormat()
	if p.draft != nil {
		if m, ok := doc.(map[string]any); ok {
			delete(m, "$schema")
		}
		c.DefaultDraft(p.draft)
	}
	// The URL only names the schema inside the compiler: nothing is fetched.
	url := "https://github.com/atflint/atflint/schemas/" + p.file
	if err := c.AddResource(url, doc); err != nil {
		panic(fmt.Sprintf("the built-in %s schema: %v", p.Name, err))
	}
	return c.MustCompile(url)
}

// lenientRegexp compiles a pattern with Go's regexp. A pattern it cannot
// compile, such as the lookarounds of the Microsoft 365 schemas, matches
// everything: it is left unchecked rather than failing the schema.
func lenientRegexp(pattern string) (jsonschema.Regexp, error) {
	if re, err := regexp.Compile(pattern); err == nil {
		return re, nil
	}
	return anything(pattern), nil
}

type anything string

func (a anything) String() string          { return string(a) }
func (anything) MatchString(s string) bool { return true }

var english = message.NewPrinter(language.English)

// Validate checks a file's tree against the schema and returns what breaks
// it, at the value at fault, in file order.
func (p *Published) Validate(root *syntax.Node) []model.Problem {
	verr, ok := p.schema().Validate(root.Interface()).(*jsonschema.ValidationError)
	if !ok {
		return nil
	}
	var problems []model.Problem
	for _, f := range failures(verr, nil) {
		span := problemSpan(lookup(root, f.at))
		if f.key {
			span = keySpan(root, f.at)
		}
		problems = append(problems, model.Problem{
			Kind:    model.SchemaViolation,
			Span:    span,
			Message: fmt.Sprintf("%s breaks the %s schema: %s", instanceName(f.at), p.Name, f.msg),
		})
	}
	slices.SortStableFunc(problems, func(a, b model.Problem) int {
		if a.Span.Start != b.Span.Start {
			if a.Span.Start.Before(b.Span.Start) {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Message, b.Message)
	})
	return slices.Compact(problems)
}

// A failure is one way a value breaks a schema.
type failure struct {
	at  []string // the value's JSON pointer tokens
	msg string
	key bool // the key at the end of at is at fault, not its value
}

// failures returns what to report: the leaves of the error tree, where a
// value fails a keyword itself. A value that fits none of the
// alternatives of an anyOf or oneOf is reported by the failures of the
// alternative it comes nearest to, the one with fewest, which is most
// often the one its author meant: an apiKey scheme with a bad "in" is
// told about "in", not about every other kind of scheme; with a tie, the
// anyOf itself is the failure. Where alternatives are told apart by a
// constant at one place, as capabilities by their name, the one whose
// constant matched is the form meant, and its failures are reported; where
// the value there matches none of them, that is the one failure.
//
// parent is the location of the error e is a cause of: the library gives
// a propertyNames error a location it goes on to change.
func failures(e *jsonschema.ValidationError, parent []string) []failure {
	switch k := e.ErrorKind.(type) {
	case *kind.Group, *kind.Schema, *kind.Reference, *kind.AllOf:
		var out []failure
		for _, c := range e.Causes {
			out = append(out, failures(c, e.InstanceLocation)...)
		}
		return out
	case *kind.PropertyNames:
		at := append(slices.Clone(parent), k.Property)
		return []failure{{at, fmt.Sprintf("the schema allows no key %q here", k.Property), true}}
	case *kind.OneOf:
		if len(k.Subschemas) > 1 {
			return []failure{{e.InstanceLocation, "it matches more than one of the forms the schema allows, and must match one", false}}
		}
	}
	switch e.ErrorKind.(type) {
	case *kind.AnyOf, *kind.OneOf:
		if at, wants, ok := constants(e.Causes); ok {
			return []failure{{at, "value must be one of " + strings.Join(wants, ", "), false}}
		}
		if meant := discriminated(e.Causes); meant != nil {
			return failures(meant, e.InstanceLocation)
		}
		var best []failure
		tie := false
		for _, c := range e.Causes {
			f := failures(c, e.InstanceLocation)
			switch {
			case best == nil || len(f) < len(best):
				best, tie = f, false
			case len(f) == len(best):
				tie = true
			}
		}
		if best != nil && !tie {
			return best
		}
		return []failure{{e.InstanceLocation, "it matches none of the forms the schema allows", false}}
	}
	return []failure{{e.InstanceLocation, e.ErrorKind.LocalizedString(english), false}}
}

// discriminated returns, of alternatives told apart by a constant at one
// place (a capability's name), the one whose constant matched: the form
// the file meant. All the others must fail on that constant, and there
// must be at least two of them, or nil is returned.
func discriminated(alternatives []*jsonschema.ValidationError) *jsonschema.ValidationError {
	var meant *jsonschema.ValidationError
	var at []string
	others := 0
	for _, alt := range alternatives {
		c := findConst(alt)
		switch {
		case c == nil && meant != nil:
			return nil
		case c == nil:
			meant = alt
		case at != nil && !slices.Equal(at, c.InstanceLocation):
			return nil
		default:
			at = c.InstanceLocation
			others++
		}
	}
	if others < 2 {
		return nil
	}
	return meant
}

// constants reports alternatives that each want a constant at the same
// place, and returns the place and the constants.
func constants(alternatives []*jsonschema.ValidationError) (at []string, wants []string, ok bool) {
	for _, alt := range alternatives {
		c := findConst(alt)
		if c == nil || at != nil && !slices.Equal(at, c.InstanceLocation) {
			return nil, nil, false
		}
		at = c.InstanceLocation
		want := fmt.Sprintf("%v", c.ErrorKind.(*kind.Const).Want)
		if s, isString := c.ErrorKind.(*kind.Const).Want.(string); isString {
			want = "'" + s + "'"
		}
		if !slices.Contains(wants, want) {
			wants = append(wants, want)
		}
	}
	slices.Sort(wants)
	return at, wants, len(wants) > 1
}

// findConst returns the first failure of a constant under e, depth first.
func findConst(e *jsonschema.ValidationError) *jsonschema.ValidationError {
	if _, ok := e.ErrorKind.(*kind.Const); ok {
		return e
	}
	for _, c := range e.Causes {
		if found := findConst(c); found != nil {
			return found
		}
	}
	return nil
}

// lookup returns the node at a JSON pointer's tokens, or the deepest one
// that exists on the way.
func lookup(root *syntax.Node, tokens []string) *syntax.Node {
	n := root
	for _, tok := range tokens {
		next := child(n, tok)
		if next == nil {
			break
		}
		n = next
	}
	return n
}

func child(n *syntax.Node, tok string) *syntax.Node {
	switch n.Kind {
	case syntax.Mapping:
		if e, ok := n.Lookup(tok); ok {
			return e.Value
		}
	case syntax.Sequence:
		if i, err := strconv.Atoi(tok); err == nil && i >= 0 && i < len(n.Items) {
			return n.Items[i]
		}
	}
	return nil
}

// keySpan points at the key at the end of tokens, or at its mapping if
// the key is not there.
func keySpan(root *syntax.Node, tokens []string) syntax.Span {
	parent := lookup(root, tokens[:len(tokens)-1])
	if e, ok := parent.Lookup(tokens[len(tokens)-1]); ok {
		return e.Key.Span
	}
	return problemSpan(parent)
}

// problemSpan points at a scalar's text, or at where a collection starts.
func problemSpan(n *syntax.Node) syntax.Span {
	if n.Kind == syntax.Scalar {
		return n.Span
	}
	return syntax.At(n.Span.Start)
}

func instanceName(path []string) string {
	if len(path) == 0 {
		return "the file"
	}
	return fieldName(path)
}
