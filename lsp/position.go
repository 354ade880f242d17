package lsp

import (
	"bytes"
	"slices"
	"unicode/utf8"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/atflint/atflint/syntax"
)

// Positions: atflint counts lines and columns from 1, columns in code
// points; the protocol counts both from 0, characters in UTF-16 code
// units, the encoding every client accepts.

// position converts p, in text, to the protocol's. A column past the end
// of its line is the line's end.
func position(text []byte, p syntax.Pos) protocol.Position {
	line := lineAt(text, p.Line)
	var units protocol.UInteger
	for col := 1; col < p.Col && len(line) > 0; col++ {
		r, size := utf8.DecodeRune(line)
		if r == '\n' || r == '\r' {
			break
		}
		line = line[size:]
		units += utf16Len(r)
	}
	return protocol.Position{Line: protocol.UInteger(max(p.Line-1, 0)), Character: units}
}

// offset is the byte offset in text of a protocol position; a character
// past the end of its line is the line's end.
func offset(text []byte, p protocol.Position) int {
	line := lineAt(text, int(p.Line)+1)
	off := len(text) - len(line)
	for units := protocol.UInteger(0); units < p.Character && off < len(text); {
		r, size := utf8.DecodeRune(text[off:])
		if r == '\n' || r == '\r' {
			break
		}
		off += size
		units += utf16Len(r)
	}
	return off
}

// applyChange applies an edit of a range to text.
func applyChange(text []byte, c protocol.TextDocumentContentChangeEvent) []byte {
	if c.Range == nil {
		return []byte(c.Text)
	}
	start, end := offset(text, c.Range.Start), offset(text, c.Range.End)
	if end < start {
		start, end = end, start
	}
	return slices.Concat(text[:start], []byte(c.Text), text[end:])
}

func span(text []byte, s syntax.Span) protocol.Range {
	end := s.End
	if !end.IsValid() || end.Line < s.Start.Line || end.Line == s.Start.Line && end.Col <= s.Start.Col {
		end = syntax.Pos{Line: s.Start.Line, Col: s.Start.Col + 1}
	}
	return protocol.Range{Start: position(text, s.Start), End: position(text, end)}
}

// lineAt is the text from the start of line n (from 1) to the end.
func lineAt(text []byte, n int) []byte {
	for ; n > 1; n-- {
		i := bytes.IndexByte(text, '\n')
		if i < 0 {
			return nil
		}
		text = text[i+1:]
	}
	return text
}

func utf16Len(r rune) protocol.UInteger {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// before reports whether a comes before b.
func before(a, b protocol.Position) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}

// overlaps reports whether r and q share a position, or touch where one
// is empty (a cursor).
func overlaps(r, q protocol.Range) bool {
	return !before(r.End, q.Start) && !before(q.End, r.Start)
}
