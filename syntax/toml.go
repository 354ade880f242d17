package syntax

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2/unstable"
)

// ParseTOML parses a TOML document into the same tree as YAML and JSON,
// with the exact position of every key and value. It reads the document
// with go-toml's unstable parser, the one TOML parser for Go that gives
// the byte range of each node; columns are then counted in code points.
// A key defined twice is an error, as TOML says.
func ParseTOML(src []byte) (root *Node, err error) {
	t := &tomlTree{src: src, root: &Node{Kind: Mapping, Span: At(Pos{1, 1}), weight: 1}, headed: map[*Node]bool{}}
	defer func() {
		// The parser panics on some inputs it cannot range; a document it
		// cannot read is an error, never a crash.
		if r := recover(); r != nil {
			root, err = nil, &Error{Pos: Pos{1, 1}, Msg: fmt.Sprint(r)}
		}
	}()
	p := &unstable.Parser{}
	p.Reset(src)
	current := t.root
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table:
			if current, err = t.table(p, e, false); err != nil {
				return nil, err
			}
		case unstable.ArrayTable:
			if current, err = t.table(p, e, true); err != nil {
				return nil, err
			}
		case unstable.KeyValue:
			if err := t.keyValue(p, current, e, 0); err != nil {
				return nil, err
			}
		}
	}
	if perr := p.Error(); perr != nil {
		var pe *unstable.ParserError
		if asParserError(perr, &pe) {
			offset := p.Shape(p.Range(pe.Highlight)).Start.Offset
			return nil, &Error{Pos: t.pos(offset), Msg: strings.TrimSpace(pe.Message)}
		}
		return nil, &Error{Pos: Pos{1, 1}, Msg: perr.Error()}
	}
	weigh(t.root)
	return t.root, nil
}

// weigh sets the weight of every collection of a tree: TOML has no
// aliases, so it is the count of nodes below.
func weigh(n *Node) int {
	w := 1
	for _, e := range n.Entries {
		w += weigh(e.Key) + weigh(e.Value)
	}
	for _, it := range n.Items {
		w += weigh(it)
	}
	n.weight = w
	return w
}

func asParserError(err error, target **unstable.ParserError) bool {
	pe, ok := err.(*unstable.ParserError)
	if ok {
		*target = pe
	}
	return ok
}

type tomlTree struct {
	src  []byte
	root *Node
	// headed are the tables a [header] has defined, which another may
	// not define again.
	headed map[*Node]bool
}

// pos is the position of a byte offset, its column in code points.
func (t *tomlTree) pos(offset int) Pos {
	offset = min(max(offset, 0), len(t.src))
	lead := t.src[:offset]
	start := bytes.LastIndexByte(lead, '\n') + 1
	return Pos{bytes.Count(lead, []byte{'\n'}) + 1, utf8.RuneCount(lead[start:]) + 1}
}

func (t *tomlTree) span(p *unstable.Parser, r unstable.Range) Span {
	sh := p.Shape(r)
	return Span{t.pos(sh.Start.Offset), t.pos(sh.End.Offset)}
}

// keySpan is where a key part is written: its data lies in the input.
func (t *tomlTree) keySpan(p *unstable.Parser, k *unstable.Node) Span {
	if len(k.Data) == 0 {
		return At(Pos{1, 1})
	}
	return t.span(p, p.Range(k.Data))
}

// table walks a [table] or [[array table]] header from the root and
// returns the mapping its key-values go into.
func (t *tomlTree) table(p *unstable.Parser, e *unstable.Node, array bool) (*Node, error) {
	var keys []*unstable.Node
	for it := e.Key(); it.Next(); {
		keys = append(keys, it.Node())
	}
	n := t.root
	for i, k := range keys {
		last := i == len(keys)-1
		entry, ok := n.Lookup(string(k.Data))
		switch {
		case !ok && last && array:
			seq := &Node{Kind: Sequence, Span: t.keySpan(p, k), weight: 1}
			n.Entries = append(n.Entries, Entry{t.key(p, k), seq})
			entry = n.Entries[len(n.Entries)-1]
		case !ok:
			m := &Node{Kind: Mapping, Span: t.keySpan(p, k), weight: 1}
			n.Entries = append(n.Entries, Entry{t.key(p, k), m})
			entry = n.Entries[len(n.Entries)-1]
		}
		v := entry.Value
		switch {
		case last && !array && (v.Kind != Mapping || t.headed[v]):
			return nil, &Error{Pos: t.keySpan(p, k).Start, Msg: fmt.Sprintf("%s is defined twice", k.Data)}
		case last && !array:
			t.headed[v] = true
			n = v
		case last && array:
			if v.Kind != Sequence {
				return nil, &Error{Pos: t.keySpan(p, k).Start, Msg: fmt.Sprintf("%s is defined twice", k.Data)}
			}
			m := &Node{Kind: Mapping, Span: t.keySpan(p, k), weight: 1}
			v.Items = append(v.Items, m)
			n = m
		case v.Kind == Sequence && len(v.Items) > 0:
			n = v.Items[len(v.Items)-1] // [a.b] after [[a]]: the last a
		case v.Kind == Mapping:
			n = v
		default:
			return nil, &Error{Pos: t.keySpan(p, k).Start, Msg: fmt.Sprintf("%s is defined twice", k.Data)}
		}
	}
	return n, nil
}

func (t *tomlTree) key(p *unstable.Parser, k *unstable.Node) *Node {
	return &Node{Kind: Scalar, Type: String, Value: string(k.Data), Span: t.keySpan(p, k), weight: 1}
}

// keyValue puts a (dotted) key and its value into a mapping, which is
// inside depth collections. As in JSON and YAML, nothing is nested deeper
// than MaxDepth: the rules walk the tree recursively.
func (t *tomlTree) keyValue(p *unstable.Parser, into *Node, e *unstable.Node, depth int) error {
	value := e.Value()
	var keys []*unstable.Node
	for it := e.Key(); it.Next(); {
		keys = append(keys, it.Node())
	}
	if depth+len(keys) > MaxDepth {
		return nestedTooDeep(t.keySpan(p, keys[0]).Start)
	}
	n := into
	for i, k := range keys {
		entry, ok := n.Lookup(string(k.Data))
		if i == len(keys)-1 {
			if ok {
				return &Error{Pos: t.keySpan(p, k).Start, Msg: fmt.Sprintf("%s is defined twice", k.Data)}
			}
			v, err := t.value(p, value, depth+len(keys))
			if err != nil {
				return err
			}
			n.Entries = append(n.Entries, Entry{t.key(p, k), v})
			return nil
		}
		if !ok {
			m := &Node{Kind: Mapping, Span: t.keySpan(p, k), weight: 1}
			n.Entries = append(n.Entries, Entry{t.key(p, k), m})
			n = m
			continue
		}
		if entry.Value.Kind != Mapping {
			return &Error{Pos: t.keySpan(p, k).Start, Msg: fmt.Sprintf("%s is not a table", k.Data)}
		}
		n = entry.Value
	}
	return nil
}

// value converts a TOML value inside depth collections; dates and times
// stay strings, as written.
func (t *tomlTree) value(p *unstable.Parser, v *unstable.Node, depth int) (*Node, error) {
	span := t.span(p, v.Raw)
	if (v.Kind == unstable.Array || v.Kind == unstable.InlineTable) && depth >= MaxDepth {
		return nil, nestedTooDeep(span.Start)
	}
	switch v.Kind {
	case unstable.Array:
		s := &Node{Kind: Sequence, Span: At(span.Start), weight: 1}
		for it := v.Children(); it.Next(); {
			item, err := t.value(p, it.Node(), depth+1)
			if err != nil {
				return nil, err
			}
			s.Items = append(s.Items, item)
		}
		return s, nil
	case unstable.InlineTable:
		m := &Node{Kind: Mapping, Span: At(span.Start), weight: 1}
		for it := v.Children(); it.Next(); {
			if err := t.keyValue(p, m, it.Node(), depth+1); err != nil {
				return nil, err
			}
		}
		return m, nil
	case unstable.Bool:
		return &Node{Kind: Scalar, Type: Bool, Value: string(v.Data), Span: span, weight: 1}, nil
	case unstable.Integer:
		return &Node{Kind: Scalar, Type: Int, Value: string(v.Data), Span: span, weight: 1}, nil
	case unstable.Float:
		return &Node{Kind: Scalar, Type: Float, Value: string(v.Data), Span: span, weight: 1}, nil
	}
	return &Node{Kind: Scalar, Type: String, Value: string(v.Data), Span: span, weight: 1}, nil
}

func nestedTooDeep(at Pos) error {
	return &Error{Pos: at, Msg: fmt.Sprintf("collections nested deeper than %d levels", MaxDepth)}
}
