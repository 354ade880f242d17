package syntax

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// ParseLooseMapping reads the top-level "key: value" lines of a text that
// is meant as a YAML mapping but does not parse, as front matter with an
// unquoted colon in a description often does and as lenient front-matter
// readers still accept. A value is the rest of its line, with the indented
// lines after it folded in; a key with no value followed by "- item" lines
// holds a sequence. Lines that are neither are skipped. It returns nil
// when no line is a key.
func ParseLooseMapping(src []byte) *Node {
	m := &Node{Kind: Mapping, weight: 1}
	var last *Node // the scalar value indented lines continue
	for i, line := range bytes.Split(src, []byte("\n")) {
		text := strings.TrimRight(string(line), "\r")
		lineNo := i + 1
		trimmed := strings.TrimLeft(text, " \t")
		indent := len(text) - len(trimmed)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#") || text == "---":
			continue
		case strings.HasPrefix(trimmed, "- ") && len(m.Entries) > 0 && m.Entries[len(m.Entries)-1].Value.Kind == Sequence && last == nil:
			seq := m.Entries[len(m.Entries)-1].Value
			item := looseScalar(text, lineNo, indent+2)
			seq.Items = append(seq.Items, item)
			seq.weight++
			m.weight++
			continue
		case indent > 0 && last != nil:
			last.Value += " " + strings.TrimSpace(trimmed)
			last.Span.End = Pos{lineNo, utf8.RuneCountInString(strings.TrimRight(text, " \t")) + 1}
			continue
		}
		last = nil
		colon := strings.IndexByte(text, ':')
		if indent > 0 || colon <= 0 || !looseKey(text[:colon]) {
			continue
		}
		key := &Node{Kind: Scalar, Type: String, Value: text[:colon], Span: Span{Pos{lineNo, 1}, Pos{lineNo, utf8.RuneCountInString(text[:colon]) + 1}}, weight: 1}
		var value *Node
		if strings.TrimSpace(text[colon+1:]) == "" {
			// A sequence until an item says otherwise; a key with nothing
			// under it reads as an empty list, as it would as null.
			value = &Node{Kind: Sequence, Span: At(Pos{lineNo, key.Span.End.Col + 1}), weight: 1}
		} else {
			start := colon + 1 + len(text[colon+1:]) - len(strings.TrimLeft(text[colon+1:], " \t"))
			value = looseScalar(text, lineNo, start)
			last = value
		}
		m.Entries = append(m.Entries, Entry{key, value})
		m.weight += 1 + value.weight
	}
	if len(m.Entries) == 0 {
		return nil
	}
	m.Span = At(m.Entries[0].Key.Span.Start)
	return m
}

// looseScalar is the string from byte offset start to the end of line,
// unquoted when it is quoted whole.
func looseScalar(line string, lineNo, start int) *Node {
	raw := strings.TrimRight(line[start:], " \t\r")
	value := raw
	if len(value) >= 2 && (value[0] == '"' || value[0] == '\'') && value[len(value)-1] == value[0] {
		value = value[1 : len(value)-1]
	}
	col := utf8.RuneCountInString(line[:start]) + 1
	return &Node{Kind: Scalar, Type: String, Value: value, Span: Span{Pos{lineNo, col}, Pos{lineNo, col + utf8.RuneCountInString(raw)}}, weight: 1}
}

// looseKey reports a plain key: letters, digits, '_' and '-'.
func looseKey(s string) bool {
	for _, r := range s {
		if !(r == '_' || r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
