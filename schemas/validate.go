package schemas

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/atflint/atflint/internal/suggest"
	"github.com/atflint/atflint/syntax"
)

// A ProblemKind says what is wrong with a manifest's shape.
type ProblemKind uint8

const (
	// Invalid is a value of the wrong type or form, or a missing key.
	Invalid ProblemKind = iota + 1
	// UnknownKey is a key the schema does not define.
	UnknownKey
)

// A Problem is one way a manifest does not fit the schema.
type Problem struct {
	Kind    ProblemKind
	Span    syntax.Span
	Message string
}

// compiled is the manifest schema, compiled once per process.
var compiled = sync.OnceValues(func() (*validator, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(jsonSchema))
	if err != nil {
		return nil, fmt.Errorf("read atf.schema.json: %w", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(SchemaID, doc); err != nil {
		return nil, err
	}
	s, err := c.Compile(SchemaID)
	if err != nil {
		return nil, fmt.Errorf("compile atf.schema.json: %w", err)
	}
	return &validator{schema: s, doc: doc}, nil
})

type validator struct {
	schema *jsonschema.Schema
	doc    any // the schema as plain JSON, to look up keys and descriptions
}

var printer = message.NewPrinter(language.English)

// Validate checks a manifest's tree against the schema and returns what
// does not fit, in file order.
func Validate(root *syntax.Node) ([]Problem, error) {
	v, err := compiled()
	if err != nil {
		return nil, err
	}
	err = v.schema.Validate(root.Interface())
	var ve *jsonschema.ValidationError
	if err == nil || !errors.As(err, &ve) {
		return nil, err
	}
	var problems []Problem
	v.collect(ve, root, &problems)
	slices.SortStableFunc(problems, func(a, b Problem) int {
		if a.Span.Start != b.Span.Start {
			if a.Span.Start.Before(b.Span.Start) {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Message, b.Message)
	})
	return slices.CompactFunc(problems, func(a, b Problem) bool { return a == b }), nil
}

func (v *validator) collect(e *jsonschema.ValidationError, root *syntax.Node, out *[]Problem) {
	at := locate(root, e.InstanceLocation)
	field := fieldName(e.InstanceLocation)
	add := func(k ProblemKind, span syntax.Span, format string, args ...any) {
		*out = append(*out, Problem{k, span, fmt.Sprintf(format, args...)})
	}
	switch k := e.ErrorKind.(type) {
	case *kind.AnyOf, *kind.OneOf:
		// Branches of the wrong type say nothing useful ("want boolean"
		// when the user wrote a mapping); report the branches that fit.
		var fitting []*jsonschema.ValidationError
		var want []string
		for _, c := range e.Causes {
			if t := typeMismatch(c, e.InstanceLocation); t != nil {
				want = append(want, t.Want...)
				continue
			}
			fitting = append(fitting, c)
		}
		switch {
		case len(fitting) == 1:
			v.collect(fitting[0], root, out)
		case len(fitting) == 0:
			add(Invalid, at.span, "%s must be %s, not %s", field, orList(want), at.kindName())
		default:
			add(Invalid, at.span, "%s is %s; expected %s", field, at.value(), v.describe(e.SchemaURL, "another value"))
		}
		return
	case *kind.AdditionalProperties:
		keys := v.keysAt(e.SchemaURL)
		for _, p := range k.Properties {
			span := at.span
			if entry, ok := at.node.Lookup(p); ok {
				span = entry.Key.Span
			}
			msg := fmt.Sprintf("unknown key %q in %s", p, containerName(e.InstanceLocation))
			if s := suggest.Closest(p, keys); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else if len(keys) > 0 {
				msg += "; known keys: " + strings.Join(keys, ", ")
			}
			add(UnknownKey, span, "%s", msg)
		}
		return
	case *kind.Required:
		for _, m := range k.Missing {
			add(Invalid, at.keySpan, "%s has no %q, which is required", containerName(e.InstanceLocation), m)
		}
		return
	case *kind.Type:
		add(Invalid, at.span, "%s must be %s, not %s", field, orList(k.Want), at.kindName())
		return
	case *kind.Enum:
		add(Invalid, at.span, "%s is %s; it must be one of %s%s", field, show(k.Got), showList(k.Want), didYouMean(k.Got, k.Want))
		return
	case *kind.Const:
		add(Invalid, at.span, "%s is %s; it must be %s", field, show(k.Got), show(k.Want))
		return
	case *kind.Pattern:
		add(Invalid, at.span, "%s is %s; expected %s", field, show(k.Got), v.describe(e.SchemaURL, "another form"))
		return
	}
	if len(e.Causes) > 0 {
		for _, c := range e.Causes {
			v.collect(c, root, out)
		}
		return
	}
	add(Invalid, at.span, "%s: %s", field, e.ErrorKind.LocalizedString(printer))
}

// typeMismatch returns the type error that decided cause c, when c failed
// only because the value at loc has another type.
func typeMismatch(c *jsonschema.ValidationError, loc []string) *kind.Type {
	for {
		if t, ok := c.ErrorKind.(*kind.Type); ok && slices.Equal(c.InstanceLocation, loc) {
			return t
		}
		if len(c.Causes) != 1 {
			return nil
		}
		c = c.Causes[0]
	}
}

// describe returns the description of the schema a keyword belongs to, as
// a phrase: "a rate: a count per period, such as 60/min".
func (v *validator) describe(schemaURL, fallback string) string {
	s, ok := v.schemaAt(schemaURL).(map[string]any)
	if !ok {
		return fallback
	}
	d, _ := s["description"].(string)
	if d == "" {
		return fallback
	}
	d = strings.TrimSuffix(d, ".")
	return strings.ToLower(d[:1]) + d[1:]
}

// keysAt returns the properties the object schema at schemaURL defines.
func (v *validator) keysAt(schemaURL string) []string {
	s, ok := v.schemaAt(schemaURL).(map[string]any)
	if !ok {
		return nil
	}
	props, _ := s["properties"].(map[string]any)
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// schemaAt returns the schema object at schemaURL ("...#/$defs/Rate").
func (v *validator) schemaAt(schemaURL string) any {
	_, ptr, _ := strings.Cut(schemaURL, "#")
	cur := v.doc
	for _, p := range strings.Split(ptr, "/") {
		if p == "" {
			continue
		}
		p = strings.ReplaceAll(strings.ReplaceAll(p, "~1", "/"), "~0", "~")
		switch c := cur.(type) {
		case map[string]any:
			cur = c[p]
		case []any:
			i, err := strconv.Atoi(p)
			if err != nil || i < 0 || i >= len(c) {
				return nil
			}
			cur = c[i]
		default:
			return nil
		}
	}
	return cur
}

// location is what a JSON pointer into the instance points at.
type location struct {
	node    *syntax.Node
	span    syntax.Span // the key and value, or the list item
	keySpan syntax.Span // the key alone, or the item
}

func (l location) kindName() string {
	if l.node == nil {
		return "empty"
	}
	if l.node.Kind == syntax.Scalar {
		return "a " + l.node.Type.String()
	}
	return "a " + l.node.KindName()
}

// value shows the value for a message: the scalar itself, or its kind.
func (l location) value() string {
	if l.node != nil && l.node.Kind == syntax.Scalar {
		return show(l.node.Interface())
	}
	return l.kindName()
}

func locate(root *syntax.Node, path []string) location {
	loc := location{node: root}
	if root != nil {
		loc.span, loc.keySpan = syntax.At(root.Span.Start), syntax.At(root.Span.Start)
	}
	for _, seg := range path {
		n := loc.node
		switch {
		case n == nil:
			return loc
		case n.Kind == syntax.Mapping:
			e, ok := n.Lookup(seg)
			if !ok {
				return loc
			}
			loc = location{node: e.Value, span: e.Span(), keySpan: e.Key.Span}
		case n.Kind == syntax.Sequence:
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 || i >= len(n.Items) {
				return loc
			}
			it := n.Items[i]
			loc = location{node: it, span: it.Span, keySpan: it.Span}
		default:
			return loc
		}
	}
	return loc
}

// fieldName writes an instance location as tools[0].limits.rate.
func fieldName(path []string) string {
	if len(path) == 0 {
		return "the manifest"
	}
	var b strings.Builder
	for _, seg := range path {
		if _, err := strconv.Atoi(seg); err == nil {
			b.WriteString("[" + seg + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(seg)
	}
	return b.String()
}

func containerName(path []string) string {
	if len(path) == 0 {
		return "the manifest"
	}
	return fieldName(path)
}

var typeNames = map[string]string{
	"object": "a mapping", "array": "a list", "string": "a string", "number": "a number",
	"integer": "a whole number", "boolean": "a boolean", "null": "empty",
}

func orList(types []string) string {
	var names []string
	for _, t := range types {
		n := typeNames[t]
		if n == "" {
			n = t
		}
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	switch len(names) {
	case 0:
		return "something else"
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

func show(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

func showList(vs []any) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		if s, ok := v.(string); ok {
			parts[i] = s
		} else {
			parts[i] = show(v)
		}
	}
	return strings.Join(parts, ", ")
}

func didYouMean(got any, want []any) string {
	s, ok := got.(string)
	if !ok {
		return ""
	}
	var names []string
	for _, w := range want {
		if ws, ok := w.(string); ok {
			names = append(names, ws)
		}
	}
	if m := suggest.Closest(s, names); m != "" {
		return fmt.Sprintf("; did you mean %q?", m)
	}
	return ""
}
