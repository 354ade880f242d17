// Package syntax is the bottom layer of atflint: it turns the bytes of a
// YAML or JSON file into one tree of nodes that knows the exact line and
// column of every key and value. Every loader reads this tree, so every
// finding can point at the key at fault whatever the file format.
//
// Columns count Unicode code points from 1, as editors and YAML parsers do.
// A Span's End is exclusive: the column just after the last character.
package syntax

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
)

// Pos is a 1-based line and column. The zero Pos means "no position".
type Pos struct{ Line, Col int }

// IsValid reports whether p is a real position.
func (p Pos) IsValid() bool { return p.Line > 0 }

func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// Before reports whether p comes before q in the file.
func (p Pos) Before(q Pos) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Col < q.Col
}

// Span is the region of a file a node covers; End is exclusive.
type Span struct{ Start, End Pos }

// IsValid reports whether s is a real span.
func (s Span) IsValid() bool { return s.Start.IsValid() }

// At returns a span of one character at p.
func At(p Pos) Span { return Span{p, Pos{p.Line, p.Col + 1}} }

// Kind is the kind of a node.
type Kind uint8

const (
	Scalar Kind = iota + 1
	Mapping
	Sequence
)

// Type is the type of a scalar, as YAML resolves it or JSON spells it.
type Type uint8

const (
	String Type = iota + 1
	Int
	Float
	Bool
	Null
)

func (t Type) String() string {
	switch t {
	case String:
		return "string"
	case Int, Float:
		return "number"
	case Bool:
		return "boolean"
	case Null:
		return "null"
	}
	return "?"
}

// A Node is a scalar, a mapping or a sequence.
type Node struct {
	Kind    Kind
	Type    Type   // scalars only
	Value   string // scalars only: the value as written, without quotes or escapes
	Span    Span   // scalars: the text of the value; collections: where they start
	Entries []Entry
	Items   []*Node

	// weight is the number of nodes in the subtree, with every alias
	// expanded; it bounds the work of any walk over the tree.
	weight int
}

// Size is the number of nodes under n, n included, with every alias
// expanded: what a walk over it visits.
func (n *Node) Size() int { return n.weight }

// An Entry is one key and its value in a mapping.
type Entry struct {
	Key, Value *Node
}

// Span is the key, and the value with it when the value is a scalar written
// on the same line: a finding about "default: allow" covers both.
func (e Entry) Span() Span {
	s := e.Key.Span
	if v := e.Value; v != nil && v.Kind == Scalar && v.Span.Start.Line == s.Start.Line && v.Span.End.Line == s.Start.Line {
		s.End = v.Span.End
	}
	return s
}

// Lookup returns the entry with the given key, if n is a mapping that has it.
func (n *Node) Lookup(key string) (Entry, bool) {
	if n == nil || n.Kind != Mapping {
		return Entry{}, false
	}
	for _, e := range n.Entries {
		if e.Key.Value == key {
			return e, true
		}
	}
	return Entry{}, false
}

// KindName names the kind of n for messages.
func (n *Node) KindName() string {
	switch n.Kind {
	case Mapping:
		return "mapping"
	case Sequence:
		return "list"
	}
	return n.Type.String()
}

// Interface returns n as the plain Go values encoding/json would decode:
// map[string]any, []any, string, json.Number, bool and nil.
func (n *Node) Interface() any {
	if n == nil {
		return nil
	}
	switch n.Kind {
	case Mapping:
		m := make(map[string]any, len(n.Entries))
		for _, e := range n.Entries {
			m[e.Key.Value] = e.Value.Interface()
		}
		return m
	case Sequence:
		s := make([]any, len(n.Items))
		for i, it := range n.Items {
			s[i] = it.Interface()
		}
		return s
	}
	switch n.Type {
	case Int, Float:
		return number(n.Value)
	case Bool:
		return n.Value == "true"
	case Null:
		return nil
	}
	return n.Value
}

// Float returns the value of a number scalar, in any form YAML writes
// numbers in (0x1F, 0o17, 0b11, 1_000, 1e3), and whether n is one.
func (n *Node) Float() (float64, bool) {
	if n == nil || n.Kind != Scalar || n.Type != Int && n.Type != Float {
		return 0, false
	}
	if i, err := strconv.ParseInt(n.Value, 0, 64); err == nil {
		return float64(i), true
	}
	if u, err := strconv.ParseUint(n.Value, 0, 64); err == nil {
		return float64(u), true
	}
	f, err := strconv.ParseFloat(n.Value, 64)
	return f, err == nil || errors.Is(err, strconv.ErrRange)
}

// number reads a YAML or JSON number (YAML also allows 0x1F, 0o17, 1_000)
// as a json.Number; what is not finite stays the text it was.
func number(s string) any {
	if i, err := strconv.ParseInt(s, 0, 64); err == nil {
		return json.Number(strconv.FormatInt(i, 10))
	}
	if u, err := strconv.ParseUint(s, 0, 64); err == nil {
		return json.Number(strconv.FormatUint(u, 10))
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
		return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
	}
	return s
}

// An Error is a syntax error at a position in a file.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }
