package rules

import (
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/internal/injection"
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
Copilot's and Cursor's instructions and rules), and in Go the constant strings
a framework takes as a description (` + "`mcp.WithDescription`" + `, a tool's
` + "`Description`" + ` field, the string ` + "`genkit.DefineTool`" + ` or ` + "`utils.InferTool`" + ` take,
what a langchaingo tool's ` + "`Description`" + ` method returns), at the character in
the literal.

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
			text := p.text()
			for _, k := range text.keys {
				if what, _, ok := injection.Hidden(k.Value); ok {
					p.Reportf(k.Span, "this value hides %s; delete it", what)
				}
			}
			for _, s := range text.values {
				if what, _, ok := injection.Hidden(s.node.Value); ok {
					p.Reportf(s.node.Span, "this value hides %s; delete it", what)
				}
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

type hiddenAt struct {
	at   syntax.Pos
	what string
}

// hiddenLines finds the hidden runs of a text, at their line and column.
func hiddenLines(t *model.Text) []hiddenAt {
	var out []hiddenAt
	cursor := newTextCursor(t)
	for off, line := range injection.Lines(t.Value) {
		if what, col, ok := injection.Hidden(line); ok {
			at := cursor.at(off)
			at.Col += col - 1
			out = append(out, hiddenAt{at, what})
		}
	}
	return out
}
