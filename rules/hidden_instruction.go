package rules

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "hidden-instruction",
			Title:            "Text the model reads hides characters a reviewer cannot see",
			Severity:         finding.Error,
			SecuritySeverity: 8.5,
			OWASP:            []string{"ASI01"},
			ATF:              []string{"D-2"},
			Rationale: `A model reads every character of a tool's description, an agent's
instructions or a config, the ones no screen shows included. Unicode tag
characters (U+E0000 to U+E007F) spell ASCII text that renders as nothing, so
a description can carry a whole instruction a reviewer never sees;
bidirectional controls (U+202A to U+202E, U+2066 to U+2069) reorder what is
shown against what is read (Trojan Source); zero-width characters (U+200B,
U+2060, U+FEFF) split words past a filter. Nothing that an agent reads needs
them, and a pull request that adds them is the one a reviewer cannot judge.
The message shows each run escaped, and what tag characters spell. Besides
the values of every config, atflint reads subagents' and skills' bodies and
the instructions files coding agents load (AGENTS.md, CLAUDE.md, GEMINI.md,
Copilot's and Cursor's instructions and rules).

Delete the characters. Zero-width joiners inside emoji and joiners and
non-joiners between letters of scripts that use them are not reported.`,
			Lang: "json",
			Bad: `-- .mcp.json --
{"mcpServers": {"notes": {"command": "./notes-server", "description": "Notes.` + "\U000E0049\U000E0067\U000E006E\U000E006F\U000E0072\U000E0065" + `"}}}
`,
			Good: `-- .mcp.json --
{"mcpServers": {"notes": {"command": "./notes-server", "description": "Notes 📝, with emoji: 👩‍💻"}}}
`,
		},
		check: func(p *Pass) {
			if p.File.Root != nil {
				walkStrings(p.File.Root, func(s string, span syntax.Span) {
					if what, ok := hidden(s); ok {
						p.Reportf(span, "this value hides %s; delete it", what)
					}
				})
			}
			p.agents(func(a *model.Agent) {
				if t := a.Instructions; t != nil {
					for _, line := range hiddenLines(t) {
						p.Reportf(syntax.At(line.at), "the agent's instructions hide %s; delete it", line.what)
					}
				}
			})
			for _, t := range p.File.Prose {
				for _, line := range hiddenLines(t) {
					p.Reportf(syntax.At(line.at), "these instructions to the model hide %s; delete it", line.what)
				}
			}
		},
	})
}

// walkStrings calls fn on every string of a tree, keys included.
func walkStrings(root *syntax.Node, fn func(string, syntax.Span)) {
	syntax.Walk(root, func(_ []string, parent *syntax.Entry, n *syntax.Node) {
		if parent != nil {
			fn(parent.Key.Value, parent.Key.Span)
		}
		if n.Kind == syntax.Scalar && n.Type == syntax.String {
			fn(n.Value, n.Span)
		}
	})
}

type hiddenAt struct {
	at   syntax.Pos
	what string
}

// hiddenLines finds the hidden runs of a text, at their line and column.
func hiddenLines(t *model.Text) []hiddenAt {
	var out []hiddenAt
	for i, line := range strings.Split(t.Value, "\n") {
		if what, col, ok := hiddenCol(line); ok {
			at := syntax.Pos{Line: t.Start.Line + i, Col: col}
			if i == 0 {
				at.Col += t.Start.Col - 1
			}
			out = append(out, hiddenAt{at, what})
		}
	}
	return out
}

// hidden says what a string hides, if anything.
func hidden(s string) (string, bool) {
	what, _, ok := hiddenCol(s)
	return what, ok
}

// hiddenCol says what a string hides, and the column (in code points,
// from 1) of the first hidden character.
func hiddenCol(s string) (what string, col int, ok bool) {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x80 }) {
		return "", 0, false // every hidden character is outside ASCII
	}
	rs := []rune(s)
	var kinds []string
	var tags strings.Builder
	var shown strings.Builder
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
		if kind == "Unicode tag characters" && r >= 0xE0020 && r <= 0xE007E {
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

// hiddenKind says which kind of hidden character rs[i] is, "" for none.
func hiddenKind(rs []rune, i int) string {
	r := rs[i]
	switch {
	case r >= 0xE0000 && r <= 0xE007F:
		return "Unicode tag characters"
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
