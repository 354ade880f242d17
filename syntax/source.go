package syntax

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// MaxDepth bounds the nesting of collections. Real agent configs nest a few
// levels; a file nested deeper is hostile, and parsing it recursively could
// exhaust the stack.
const MaxDepth = 256

// prepare strips a UTF-8 byte order mark, normalizes line breaks, and
// rejects what no parser should see: invalid UTF-8 and nesting deeper than
// MaxDepth.
func prepare(src []byte) ([]byte, error) {
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	if bytes.IndexByte(src, '\r') >= 0 {
		// Line breaks become \n alone: positions stay the same for every
		// other character, and the YAML parser miscounts lines after a
		// comment that ends in \r\n.
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	}
	if !utf8.Valid(src) {
		return nil, &Error{invalidUTF8(src), "the file is not valid UTF-8; save it as UTF-8"}
	}
	if p, ok := tooDeep(src); ok {
		return nil, &Error{p, fmt.Sprintf("collections nested deeper than %d levels", MaxDepth)}
	}
	return src, nil
}

// invalidUTF8 returns the position of the first byte that is not UTF-8.
func invalidUTF8(src []byte) Pos {
	p := Pos{1, 1}
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size <= 1 {
			return p
		}
		p = advance(p, r)
		src = src[size:]
	}
	return p
}

// advance moves p past rune r.
func advance(p Pos, r rune) Pos {
	if r == '\n' {
		return Pos{p.Line + 1, 1}
	}
	return Pos{p.Line, p.Col + 1}
}

// tooDeep over-approximates the nesting of a YAML or JSON text: flow
// brackets, and runs of "- " that open nested sequences on one line. It
// ignores quoting, so brackets inside strings count too; only absurd files
// reach the limit either way. Nesting by indentation needs a longer line per
// level and is bounded by the file size.
func tooDeep(src []byte) (Pos, bool) {
	depth := 0
	p := Pos{1, 1}
	lineStart := true
	dashes := 0
	for _, r := range string(src) {
		switch r {
		case '[', '{':
			depth++
			lineStart = false
		case ']', '}':
			depth--
			lineStart = false
		case '-':
			if lineStart {
				dashes++
			}
		case ' ', '\t':
		case '\n':
			dashes = 0
			lineStart = true
		default:
			lineStart = false
		}
		if depth > MaxDepth || dashes > MaxDepth {
			return p, true
		}
		p = advance(p, r)
	}
	return Pos{}, false
}
