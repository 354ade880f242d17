package rules

import (
	"path"
	"strings"
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
