package syntax

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// A Document is one document of a file: a YAML stream may hold several.
// Root is nil for an empty document.
type Document struct {
	Root *Node
	Pos  Pos // the "---" marker, or where the content starts
}

// ParseYAML parses every document of a YAML stream into node trees.
// Aliases are resolved; a stream whose aliases would expand beyond a small
// multiple of its own size is rejected, so no walk over the result can blow
// up (the "billion laughs" file).
func ParseYAML(src []byte) (docs []Document, err error) {
	return new(Arena).ParseYAML(src)
}

// parseYAMLLibrary parses any YAML with the general parser.
func parseYAMLLibrary(src []byte) (docs []Document, err error) {
	defer func() {
		// The YAML library has panicked on hostile input before; a panic
		// there is a syntax error of this file, not a crash of the run.
		if r := recover(); r != nil {
			docs, err = nil, &Error{Pos{1, 1}, fmt.Sprintf("the YAML parser failed on this file: %v", r)}
		}
	}()
	tokens := lexer.Tokenize(string(src))
	if err := checkTokens(tokens); err != nil {
		return nil, err
	}
	f, err := parser.Parse(tokens, 0)
	if err != nil {
		return nil, yamlError(err)
	}
	c := &yamlConverter{src: src, lines: lineStarts(src), anchors: map[string]*Node{}}
	for _, d := range f.Docs {
		doc := Document{}
		if d.Start != nil {
			doc.Pos = tokenPos(d.Start)
		}
		if d.Body != nil {
			root, err := c.node(d.Body, 0)
			if err != nil {
				return nil, err
			}
			doc.Root = root
			if !doc.Pos.IsValid() && root != nil {
				doc.Pos = root.Span.Start
			}
		}
		if !doc.Pos.IsValid() {
			doc.Pos = Pos{1, 1}
		}
		docs = append(docs, doc)
	}
	return docs, nil
}

// MaxAnchors bounds the anchors, aliases and tags of a YAML file read by
// the general parser, whose time grows with the square of their number.
// Real configs hold a handful.
const MaxAnchors = 1000

// checkTokens refuses, before the general parser builds anything, what
// would take it unbounded memory or time: flow collections nested deeper
// than MaxDepth, whose memory grows with the square of the depth, and more
// than MaxAnchors anchors, aliases and tags. Counting tokens rather than
// characters, quotes and comments cannot hide a bracket.
func checkTokens(tokens token.Tokens) error {
	depth, marks := 0, 0
	for _, tk := range tokens {
		switch tk.Type {
		case token.SequenceStartType, token.MappingStartType:
			if depth++; depth > MaxDepth {
				return &Error{tokenPos(tk), fmt.Sprintf("collections nested deeper than %d levels", MaxDepth)}
			}
		case token.SequenceEndType, token.MappingEndType:
			depth = max(depth-1, 0)
		case token.AnchorType, token.AliasType, token.TagType:
			if marks++; marks > MaxAnchors {
				return &Error{tokenPos(tk), fmt.Sprintf("more than %d YAML anchors, aliases and tags; atflint reads no more than that in one file", MaxAnchors)}
			}
		}
	}
	return nil
}

var errorPrefix = regexp.MustCompile(`^\[(\d+):(\d+)\]\s*`)

// yamlError turns a parser error into an Error at the parser's position.
func yamlError(err error) error {
	var se *yaml.SyntaxError
	if errors.As(err, &se) && se.Token != nil {
		return &Error{tokenPos(se.Token), se.Message}
	}
	msg := err.Error()
	if m := errorPrefix.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		col, _ := strconv.Atoi(m[2])
		msg = strings.SplitN(msg[len(m[0]):], "\n", 2)[0]
		return &Error{Pos{line, col}, msg}
	}
	return &Error{Pos{1, 1}, strings.SplitN(msg, "\n", 2)[0]}
}

func tokenPos(tk *token.Token) Pos {
	if tk == nil || tk.Position == nil {
		return Pos{1, 1}
	}
	return Pos{tk.Position.Line, max(tk.Position.Column, 1)}
}

type yamlConverter struct {
	src     []byte
	lines   []int // byte offset where each line starts
	anchors map[string]*Node
	nodes   int // nodes built from the text, aliases not counted
}

// maxWeight bounds the expanded size of what has been built so far.
func (c *yamlConverter) maxWeight() int { return 10*c.nodes + 10000 }

func (c *yamlConverter) node(n ast.Node, depth int) (*Node, error) {
	if depth > MaxDepth {
		return nil, &Error{tokenPos(n.GetToken()), fmt.Sprintf("collections nested deeper than %d levels", MaxDepth)}
	}
	switch n := n.(type) {
	case *ast.MappingNode:
		return c.mapping(n.Values, n.Start, n.IsFlowStyle, depth)
	case *ast.MappingValueNode:
		return c.mapping([]*ast.MappingValueNode{n}, n.Start, false, depth)
	case *ast.SequenceNode:
		seq := c.built(&Node{Kind: Sequence, Span: At(tokenPos(n.Start))})
		for _, v := range n.Values {
			item, err := c.value(v, n.Start, depth+1)
			if err != nil {
				return nil, err
			}
			seq.Items = append(seq.Items, item)
			seq.weight += item.weight
		}
		return seq, c.checkWeight(seq)
	case *ast.AnchorNode:
		v, err := c.value(n.Value, n.Start, depth)
		if err != nil {
			return nil, err
		}
		c.anchors[n.Name.GetToken().Value] = v
		return v, nil
	case *ast.AliasNode:
		name := n.Value.GetToken().Value
		v, ok := c.anchors[name]
		if !ok {
			return nil, &Error{tokenPos(n.Start), fmt.Sprintf("alias *%s names no anchor defined before it", name)}
		}
		return v, nil
	case *ast.TagNode:
		v, err := c.value(n.Value, n.Start, depth)
		if err != nil {
			return nil, err
		}
		tagged := *v
		if n.Start.Value == "!!str" && v.Kind == Scalar {
			tagged.Type = String
		}
		tagged.Span.Start = tokenPos(n.Start)
		return &tagged, nil
	case *ast.MappingKeyNode:
		return c.value(n.Value, n.Start, depth)
	case *ast.LiteralNode:
		s := &Node{Kind: Scalar, Type: String, Span: c.scalarSpan(n.Start)}
		if n.Value != nil {
			s.Value = n.Value.Value
		}
		return c.built(s), nil
	case *ast.StringNode:
		return c.scalar(n.Token, String), nil
	case *ast.IntegerNode:
		return c.scalar(n.Token, Int), nil
	case *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		return c.scalar(n.GetToken(), Float), nil
	case *ast.BoolNode:
		s := c.scalar(n.Token, Bool)
		s.Value = strconv.FormatBool(n.Value)
		return s, nil
	case *ast.NullNode:
		s := c.scalar(n.Token, Null)
		if !strings.HasPrefix(c.textAt(s.Span.Start), n.Token.Value) {
			// "key:" with nothing after it: the parser makes up a "null"
			// token that is not in the text.
			s.Span.End = s.Span.Start
		}
		s.Value = ""
		return s, nil
	case *ast.CommentGroupNode, *ast.CommentNode:
		return nil, nil
	}
	return nil, &Error{tokenPos(n.GetToken()), fmt.Sprintf("unsupported YAML construct (%s)", n.Type())}
}

// value converts a node that must be present; a missing one is a null at
// the token that introduced it.
func (c *yamlConverter) value(n ast.Node, at *token.Token, depth int) (*Node, error) {
	if n != nil {
		v, err := c.node(n, depth)
		if v != nil || err != nil {
			return v, err
		}
	}
	p := tokenPos(at)
	return c.built(&Node{Kind: Scalar, Type: Null, Span: Span{p, p}}), nil
}

func (c *yamlConverter) mapping(values []*ast.MappingValueNode, at *token.Token, flow bool, depth int) (*Node, error) {
	m := c.built(&Node{Kind: Mapping, Span: At(tokenPos(at))})
	if !flow && len(values) > 0 && values[0].Key != nil {
		// A block mapping starts at its first key; the parser's token for
		// it is the first colon.
		m.Span = At(tokenPos(values[0].Key.GetToken()))
	}
	var merged []Entry
	for _, mv := range values {
		if _, ok := mv.Key.(*ast.MergeKeyNode); ok {
			v, err := c.value(mv.Value, mv.Start, depth+1)
			if err != nil {
				return nil, err
			}
			sources := []*Node{v}
			if v.Kind == Sequence {
				sources = v.Items
			}
			for _, s := range sources {
				if s.Kind != Mapping {
					return nil, &Error{tokenPos(mv.Key.GetToken()), "a merge key (<<) takes a mapping or a list of mappings"}
				}
				merged = append(merged, s.Entries...)
				m.weight += s.weight
			}
			continue
		}
		k, err := c.value(mv.Key, mv.Start, depth+1)
		if err != nil {
			return nil, err
		}
		if k.Kind != Scalar {
			return nil, &Error{k.Span.Start, "a key must be a plain value, not a " + k.KindName()}
		}
		v, err := c.value(mv.Value, mv.Start, depth+1)
		if err != nil {
			return nil, err
		}
		m.Entries = append(m.Entries, Entry{k, v})
		m.weight += k.weight + v.weight
	}
	if err := checkDuplicateKeys(m.Entries); err != nil {
		return nil, err
	}
	// Keys written in the mapping override merged ones, whatever the order.
	for _, e := range merged {
		if _, ok := m.Lookup(e.Key.Value); !ok {
			m.Entries = append(m.Entries, e)
		}
	}
	return m, c.checkWeight(m)
}

func (c *yamlConverter) built(n *Node) *Node {
	c.nodes++
	n.weight++
	return n
}

func (c *yamlConverter) checkWeight(n *Node) error {
	if n.weight > c.maxWeight() {
		return &Error{n.Span.Start, "aliases expand this document far beyond its own size (an alias bomb?)"}
	}
	return nil
}

func (c *yamlConverter) scalar(tk *token.Token, t Type) *Node {
	return c.built(&Node{Kind: Scalar, Type: t, Value: tk.Value, Span: c.scalarSpan(tk)})
}

// scalarSpan is the span of a token's text as written, quotes included.
// The parser sometimes places a token after trailing spaces ("a: b " puts
// b at column 5), or before the tabs that precede it ("a:\t\tb" puts b
// at column 3); the text itself says where it starts.
func (c *yamlConverter) scalarSpan(tk *token.Token) Span {
	start := tokenPos(tk)
	raw := strings.TrimSpace(tk.Origin)
	first, _, _ := strings.Cut(raw, "\n")
	if t := c.textAt(start); first != "" && !strings.HasPrefix(t, first) {
		if blank := len(t) - len(strings.TrimLeft(t, " \t")); strings.HasPrefix(t[blank:], first) {
			start.Col += blank
		}
	}
	for col := start.Col; first != "" && col >= 1; col-- {
		t := c.textAt(Pos{start.Line, col})
		if !strings.HasPrefix(t, first) {
			continue
		}
		// Only spaces may lie between the text and where the parser put it.
		gap := []rune(t[len(first):])
		if n := start.Col - col - utf8.RuneCountInString(first); n > 0 && strings.TrimSpace(string(gap[:min(n, len(gap))])) != "" {
			continue
		}
		start.Col = col
		break
	}
	end := start
	for _, r := range raw {
		if r != '\r' {
			end = advance(end, r)
		}
	}
	if end == start {
		end.Col++
	}
	return Span{start, end}
}

// checkDuplicateKeys rejects a mapping that sets a key twice: which value
// wins differs between tools, so the file means different things to each.
func checkDuplicateKeys(entries []Entry) error {
	if len(entries) < 2 {
		return nil
	}
	// Most mappings have a few keys, which comparing pairwise checks
	// faster than a map does.
	if len(entries) <= 16 {
		for i, e := range entries[1:] {
			for _, first := range entries[:i+1] {
				if first.Key.Value == e.Key.Value {
					return &Error{e.Key.Span.Start, fmt.Sprintf("key %q is set twice (first at line %d)", e.Key.Value, first.Key.Span.Start.Line)}
				}
			}
		}
		return nil
	}
	seen := make(map[string]*Node, len(entries))
	for _, e := range entries {
		if first, ok := seen[e.Key.Value]; ok {
			return &Error{e.Key.Span.Start, fmt.Sprintf("key %q is set twice (first at line %d)", e.Key.Value, first.Span.Start.Line)}
		}
		seen[e.Key.Value] = e.Key
	}
	return nil
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// textAt returns the rest of the line from position p.
func (c *yamlConverter) textAt(p Pos) string {
	if p.Line < 1 || p.Line > len(c.lines) {
		return ""
	}
	line := c.src[c.lines[p.Line-1]:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	for col := 1; col < p.Col && len(line) > 0; col++ {
		_, size := utf8.DecodeRune(line)
		line = line[size:]
	}
	return string(line)
}
