package schemas

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/atflint/atflint/internal/suggest"
	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

// The validator runs on the hot path, once per file, so it does not go
// through a general JSON Schema library: the derived schema is compiled
// once into a tree of the few keywords CUE generates, which is then walked
// with the file's own tree, spans and all. A test checks its verdicts
// against santhosh-tekuri/jsonschema on every manifest in testdata.

// schema is one compiled JSON Schema.
type schema struct {
	ref         *schema
	types       []string
	typeSet     typeSet // types, as a set; 0 for any
	enumTypes   typeSet // the types of the enum's values
	properties  map[string]*schema
	keys        []string // the property names, sorted
	closed      bool     // additionalProperties: false
	required    []string
	enum        []any // also const
	pattern     *pattern
	minimum     *float64
	items       *schema
	anyOf       []*schema
	allOf       []*schema
	description string
}

// A Schema is a compiled JSON Schema, of the keywords CUE generates and
// the configuration's schema uses, validated with exact positions.
type Schema struct {
	root     *schema
	document string // what messages call the root: "the manifest"
}

// Compile compiles a JSON Schema document; name is what errors call it,
// document what problems call a tree's root ("the configuration").
func Compile(name, document string, doc []byte) (*Schema, error) {
	var raw map[string]any
	if err := json.Unmarshal(doc, &raw); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	c := &compiler{defs: map[string]*schema{}}
	if defs, ok := raw["$defs"].(map[string]any); ok {
		c.raw = defs
	}
	root, err := c.compile(raw, "#")
	if err != nil {
		return nil, fmt.Errorf("compile %s: %w", name, err)
	}
	return &Schema{root, document}, nil
}

var compiled = sync.OnceValues(func() (*Schema, error) { return Compile("atf.schema.json", "the manifest", jsonSchema) })

type compiler struct {
	raw  map[string]any
	defs map[string]*schema
}

func (c *compiler) compile(v any, at string) (*schema, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: a schema must be an object", at)
	}
	s := &schema{}
	for k, v := range m {
		var err error
		switch k {
		case "$schema", "$id", "$defs", "title":
		case "description":
			s.description, _ = v.(string)
		case "$ref":
			s.ref, err = c.def(v, at)
		case "type":
			switch t := v.(type) {
			case string:
				s.types = []string{t}
			case []any:
				for _, x := range t {
					s.types = append(s.types, fmt.Sprint(x))
				}
			}
		case "properties":
			props, _ := v.(map[string]any)
			s.properties = map[string]*schema{}
			for name, p := range props {
				if s.properties[name], err = c.compile(p, at+"/properties/"+name); err != nil {
					return nil, err
				}
				s.keys = append(s.keys, name)
			}
			slices.Sort(s.keys)
		case "additionalProperties":
			if b, ok := v.(bool); ok {
				s.closed = !b
			} else {
				err = fmt.Errorf("%s: only a boolean additionalProperties is supported", at)
			}
		case "required":
			for _, r := range v.([]any) {
				s.required = append(s.required, fmt.Sprint(r))
			}
		case "enum":
			s.enum, _ = v.([]any)
		case "const":
			s.enum = []any{v}
		case "pattern":
			var re *regexp.Regexp
			if re, err = regexp.Compile(fmt.Sprint(v)); err == nil {
				s.pattern = &pattern{re: re}
			}
		case "minimum":
			f, ok := v.(float64)
			if !ok {
				err = fmt.Errorf("%s: minimum must be a number", at)
			}
			s.minimum = &f
		case "items":
			s.items, err = c.compile(v, at+"/items")
		case "anyOf", "allOf":
			list, _ := v.([]any)
			var subs []*schema
			for i, x := range list {
				sub, err := c.compile(x, fmt.Sprintf("%s/%s/%d", at, k, i))
				if err != nil {
					return nil, err
				}
				subs = append(subs, sub)
			}
			if k == "anyOf" {
				s.anyOf = subs
			} else {
				s.allOf = subs
			}
		default:
			// CUE generated a keyword this validator does not know: fail
			// loudly rather than accept what the schema forbids.
			err = fmt.Errorf("%s: unsupported keyword %q", at, k)
		}
		if err != nil {
			return nil, err
		}
	}
	for _, t := range s.types {
		if typeSets[t] == 0 {
			return nil, fmt.Errorf("%s: unsupported type %q", at, t)
		}
	}
	s.typeSet = typeSetOf(s.types)
	for _, e := range s.enum {
		s.enumTypes |= typeSets[jsonType(e)]
	}
	return s, nil
}

// def compiles "#/$defs/Name" once, so recursive references terminate.
func (c *compiler) def(v any, at string) (*schema, error) {
	ref, _ := v.(string)
	name, ok := strings.CutPrefix(ref, "#/$defs/")
	if !ok || c.raw[name] == nil {
		return nil, fmt.Errorf("%s: unresolvable $ref %q", at, ref)
	}
	if s := c.defs[name]; s != nil {
		return s, nil
	}
	s := &schema{}
	c.defs[name] = s
	body, err := c.compile(c.raw[name], "#/$defs/"+name)
	if err != nil {
		return nil, err
	}
	*s = *body
	return s, nil
}

// Validate checks a manifest's tree against the manifest's schema and
// returns what does not fit, in file order.
func Validate(root *syntax.Node) ([]model.Problem, error) {
	s, err := compiled()
	if err != nil {
		return nil, err
	}
	return s.Validate(root), nil
}

// Validate checks a tree against the schema and returns what does not
// fit, in file order.
func (s *Schema) Validate(root *syntax.Node) []model.Problem {
	v := validation{document: s.document}
	at := syntax.At(root.Span.Start)
	// Paths share this one array, each level writing its own slot: a
	// path is only read, while its node is checked, to name a field.
	v.node(s.root, root, make([]string, 0, 32), at, at)
	slices.SortStableFunc(v.problems, func(a, b model.Problem) int {
		if a.Span.Start != b.Span.Start {
			if a.Span.Start.Before(b.Span.Start) {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Message, b.Message)
	})
	return slices.CompactFunc(v.problems, func(a, b model.Problem) bool { return a == b })
}

type validation struct {
	problems []model.Problem
	document string // what the root is called
}

// field names a path, the root as the document.
func (v *validation) field(path []string) string {
	if len(path) == 0 {
		return v.document
	}
	return fieldName(path)
}

func (v *validation) add(k model.ProblemKind, span syntax.Span, format string, args ...any) {
	v.problems = append(v.problems, model.Problem{Kind: k, Span: span, Message: fmt.Sprintf(format, args...)})
}

// node validates n against s. path leads to n; span is n's key and value
// (or its list item), keySpan its key alone.
func (v *validation) node(s *schema, n *syntax.Node, path []string, span, keySpan syntax.Span) {
	if s.ref != nil {
		v.node(s.ref, n, path, span, keySpan)
	}
	for _, sub := range s.allOf {
		// One failing part says enough: int & >=0 on a string is one
		// problem, not two.
		before := len(v.problems)
		v.node(sub, n, path, span, keySpan)
		if len(v.problems) > before {
			break
		}
	}
	if len(s.anyOf) > 0 {
		v.anyOf(s, n, path, span, keySpan)
	}
	if s.typeSet != 0 && !s.typeSet.has(n) {
		v.add(model.Invalid, span, "%s must be %s, not %s", v.field(path), orList(s.types), kindName(n))
		return
	}
	if s.enum != nil && !slices.ContainsFunc(s.enum, func(e any) bool { return equal(n, e) }) {
		if len(s.enum) == 1 {
			v.add(model.Invalid, span, "%s is %s; it must be %s", v.field(path), show(n), showValue(s.enum[0]))
		} else {
			v.add(model.Invalid, span, "%s is %s; it must be one of %s%s", v.field(path), show(n), showList(s.enum), didYouMean(n, s.enum))
		}
	}
	if s.pattern != nil && n.Kind == syntax.Scalar && n.Type == syntax.String && !s.pattern.match(n.Value) {
		v.add(model.Invalid, span, "%s is %s; expected %s", v.field(path), show(n), phrase(s.description, "another form"))
	}
	if s.minimum != nil && isNumber(n) {
		if f, _ := n.Float(); f < *s.minimum {
			v.add(model.Invalid, span, "%s is %s; it must be at least %v", v.field(path), n.Value, *s.minimum)
		}
	}
	if s.items != nil && n.Kind == syntax.Sequence {
		for i, it := range n.Items {
			v.node(s.items, it, append(path, strconv.Itoa(i)), it.Span, it.Span)
		}
	}
	if n.Kind == syntax.Mapping && (s.properties != nil || s.closed || s.required != nil) {
		v.object(s, n, path, keySpan)
	}
}

func (v *validation) object(s *schema, n *syntax.Node, path []string, keySpan syntax.Span) {
	for _, r := range s.required {
		if _, ok := n.Lookup(r); !ok {
			v.add(model.Invalid, keySpan, "%s has no %q, which is required", v.field(path), r)
		}
	}
	for _, e := range n.Entries {
		p, ok := s.properties[e.Key.Value]
		if !ok {
			if s.closed {
				msg := fmt.Sprintf("unknown key %q in %s", e.Key.Value, v.field(path))
				if m := suggest.Closest(e.Key.Value, s.keys); m != "" {
					msg += fmt.Sprintf("; did you mean %q?", m)
				} else if len(s.keys) > 0 {
					msg += "; known keys: " + strings.Join(s.keys, ", ")
				}
				v.add(model.UnknownKey, e.Key.Span, "%s", msg)
			}
			continue
		}
		v.node(p, e.Value, append(path, e.Key.Value), e.Span(), e.Key.Span)
	}
}

// anyOf reports on a value no branch accepts. Branches that want another
// type say nothing useful ("want boolean" when the user wrote a mapping),
// so only the branches of the value's type are reported on.
func (v *validation) anyOf(s *schema, n *syntax.Node, path []string, span, keySpan syntax.Span) {
	// Each branch is checked into v's own problems, cut back after it:
	// this runs on every value of an anyOf, and a sub-validation of its
	// own for each branch was most of the garbage of validating.
	before := len(v.problems)
	var fitting [][]model.Problem
	for _, b := range s.anyOf {
		if types := typeSetFor(b); types != 0 && !types.has(n) {
			continue
		}
		v.node(b, n, path, span, keySpan)
		if len(v.problems) == before {
			return
		}
		fitting = append(fitting, slices.Clone(v.problems[before:]))
		v.problems = v.problems[:before]
	}
	switch len(fitting) {
	case 0:
		var want []string
		for _, b := range s.anyOf {
			want = append(want, typesOf(b)...)
		}
		v.add(model.Invalid, span, "%s must be %s, not %s", v.field(path), orList(want), kindName(n))
	case 1:
		v.problems = append(v.problems, fitting[0]...)
	default:
		v.add(model.Invalid, span, "%s is %s; expected %s", v.field(path), show(n), phrase(s.description, "another value"))
	}
}

// typesOf returns the types a schema accepts, following references; nil
// means any type.
func typesOf(s *schema) []string {
	s = referenced(s)
	if s.types != nil {
		return s.types
	}
	if s.enum != nil {
		var ts []string
		for _, e := range s.enum {
			t := jsonType(e)
			if !slices.Contains(ts, t) {
				ts = append(ts, t)
			}
		}
		return ts
	}
	return nil
}

func jsonType(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "boolean"
	case nil:
		return "null"
	case map[string]any:
		return "object"
	}
	return "array"
}

func isNumber(n *syntax.Node) bool {
	return n.Kind == syntax.Scalar && (n.Type == syntax.Int || n.Type == syntax.Float)
}

// A typeSet is a set of JSON Schema types, as bits: every value of a
// file is checked against one or more.
type typeSet uint8

const (
	objectType typeSet = 1 << iota
	arrayType
	stringType
	numberType
	integerType
	booleanType
	nullType
)

var typeSets = map[string]typeSet{"object": objectType, "array": arrayType, "string": stringType, "number": numberType,
	"integer": integerType, "boolean": booleanType, "null": nullType}

func typeSetOf(types []string) typeSet {
	var ts typeSet
	for _, t := range types {
		ts |= typeSets[t]
	}
	return ts
}

// referenced follows a schema's references to the one that says its types.
func referenced(s *schema) *schema {
	for s.types == nil && s.ref != nil {
		s = s.ref
	}
	return s
}

// typeSetFor is the set of types a schema accepts, following references,
// as typesOf; 0 means any.
func typeSetFor(s *schema) typeSet {
	s = referenced(s)
	if s.types != nil {
		return s.typeSet
	}
	return s.enumTypes
}

// has reports whether n is of one of the types.
func (ts typeSet) has(n *syntax.Node) bool {
	switch n.Kind {
	case syntax.Mapping:
		return ts&objectType != 0
	case syntax.Sequence:
		return ts&arrayType != 0
	}
	switch n.Type {
	case syntax.String:
		return ts&stringType != 0
	case syntax.Bool:
		return ts&booleanType != 0
	case syntax.Null:
		return ts&nullType != 0
	case syntax.Int, syntax.Float:
		if ts&numberType != 0 {
			return true
		}
		if ts&integerType != 0 {
			f, ok := n.Float()
			return ok && f == math.Trunc(f)
		}
	}
	return false
}

// equal compares a node with a JSON value as JSON Schema does: numbers by
// value, everything else by type and value.
func equal(n *syntax.Node, want any) bool {
	if n.Kind != syntax.Scalar {
		return false
	}
	switch w := want.(type) {
	case string:
		return n.Type == syntax.String && n.Value == w
	case float64:
		f, ok := n.Float()
		return isNumber(n) && ok && f == w
	case bool:
		return n.Type == syntax.Bool && n.Value == strconv.FormatBool(w)
	case nil:
		return n.Type == syntax.Null
	}
	return false
}

// phrase turns a schema description into a phrase: "a rate: a count per
// period, such as 60/min".
func phrase(description, fallback string) string {
	d := strings.TrimSuffix(strings.TrimSpace(description), ".")
	if d == "" {
		return fallback
	}
	return strings.ToLower(d[:1]) + d[1:]
}

// fieldName writes a path as tools[0].limits.rate.
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

func kindName(n *syntax.Node) string {
	if n.Kind == syntax.Scalar && n.Type == syntax.Null {
		return "empty"
	}
	if n.Kind == syntax.Scalar {
		return "a " + n.Type.String()
	}
	return "a " + n.KindName()
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

// show writes a node's value for a message.
func show(n *syntax.Node) string {
	switch {
	case n.Kind != syntax.Scalar:
		return kindName(n)
	case n.Type == syntax.String:
		return strconv.Quote(n.Value)
	case n.Type == syntax.Null:
		return "empty"
	}
	return n.Value
}

func showValue(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// showList writes the values of an enum as a person reads them, each
// once: "0.9" and 0.9 read the same.
func showList(vs []any) string {
	var parts []string
	for _, v := range vs {
		s, ok := v.(string)
		if !ok {
			s = showValue(v)
		}
		if !slices.Contains(parts, s) {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

func didYouMean(n *syntax.Node, want []any) string {
	if n.Kind != syntax.Scalar || n.Type != syntax.String {
		return ""
	}
	var names []string
	for _, w := range want {
		if ws, ok := w.(string); ok {
			names = append(names, ws)
		}
	}
	if m := suggest.Closest(n.Value, names); m != "" {
		return fmt.Sprintf("; did you mean %q?", m)
	}
	return ""
}

// A pattern is a schema's regular expression, with the answers it gave
// kept: the values it checks (durations, rates, capabilities) repeat from
// manifest to manifest, and Go's regexp took a third of validating one.
// At most maxRemembered answers are kept, of short values only, so a
// hostile tree cannot grow it.
type pattern struct {
	re         *regexp.Regexp
	remembered sync.Map // string -> bool
	count      atomic.Int64
}

const (
	maxRemembered    = 4096
	maxRememberedLen = 64
)

func (p *pattern) match(value string) bool {
	if ok, found := p.remembered.Load(value); found {
		return ok.(bool)
	}
	ok := p.re.MatchString(value)
	if len(value) <= maxRememberedLen && p.count.Add(1) <= maxRemembered {
		p.remembered.Store(strings.Clone(value), ok)
	}
	return ok
}
