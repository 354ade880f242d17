package syntax

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// ParseJSON parses a JSON document the way editors accept it: comments
// (// and /* */) and trailing commas are allowed, as in VS Code's settings
// and MCP configs. A key set twice is an error, as in YAML.
func ParseJSON(src []byte) (Document, error) {
	src, err := prepare(src)
	if err != nil {
		return Document{}, err
	}
	p := &jsonParser{src: string(src), pos: Pos{1, 1}}
	p.skipSpace()
	if p.err != nil {
		return Document{}, p.err
	}
	if p.off == len(p.src) {
		return Document{Pos: Pos{1, 1}}, nil
	}
	doc := Document{Pos: p.pos}
	doc.Root = p.value(0)
	p.skipSpace()
	if p.err == nil && p.off < len(p.src) {
		p.fail("unexpected %s after the end of the document", p.describe())
	}
	if p.err != nil {
		return Document{}, p.err
	}
	return doc, nil
}

type jsonParser struct {
	src string
	off int // byte offset of the next rune
	pos Pos // position of the next rune
	err *Error
}

func (p *jsonParser) fail(format string, args ...any) {
	if p.err == nil {
		p.err = &Error{p.pos, fmt.Sprintf(format, args...)}
	}
}

func (p *jsonParser) peek() byte {
	if p.off < len(p.src) {
		return p.src[p.off]
	}
	return 0
}

// next consumes one rune.
func (p *jsonParser) next() {
	r, size := utf8.DecodeRuneInString(p.src[p.off:])
	p.off += size
	if r != '\r' {
		p.pos = advance(p.pos, r)
	}
}

func (p *jsonParser) describe() string {
	if p.off >= len(p.src) {
		return "end of file"
	}
	r, _ := utf8.DecodeRuneInString(p.src[p.off:])
	return strconv.QuoteRune(r)
}

func (p *jsonParser) skipSpace() {
	for p.off < len(p.src) && p.err == nil {
		switch c := p.src[p.off]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			p.next()
		case strings.HasPrefix(p.src[p.off:], "//"):
			for p.off < len(p.src) && p.src[p.off] != '\n' {
				p.next()
			}
		case strings.HasPrefix(p.src[p.off:], "/*"):
			start := p.pos
			end := strings.Index(p.src[p.off+2:], "*/")
			if end < 0 {
				p.err = &Error{start, "comment is not closed with */"}
				return
			}
			for stop := p.off + 2 + end + 2; p.off < stop; {
				p.next()
			}
		default:
			return
		}
	}
}

// value reads a value inside depth collections.
func (p *jsonParser) value(depth int) *Node {
	c := p.peek()
	if (c == '{' || c == '[') && depth >= MaxDepth {
		p.fail("collections nested deeper than %d levels", MaxDepth)
		return nil
	}
	switch {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		start := p.pos
		s := p.str()
		return &Node{Kind: Scalar, Type: String, Value: s, Span: Span{start, p.pos}, weight: 1}
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	case c >= 'a' && c <= 'z':
		start, from := p.pos, p.off
		for p.off < len(p.src) && p.src[p.off] >= 'a' && p.src[p.off] <= 'z' {
			p.next()
		}
		word := p.src[from:p.off]
		n := &Node{Kind: Scalar, Value: word, Span: Span{start, p.pos}, weight: 1}
		switch word {
		case "true", "false":
			n.Type = Bool
		case "null":
			n.Type, n.Value = Null, ""
		default:
			p.pos, p.off = start, from
			p.fail("unexpected word %q; a value is a string in double quotes, a number, true, false, null, an object or a list", word)
			return nil
		}
		return n
	}
	p.fail("unexpected %s; expected a value", p.describe())
	return nil
}

func (p *jsonParser) object(depth int) *Node {
	n := &Node{Kind: Mapping, Span: At(p.pos), weight: 1}
	p.next() // {
	for {
		p.skipSpace()
		if p.err != nil {
			return nil
		}
		if p.peek() == '}' {
			p.next()
			break
		}
		if p.peek() != '"' {
			p.fail("unexpected %s; expected a key in double quotes or }", p.describe())
			return nil
		}
		start := p.pos
		k := &Node{Kind: Scalar, Type: String, Value: p.str(), weight: 1}
		k.Span = Span{start, p.pos}
		p.skipSpace()
		if p.peek() != ':' {
			p.fail("unexpected %s; expected : after the key %q", p.describe(), k.Value)
			return nil
		}
		p.next()
		p.skipSpace()
		v := p.value(depth + 1)
		if p.err != nil {
			return nil
		}
		n.Entries = append(n.Entries, Entry{k, v})
		n.weight += k.weight + v.weight
		p.skipSpace()
		if p.peek() == ',' {
			p.next()
			continue
		}
		if p.peek() != '}' {
			p.fail("unexpected %s; expected , or } after the value of %q", p.describe(), k.Value)
			return nil
		}
	}
	if err := checkDuplicateKeys(n.Entries); err != nil {
		p.err = err.(*Error)
		return nil
	}
	return n
}

func (p *jsonParser) array(depth int) *Node {
	n := &Node{Kind: Sequence, Span: At(p.pos), weight: 1}
	p.next() // [
	for {
		p.skipSpace()
		if p.err != nil {
			return nil
		}
		if p.peek() == ']' {
			p.next()
			return n
		}
		v := p.value(depth + 1)
		if p.err != nil {
			return nil
		}
		n.Items = append(n.Items, v)
		n.weight += v.weight
		p.skipSpace()
		if p.peek() == ',' {
			p.next()
			continue
		}
		if p.peek() != ']' {
			p.fail("unexpected %s; expected , or ] in the list", p.describe())
			return nil
		}
	}
}

// str reads a string literal and returns its value.
func (p *jsonParser) str() string {
	start := p.pos
	p.next() // opening quote
	// Most strings hold no escape: they are their bytes, which the file
	// has already been checked to be UTF-8.
	for i := p.off; i < len(p.src); i++ {
		if c := p.src[i]; c == '"' {
			s := p.src[p.off:i]
			p.pos.Col += utf8.RuneCountInString(s)
			p.off = i
			p.next() // closing quote
			return s
		} else if c == '\\' || c < 0x20 {
			break
		}
	}
	var b strings.Builder
	for {
		if p.off >= len(p.src) {
			p.err = &Error{start, "string is not closed with \""}
			return ""
		}
		c := p.src[p.off]
		switch {
		case c == '"':
			p.next()
			return b.String()
		case c == '\n':
			p.fail("line break inside a string; write it as \\n")
			return ""
		case c < 0x20:
			p.fail("control character %U inside a string", rune(c))
			return ""
		case c == '\\':
			p.escape(&b)
			if p.err != nil {
				return ""
			}
		default:
			r, size := utf8.DecodeRuneInString(p.src[p.off:])
			b.WriteRune(r)
			p.off += size
			p.pos.Col++
		}
	}
}

func (p *jsonParser) escape(b *strings.Builder) {
	at := p.pos
	p.next() // backslash
	if p.off >= len(p.src) {
		p.err = &Error{at, "string is not closed with \""}
		return
	}
	c := p.src[p.off]
	p.next()
	switch c {
	case '"', '\\', '/':
		b.WriteByte(c)
	case 'b':
		b.WriteByte('\b')
	case 'f':
		b.WriteByte('\f')
	case 'n':
		b.WriteByte('\n')
	case 'r':
		b.WriteByte('\r')
	case 't':
		b.WriteByte('\t')
	case 'u':
		r, ok := p.hex4()
		if !ok {
			p.err = &Error{at, `\u must be followed by four hex digits`}
			return
		}
		if utf16.IsSurrogate(r) && strings.HasPrefix(p.src[p.off:], `\u`) {
			save, savePos := p.off, p.pos
			p.next()
			p.next()
			if r2, ok := p.hex4(); ok && utf16.DecodeRune(r, r2) != utf8.RuneError {
				r = utf16.DecodeRune(r, r2)
			} else {
				p.off, p.pos = save, savePos
				r = utf8.RuneError
			}
		} else if utf16.IsSurrogate(r) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	default:
		p.err = &Error{at, fmt.Sprintf("unknown escape \\%c", c)}
	}
}

func (p *jsonParser) hex4() (rune, bool) {
	if p.off+4 > len(p.src) {
		return 0, false
	}
	v, err := strconv.ParseUint(p.src[p.off:p.off+4], 16, 32)
	if err != nil {
		return 0, false
	}
	for range 4 {
		p.next()
	}
	return rune(v), true
}

func (p *jsonParser) number() *Node {
	start, from := p.pos, p.off
	isFloat := false
	for p.off < len(p.src) {
		c := p.src[p.off]
		if c == '.' || c == 'e' || c == 'E' {
			isFloat = true
		} else if !(c >= '0' && c <= '9' || c == '-' || c == '+') {
			break
		}
		p.next()
	}
	text := p.src[from:p.off]
	// Out of float64's range is still a number: the grammar decides.
	if !validJSONNumber(text) {
		p.pos, p.off = start, from
		p.fail("malformed number %q", text)
		return nil
	}
	t := Int
	if isFloat {
		t = Float
	}
	return &Node{Kind: Scalar, Type: t, Value: text, Span: Span{start, p.pos}, weight: 1}
}

// validJSONNumber checks the JSON grammar, which is stricter than Go's:
// no leading zeros, no leading +, digits on both sides of the point.
func validJSONNumber(s string) bool {
	i := 0
	digits := func() bool {
		from := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i > from
	}
	if i < len(s) && s[i] == '-' {
		i++
	}
	if i < len(s) && s[i] == '0' {
		i++
	} else if !digits() {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if !digits() {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if !digits() {
			return false
		}
	}
	return i == len(s)
}
