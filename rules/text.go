package rules

import (
	"path"
	"strings"

	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

func quote(s string) string { return `"` + s + `"` }

// withArticle puts "a" or "an" before a word.
func withArticle(word string) string {
	if word != "" && strings.ContainsRune("aeiouAEIOU", rune(word[0])) {
		return "an " + word
	}
	return "a " + word
}

// joinAnd joins words as "a, b and c".
func joinAnd(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// commandName is the base name of a command as a config or a permission
// rule writes it, in lower case, without its folder or the extension
// Windows adds: C:\tools\npx.cmd is npx.
func commandName(cmd string) string {
	name := strings.ToLower(path.Base(strings.ReplaceAll(cmd, `\`, "/")))
	for _, ext := range []string{".cmd", ".exe", ".bat"} {
		name = strings.TrimSuffix(name, ext)
	}
	return name
}

// A textCursor gives the positions of bytes of a text, lines ended as
// injection.Lines ends them, columns in code points. Asked in increasing
// order, as matches come, it reads the text once in all: a text may be a
// file of 4 MB with a match on every line.
type textCursor struct {
	t   *model.Text
	off int // the byte that pos is the position of
	pos syntax.Pos
}

func newTextCursor(t *model.Text) *textCursor { return &textCursor{t: t, pos: t.Start} }

// at is the position of byte off.
func (c *textCursor) at(off int) syntax.Pos {
	if off < c.off {
		c.off, c.pos = 0, c.t.Start
	}
	s := c.t.Value
	for i, r := range s[c.off:off] {
		switch i += c.off; {
		case r == '\n' && i > 0 && s[i-1] == '\r':
		case r == '\n' || r == '\r':
			c.pos.Line, c.pos.Col = c.pos.Line+1, 1
		default:
			c.pos.Col++
		}
	}
	c.off = off
	return c.pos
}
