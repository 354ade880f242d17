package syntax

import (
	"go/scanner"
	"go/token"
	"path"
	"strings"
	"unicode/utf8"
)

// A Comment is one comment of a file: where its marker starts, its text
// without the markers, and whether anything but blanks comes before it on
// its line (a trailing comment speaks of its own line, a comment alone on
// a line of the line after it).
type Comment struct {
	Pos      Pos
	Text     string
	Trailing bool
}

// Comments returns the comments of a file in order, read with the comment
// syntax of its kind, known by its name: # in YAML and TOML, // and /* */
// in JSON (JSONC) and Go, <!-- --> in Markdown (and # in its YAML front
// matter). A marker inside a string,
// a YAML block scalar or a Markdown code fence is not a comment. ok is
// false for a kind with no comments known here.
//
// Each kind is a small scanner of its own, not its parser: the parsers
// atflint uses drop comments or keep them without exact columns, and a
// suppression must be found in a file that does not parse too.
func Comments(name string, src []byte) (cs []Comment, ok bool) {
	switch strings.ToLower(path.Ext(name)) {
	case ".yaml", ".yml":
		return hashComments(src, true), true
	case ".toml":
		return hashComments(src, false), true
	case ".json", ".jsonc":
		return cComments(src), true
	case ".go":
		return goComments(src), true
	case ".md", ".markdown":
		return htmlComments(src), true
	}
	return nil, false
}

// lines splits src into lines without their line ends.
func lines(src []byte) []string {
	return strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
}

// column is the 1-based column, in code points, of byte offset off of line.
func column(line string, off int) int { return utf8.RuneCountInString(line[:off]) + 1 }

// stringRules says how a kind's quoted strings end. It is given the line
// from a quote and returns the length of the string, or -1 when the
// string goes on past the line.
type stringRules func(rest string) int

// yamlStrings: a single-quoted string doubles a quote inside it, a
// double-quoted one escapes it with a backslash. A string
// that goes on to the next line is taken to end with the line: what
// follows on a folded line is its text, and a rare comment after it is
// missed rather than a string taken for one.
func yamlStrings(rest string) int {
	q := rest[0]
	for i := 1; i < len(rest); i++ {
		switch {
		case q == '"' && rest[i] == '\\':
			i++
		case rest[i] == q && q == '\'' && i+1 < len(rest) && rest[i+1] == '\'':
			i++
		case rest[i] == q:
			return i + 1
		}
	}
	return len(rest)
}

// tomlStrings: "basic" with escapes, 'literal' without; the triple-quoted
// forms may span lines.
func tomlStrings(rest string) int {
	q := rest[0]
	if strings.HasPrefix(rest, strings.Repeat(string(q), 3)) {
		if end := strings.Index(rest[3:], strings.Repeat(string(q), 3)); end >= 0 {
			return 3 + end + 3
		}
		return -1
	}
	for i := 1; i < len(rest); i++ {
		switch {
		case q == '"' && rest[i] == '\\':
			i++
		case rest[i] == q:
			return i + 1
		}
	}
	return len(rest)
}

// hashComments finds # comments: at the start of a line or after a blank,
// outside strings. In YAML, the lines of a block scalar (| or > and the
// lines indented under it) are text.
func hashComments(src []byte, yaml bool) []Comment {
	strs := stringRules(tomlStrings)
	if yaml {
		strs = yamlStrings
	}
	var out []Comment
	multi := "" // the closing quotes of a TOML string spanning lines
	block := -1 // the indentation a YAML block scalar's lines exceed
	for n, line := range lines(src) {
		i := 0
		if multi != "" {
			end := strings.Index(line, multi)
			if end < 0 {
				continue
			}
			i, multi = end+len(multi), ""
		}
		indent := len(line) - len(strings.TrimLeft(line, " \t"))
		if block >= 0 {
			if strings.TrimSpace(line) == "" || indent > block {
				continue
			}
			block = -1
		}
		for ; i < len(line); i++ {
			c := line[i]
			switch {
			case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
				out = append(out, Comment{
					Pos:      Pos{n + 1, column(line, i)},
					Text:     strings.TrimSpace(line[i+1:]),
					Trailing: strings.TrimSpace(line[:i]) != "",
				})
				if yaml && opensBlock(line[:i]) {
					block = indent
				}
				i = len(line)
			case c == '"' || c == '\'':
				// In YAML a quote inside a plain scalar (it's) starts nothing.
				if yaml && i > 0 && line[i-1] != ' ' && line[i-1] != ':' && line[i-1] != '[' && line[i-1] != '{' && line[i-1] != ',' && line[i-1] != '-' {
					continue
				}
				l := strs(line[i:])
				if l < 0 {
					multi = strings.Repeat(string(c), 3)
					i = len(line)
					continue
				}
				i += l - 1
			}
		}
		if yaml && block < 0 && opensBlock(stripHashComment(line)) {
			block = indent
		}
	}
	return out
}

// opensBlock reports a line whose value starts a YAML block scalar: it
// ends in | or > with optional chomping and indentation indicators.
func opensBlock(line string) bool {
	v := strings.TrimSpace(line)
	v = strings.TrimRight(v, "+-123456789")
	return strings.HasSuffix(v, ": |") || strings.HasSuffix(v, ": >") || strings.HasSuffix(v, "- |") || strings.HasSuffix(v, "- >") || v == "|" || v == ">"
}

// stripHashComment drops a # comment at the end of a line, roughly: a
// blank and # outside quotes.
func stripHashComment(line string) string {
	if i := strings.Index(line, " #"); i >= 0 && !strings.ContainsAny(line[:i], `"'`) {
		return line[:i]
	}
	return line
}

// cComments finds // and /* */ comments outside "strings" with escapes,
// as JSONC has them.
func cComments(src []byte) []Comment {
	var out []Comment
	ls := lines(src)
	inBlock := false
	var blockStart Pos
	var blockText strings.Builder
	var blockTrailing bool
	for n, line := range ls {
		for i := 0; i < len(line); i++ {
			if inBlock {
				if strings.HasPrefix(line[i:], "*/") {
					out = append(out, Comment{Pos: blockStart, Text: strings.TrimSpace(blockText.String()), Trailing: blockTrailing})
					inBlock = false
					blockText.Reset()
					i++
					continue
				}
				blockText.WriteByte(line[i])
				continue
			}
			switch {
			case line[i] == '"':
				for i++; i < len(line) && line[i] != '"'; i++ {
					if line[i] == '\\' {
						i++
					}
				}
			case strings.HasPrefix(line[i:], "//"):
				out = append(out, Comment{Pos: Pos{n + 1, column(line, i)}, Text: strings.TrimSpace(line[i+2:]), Trailing: strings.TrimSpace(line[:i]) != ""})
				i = len(line)
			case strings.HasPrefix(line[i:], "/*"):
				inBlock, blockStart, blockTrailing = true, Pos{n + 1, column(line, i)}, strings.TrimSpace(line[:i]) != ""
				i++
			}
		}
		if inBlock {
			blockText.WriteByte('\n')
		}
	}
	return out
}

// goComments finds a Go file's comments with the Go scanner, which knows
// its strings, runes and raw strings. A file that does not scan still
// gives the comments before the error.
func goComments(src []byte) []Comment {
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var s scanner.Scanner
	s.Init(file, src, func(token.Position, string) {}, scanner.ScanComments)
	ls := lines(src)
	var out []Comment
	lastLine := 0 // the line of the last token that was not a comment
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			return out
		}
		p := fset.Position(pos)
		if tok != token.COMMENT {
			if tok != token.SEMICOLON || lit != "\n" {
				lastLine = p.Line
			}
			continue
		}
		text := strings.TrimPrefix(lit, "//")
		if strings.HasPrefix(lit, "/*") {
			text = strings.TrimSuffix(strings.TrimPrefix(lit, "/*"), "*/")
		}
		col := p.Column
		if p.Line-1 < len(ls) {
			col = column(ls[p.Line-1], p.Column-1)
		}
		out = append(out, Comment{Pos: Pos{p.Line, col}, Text: strings.TrimSpace(text), Trailing: lastLine == p.Line})
	}
}

// htmlComments finds <!-- --> comments outside fenced code blocks, and
// the # comments of a YAML front matter.
func htmlComments(src []byte) []Comment {
	var out []Comment
	ls := lines(src)
	body := 0
	if len(ls) > 0 && strings.TrimRight(ls[0], " ") == "---" {
		for i := 1; i < len(ls); i++ {
			if t := strings.TrimRight(ls[i], " "); t == "---" || t == "..." {
				for _, c := range hashComments([]byte(strings.Join(ls[1:i], "\n")), true) {
					c.Pos.Line++
					out = append(out, c)
				}
				body = i + 1
				break
			}
		}
	}
	fence := ""
	for n, line := range ls {
		if n < body {
			continue
		}
		t := strings.TrimLeft(line, " ")
		if fence != "" {
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = t[:3]
			continue
		}
		rest, off := line, 0
		for {
			i := strings.Index(rest, "<!--")
			if i < 0 {
				break
			}
			end := strings.Index(rest[i+4:], "-->")
			if end < 0 {
				break // a comment over several lines holds no directive here
			}
			at := off + i
			out = append(out, Comment{
				Pos:      Pos{n + 1, column(line, at)},
				Text:     strings.TrimSpace(rest[i+4 : i+4+end]),
				Trailing: strings.TrimSpace(line[:at]) != "",
			})
			off += i + 4 + end + 3
			rest = line[off:]
		}
	}
	return out
}
