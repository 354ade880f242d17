package rules

import (
	"iter"
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

// nearestKey returns the last mapping key on a path, skipping list
// indexes, which syntax.Walk writes in decimal digits.
func nearestKey(path []string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if strings.Trim(path[i], "0123456789") != "" || path[i] == "" {
			return path[i]
		}
	}
	return ""
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

// proseLines yields the lines of a text with the byte offset each starts
// at, ended as Markdown ends them: by \n, \r\n or a \r alone.
func proseLines(s string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for start := 0; start <= len(s); {
			end := strings.IndexAny(s[start:], "\r\n")
			if end < 0 {
				yield(start, s[start:])
				return
			}
			end += start
			if !yield(start, s[start:end]) {
				return
			}
			start = end + 1
			if s[end] == '\r' && start < len(s) && s[start] == '\n' {
				start++
			}
		}
	}
}

// textPos is the position of byte off of a text, lines ended as
// proseLines ends them, columns in code points.
func textPos(t *model.Text, off int) syntax.Pos {
	p := t.Start
	for i, r := range t.Value[:off] {
		switch {
		case r == '\n' && i > 0 && t.Value[i-1] == '\r':
		case r == '\n' || r == '\r':
			p.Line, p.Col = p.Line+1, 1
		default:
			p.Col++
		}
	}
	return p
}
