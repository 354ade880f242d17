// Package injection recognises text written to steer a model rather than
// inform its reader: characters no screen shows, and phrasings that give
// the model orders. The config rules and the Go analyzers share it, so
// that a description is judged the same wherever it is written.
package injection

import (
	"fmt"
	"iter"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Hidden says what a text hides from a reader, if anything: Unicode tag
// characters (and the ASCII they spell), bidirectional controls and
// zero-width characters, each run shown escaped. col is the column, in
// code points from 1, of the first hidden character.
func Hidden(s string) (what string, col int, ok bool) {
	if isASCII(s) {
		return "", 0, false // every hidden character is outside ASCII
	}
	rs := []rune(s)
	var kinds []string
	var tags, shown strings.Builder
	first := -1
	for i, r := range rs {
		kind := hiddenKind(rs, i)
		if kind == "" {
			continue
		}
		if first < 0 {
			first = i
		}
		if !slices.Contains(kinds, kind) {
			kinds = append(kinds, kind)
		}
		if kind == tagCharacters && r >= 0xE0020 && r <= 0xE007E {
			tags.WriteRune(r - 0xE0000)
		}
		if shown.Len() < 60 {
			fmt.Fprintf(&shown, "\\u{%X}", r)
		}
	}
	if first < 0 {
		return "", 0, false
	}
	what = strings.Join(kinds, " and ") + " (" + shown.String() + ")"
	if tags.Len() > 0 {
		what += fmt.Sprintf(" that spell %q", tags.String())
	}
	return what, first + 1, true
}

const tagCharacters = "Unicode tag characters"

// hiddenKind says which kind of hidden character rs[i] is, "" for none.
func hiddenKind(rs []rune, i int) string {
	r := rs[i]
	switch {
	case r >= 0xE0000 && r <= 0xE007F:
		return tagCharacters
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return "bidirectional controls"
	case r == 0x200B || r == 0x2060 || r == 0x180E || r == 0xFEFF && i > 0:
		return "zero-width characters"
	case r == 0x200C || r == 0x200D:
		// Joiners belong in emoji sequences and in the scripts that
		// shape with them; between ASCII letters they only split words.
		if i > 0 && i < len(rs)-1 && rs[i-1] < 0x80 && rs[i+1] < 0x80 && (unicode.IsLetter(rs[i-1]) || unicode.IsLetter(rs[i+1])) {
			return "zero-width characters"
		}
	}
	return ""
}

// directives are the phrasings that aim a description at the model, each
// with what it does. The set is small on purpose: precision over recall.
//
// needs are groups of words, lower-cased, every match holding one of each
// group: Go's
// regexp runs these patterns (\b and all) with its backtracker, a third
// of a run over 10,000 manifests, so a text without them is not searched
// (FuzzDirective checks the answer is the same).
var directives = []struct {
	re    *regexp.Regexp
	why   string
	needs [][]string
	// prose is set for the phrasings that are hostile in instructions
	// for the model too, where pointing at a tool or a file, or an
	// <IMPORTANT> block, is what instructions are for.
	prose bool
}{
	{regexp.MustCompile(`(?i)\b(ignore|disregard|forget|override|bypass)\s+(all\s+|any\s+)?(the\s+|your\s+)?(previous|prior|above|earlier|safety|security)\s+(instructions|prompts?|rules|checks|guidelines|restrictions)|\b(ignore|disregard)\s+(all\s+|any\s+)?(the\s+|your\s+)?system\s+(prompts?|instructions)`), "tells the model to drop its instructions", [][]string{{"ignore", "disregard", "forget", "override", "bypass"}, {"previous", "prior", "above", "earlier", "safety", "security", "system"}, {"instruction", "prompt", "rule", "check", "guideline", "restriction"}}, true},
	{regexp.MustCompile(`(?i)\b(do\s+not|don't|never)\s+(tell|inform|mention\s+(this\s+)?to|show|reveal\s+(this\s+)?to|notify|alert)\s+the\s+user\b`), "tells the model to keep something from the user", [][]string{{"user"}, {"not", "don't", "never"}, {"tell", "inform", "mention", "show", "reveal", "notify", "alert"}}, true},
	{regexp.MustCompile(`(?i)\bwithout\s+(telling|informing|notifying|alerting)\s+the\s+user\b`), "tells the model to act behind the user's back", [][]string{{"without"}, {"user"}, {"telling", "informing", "notifying", "alerting"}}, true},
	{regexp.MustCompile(`(?i)\b(the\s+user\s+(must|should)\s+not\s+(know|see|be\s+told))|(keep\s+(this|it)\s+(secret|hidden)\s+from\s+the\s+user)`), "tells the model to keep something from the user", [][]string{{"user"}, {"must", "should", "keep"}, {"know", "see", "told", "secret", "hidden"}}, true},
	{regexp.MustCompile(`(?i)\bsilently\s+(read|send|copy|forward|upload|attach|include|exfiltrate)\b`), "tells the model to act behind the user's back", [][]string{{"silently"}}, true},
	{regexp.MustCompile(`(?i)\b(reads?|send|include|pass|attach|upload|provide|contents?\s+of|cat)\b[^.\n]{0,40}?((~/|\$HOME/|%USERPROFILE%\\)\.(ssh|aws|gnupg|kube|docker|netrc|config/gcloud|cursor/mcp\.json|bashrc|zshrc|npmrc|pypirc|git-credentials)\b|\bid_(rsa|ed25519|ecdsa)\b|\.aws/credentials|/etc/(passwd|shadow))`), "points the model at credentials on the machine", [][]string{{".ssh", ".aws", ".gnupg", ".kube", ".docker", ".netrc", ".config/gcloud", ".cursor/mcp.json", ".bashrc", ".zshrc", ".npmrc", ".pypirc", ".git-credentials", "id_rsa", "id_ed25519", "id_ecdsa", "/etc/passwd", "/etc/shadow"}}, false},
	// What is sent is named, with up to two words before it ("the
	// conversation history", "all API keys"): a tool that sends "the
	// message to https://hooks..." is what it says.
	{regexp.MustCompile(`(?i)\b(send|post|upload|forward|exfiltrate|transmit|leak)\s+(it|them|this|these|all\s+\w+|(the|all|every|any|your|its|their|a\s+copy\s+of(\s+the)?)\s+([\w-]+\s+){0,2}?(contents?|file|files|data|keys?|results?|conversation|history|chat|context|prompts?|instructions|credentials|secrets?|tokens?|passwords?|variables|environment|logs?))\s+(to|at)\s+(https?://|[\w.+-]+@[\w-]+\.\w+)`), "tells the model to send data out", [][]string{{"send", "post", "upload", "forward", "exfiltrate", "transmit", "leak"}, {"http", "@"}}, true},
	{regexp.MustCompile(`(?i)\bbcc\b[^.\n]{0,60}?[\w.+-]+@[\w-]+(\.[\w-]+)+|\b(forward|redirect)\s+(all|every|each|a\s+copy\s+of)\b[^.\n]{0,60}?\bto\s+[\w.+-]+@[\w-]+(\.[\w-]+)+`), "tells the model to send data out", [][]string{{"@"}, {"bcc", "forward", "redirect"}}, true},
	{regexp.MustCompile(`(?i)\b(before|when|whenever|after|instead\s+of)\s+(using|calling|invoking|you\s+use|you\s+call)\s+(the\s+)?[a-z]+_[a-z_]+\b[^.\n]{0,40}?\b(always|must|instead|redirect)\b|\bwhen\s+the\s+[a-z]+_[a-z_]+\s+tool\s+is\s+(available|called|used)`), "tells the model how to use another tool", [][]string{{"_"}, {"before", "when", "after", "instead"}}, false},
	{regexp.MustCompile(`(?i)<\s*(important|system|instructions?|hidden|override|global[_ -]?override|system[_ -][a-z_]+)\s*>|<!--\s*(ai|assistant|llm|model|system|agent)[_ -]?(instructions?|notes?|prompt)\b|<\|(system|im_start)\|>|\[INST\]|###\s*(instruction|system)\s*:`), "carries a block of instructions for the model", [][]string{{"<", "[inst]", "###"}}, false},
}

// Directive finds a phrase of a text that gives the model orders, the
// first match of the first phrasing that matches
// (to drop its instructions, keep things from the user, read credentials,
// send data out), returning its byte offsets in s and what it does.
func Directive(s string) (start, end int, why string, ok bool) {
	lower := foldedLower(s)
	pairs := pairsOf(lower)
	for i, d := range directives {
		if !hasNeeded(lower, pairs, d.needs, neededPairs[i]) {
			continue
		}
		for _, loc := range d.re.FindAllStringIndex(s, -1) {
			if !possessive(s, loc[1]) {
				return loc[0], loc[1], d.why, true
			}
		}
	}
	return 0, 0, "", false
}

// A Match is a phrase found in a text, by its byte offsets, and what it
// does.
type Match struct {
	Start, End int
	Why        string
}

// ProseDirectives finds, in file order and apart from one another, the
// phrases of instructions written for the model (AGENTS.md, a skill's
// body) that turn it against its user or its instructions, or send data
// out: the phrasings of Directive that are hostile there too.
//
// A phrase in quotes or in code (a security guide's example of an attack)
// is passed over. A phrase may run over the lines of a paragraph, as
// Markdown wraps them,
// but not past a blank line: each paragraph is searched apart, which keeps
// Go's regexp on short texts, where it is fast, and the word filter on
// the paragraphs of ASCII in a file that has some other text.
func ProseDirectives(s string) []Match { return proseDirectives(s, true) }

// proseDirectives is ProseDirectives, with the word filter or without.
func proseDirectives(s string, useFilter bool) []Match {
	fences := fencedBlocks(s)
	var found []Match
	for start := 0; start < len(s); {
		end := paragraphEnd(s, start)
		para := s[start:end]
		lower := foldedLower(para)
		pairs := pairsOf(lower)
		for i, d := range directives {
			if !d.prose || useFilter && !hasNeeded(lower, pairs, d.needs, neededPairs[i]) {
				continue
			}
			for _, loc := range d.re.FindAllStringIndex(para, -1) {
				at := start + loc[0]
				if !possessive(para, loc[1]) && !quoted(s, at, start+loc[1]) && !slices.ContainsFunc(fences, func(f [2]int) bool { return at >= f[0] && at < f[1] }) {
					found = append(found, Match{at, start + loc[1], d.why})
				}
			}
		}
		start = end
	}
	slices.SortStableFunc(found, func(a, b Match) int { return a.Start - b.Start })
	// Of phrases that overlap, the first found is kept.
	var kept []Match
	for _, m := range found {
		if len(kept) == 0 || m.Start >= kept[len(kept)-1].End {
			kept = append(kept, m)
		}
	}
	return kept
}

// fencedBlocks are the byte ranges of a Markdown text's fenced code
// blocks: code, and the attacks that security guides show in it, is not
// said to the model. A fence is three or more backticks or tildes,
// indented less than four spaces; the block ends at a fence of the same
// character, at least as long, with nothing after it, or at the end of
// the text. Lines end at \n, \r\n or \r, as Markdown ends them.
func fencedBlocks(s string) [][2]int {
	var blocks [][2]int
	open, char, size := -1, byte(0), 0
	for off, line := range Lines(s) {
		trimmed := strings.TrimLeft(line, " ")
		run := 0
		if len(line)-len(trimmed) < 4 && trimmed != "" && (trimmed[0] == '`' || trimmed[0] == '~') {
			for run < len(trimmed) && trimmed[run] == trimmed[0] {
				run++
			}
		}
		switch {
		case open < 0 && run >= 3:
			open, char, size = off, trimmed[0], run
		case open >= 0 && run >= size && trimmed[0] == char && strings.TrimSpace(trimmed[run:]) == "":
			blocks = append(blocks, [2]int{open, off + len(line)})
			open = -1
		}
	}
	if open >= 0 {
		blocks = append(blocks, [2]int{open, len(s)}) // CommonMark: to the end
	}
	return blocks
}

// quoted reports a phrase, from byte start to end of s, that its line
// puts between quotes or in a code span: an example of what an attack
// says ("Ignore previous instructions..." under detection patterns), not
// an order. The quote must close after the phrase too: a stray inch mark
// before it quotes nothing.
func quoted(s string, start, end int) bool {
	lineStart := strings.LastIndexAny(s[:start], "\r\n") + 1
	lineEnd := len(s)
	if i := strings.IndexAny(s[end:], "\r\n"); i >= 0 {
		lineEnd = end + i
	}
	before, after := s[lineStart:start], s[end:lineEnd]
	for _, q := range []string{`"`, "`"} {
		if strings.Count(before, q)%2 == 1 && strings.Contains(after, q) {
			return true
		}
	}
	return strings.Count(before, "\u201C") > strings.Count(before, "\u201D") && strings.Contains(after, "\u201D")
}

// hasNeeded reports whether a lower-cased text, whose pairs of bytes are
// pairs, holds a word of every group. A word with a pair the text lacks
// is not searched for: most texts hold none of the words, and searching
// each was most of the time of checking a description.
func hasNeeded(lower string, pairs pairSet, needs [][]string, wordPairs [][]pairSet) bool {
next:
	for g, group := range needs {
		for w, word := range group {
			if pairs.covers(wordPairs[g][w]) && strings.Contains(lower, word) {
				continue next
			}
		}
		return false
	}
	return true
}

// A pairSet is the set of the pairs of adjacent bytes of a text, hashed
// to 256 bits.
type pairSet [4]uint64

func pairsOf(s string) (ps pairSet) {
	for i := 0; i+1 < len(s); i++ {
		h := uint8((uint32(s[i])<<8 | uint32(s[i+1])) * 0x9E3779B1 >> 24)
		ps[h>>6] |= 1 << (h & 63)
	}
	return ps
}

// covers reports whether every pair of sub is in ps.
func (ps pairSet) covers(sub pairSet) bool {
	return ps[0]&sub[0] == sub[0] && ps[1]&sub[1] == sub[1] && ps[2]&sub[2] == sub[2] && ps[3]&sub[3] == sub[3]
}

// neededPairs are the pairs of every word of the directives' needs, by
// directive, group and word.
var neededPairs = func() [][][]pairSet {
	all := make([][][]pairSet, len(directives))
	for i, d := range directives {
		for _, group := range d.needs {
			var words []pairSet
			for _, w := range group {
				words = append(words, pairsOf(w))
			}
			all[i] = append(all[i], words)
		}
	}
	return all
}()

// Lines yields the lines of a text with the byte offset each starts
// at, ended as Markdown ends them: by \n, \r\n or a \r alone.
func Lines(s string) iter.Seq2[int, string] {
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

// paragraphEnd is the offset just past the paragraph of s that starts at
// start: past the blank line after it, or the end of s.
func paragraphEnd(s string, start int) int {
	for off, line := range Lines(s[start:]) {
		if off > 0 && strings.TrimLeft(line, " \t") == "" {
			return start + off
		}
	}
	return len(s)
}

// foldedLower is s with every letter the patterns' (?i) takes for an
// ASCII one written as that, lower-cased: the Kelvin sign K is a k and
// the long s ſ an s (the only letters outside ASCII whose simple case
// folding reaches it); other text outside ASCII is left as it is, since
// it can match none of the words a filter looks for.
func foldedLower(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\u212A':
			return 'k'
		case r == '\u017F':
			return 's'
		case r < utf8.RuneSelf:
			return unicode.ToLower(r)
		}
		return r
	}, s)
}

// possessive reports a match that ends in the first word of a possessive,
// "the user" of "the user's followers", which names no person to hide
// things from.
func possessive(s string, end int) bool {
	rest := s[end:]
	return strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "’")
}

// Clip keeps quoted text short in a message: spaces folded, at most 80
// code points.
func Clip(s string) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) > 80 {
		return string(r[:77]) + "..."
	}
	return string(r)
}

// isASCII reports whether s is all ASCII; every string of every file is
// asked.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
