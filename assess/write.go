package assess

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/internal/markdown"
)

// JSONVersion is the version of the JSON statement format.
const JSONVersion = 1

// JSON writes the statements as one JSON document:
// {"version": 1, "statements": [...]}.
func JSON(w io.Writer, sts []*Statement) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(struct {
		Version    int          `json:"version"`
		Statements []*Statement `json:"statements"`
	}{JSONVersion, sts})
}

// MarkdownOptions shape the Markdown statement.
type MarkdownOptions struct {
	// LinkPrefix goes before each evidence path in its link, for a
	// statement kept in another directory than the one the paths are
	// relative to ("../" for docs/).
	LinkPrefix string
}

// Markdown writes each statement: the spec's template filled in, whether
// the agent conforms at the target level, every requirement with its
// evidence, and what the next level needs.
func Markdown(w io.Writer, sts []*Statement, opt MarkdownOptions) error {
	bw := bufio.NewWriter(w)
	for i, st := range sts {
		if i > 0 {
			bw.WriteString("\n---\n\n")
		}
		st.markdown(bw, opt)
	}
	fmt.Fprintf(bw, "\n---\nThe statement's template, the requirement ids, names and keywords, the self-assessment questions and the promotion gates are the %s.\n", atf.Credit)
	return bw.Flush()
}

func (st *Statement) markdown(w *bufio.Writer, opt MarkdownOptions) {
	fmt.Fprintf(w, "# ATF conformance statement: %s\n\n", markdown.Cell(st.Implementation))
	// The template of CONFORMANCE.md, in a block as the spec shows it.
	impl := st.Implementation
	if st.AgentID != "" && st.AgentID != impl {
		impl += " (" + st.AgentID + ")"
	}
	w.WriteString("```text\n")
	fmt.Fprintf(w, "Organization: %s\nImplementation: %s\nATF Version: %s\nTarget Maturity Level: %s\nAssessment Date: %s\n\n",
		oneLine(st.Organization), oneLine(impl), st.ATFVersion, title(st.TargetLevel), st.Date)
	for i, e := range st.Elements {
		fmt.Fprintf(w, "Element %d - %s: %d/%d requirements met\n", i+1, e.Name, e.Met, e.Of)
	}
	fmt.Fprintf(w, "\nNotes: %s\n```\n\n", oneLine(st.notesLine()))

	switch {
	case st.TargetLevel == "not stated":
	case st.Conforms:
		var attestedOnly []string
		for _, r := range st.Requirements {
			if r.Keyword == atf.Must.String() && r.Status == NotEvidenced {
				attestedOnly = append(attestedOnly, r.ID)
			}
		}
		if len(attestedOnly) == 0 {
			fmt.Fprintf(w, "**Conforms at %s**: every requirement ATF makes a MUST at %s is met.\n\n", st.TargetLevel, st.TargetLevel)
		} else {
			fmt.Fprintf(w, "**Conforms at %s**, as attested: every requirement ATF makes a MUST at %s is met, or declared where the Go code shows no sign of it (%s).\n\n", st.TargetLevel, st.TargetLevel, strings.Join(attestedOnly, ", "))
		}
	default:
		var ids []string
		for _, r := range st.Requirements {
			if r.Keyword == atf.Must.String() && !attested(r.Status) {
				ids = append(ids, r.ID)
			}
		}
		fmt.Fprintf(w, "**Does not conform at %s**: %d of its MUSTs are not fully met (%s).\n\n", st.TargetLevel, len(ids), strings.Join(ids, ", "))
	}

	fmt.Fprintf(w, "## Requirements\n\n| Id | Requirement | %s | Status | Evidence |\n|---|---|---|---|---|\n", title(st.TargetLevel))
	for _, r := range st.Requirements {
		var ev []string
		for _, e := range r.Evidence {
			ev = append(ev, fmt.Sprintf("[%s:%d](%s%s#L%d) %s", markdown.Cell(e.File), e.Line, opt.LinkPrefix, linkPath(e.File), e.Line, markdown.Cell(e.What)))
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", r.ID, r.Name, r.Keyword, r.Status, strings.Join(ev, "<br>"))
	}
	if len(st.SelfAssessment) > 0 {
		w.WriteString("\n## Self-assessment\n\nThe spec's 30 questions, answered from the repository where it can; the rest are for a person.\n")
		group := ""
		for _, a := range st.SelfAssessment {
			if a.Group != group {
				group = a.Group
				fmt.Fprintf(w, "\n### %s\n\n| Question | Answer | Why |\n|---|---|---|\n", group)
			}
			fmt.Fprintf(w, "| %s | %s | %s |\n", a.Question, a.Answer, markdown.Cell(a.Why))
		}
	}
	if p := st.Promotion; p != nil {
		fmt.Fprintf(w, "\n## What %s needs\n\n", p.To)
		if len(p.Rising) > 0 {
			fmt.Fprintf(w, "Requirements that count for more at %s:\n\n", p.To)
			for _, r := range p.Rising {
				check := " "
				if r.Status == Met {
					check = "x"
				}
				fmt.Fprintf(w, "- [%s] %s %s: %s at %s, %s at %s (%s now)\n", check, r.ID, r.Name, r.From, st.TargetLevel, r.To, p.To, r.Status)
			}
			w.WriteString("\n")
		}
		fmt.Fprintf(w, "The maturity model's promotion gates, which a person confirms:\n\n")
		for _, g := range p.Gates {
			fmt.Fprintf(w, "- [ ] %s: %s\n", g.Name, strings.Join(g.Items, "; "))
		}
	}
}

func (st *Statement) notesLine() string {
	var notes []string
	for _, status := range []string{PartiallyMet, NotEvidenced, NotJudged} {
		var ids []string
		for _, r := range st.Requirements {
			if r.Status == status {
				ids = append(ids, r.ID)
			}
		}
		if len(ids) > 0 {
			notes = append(notes, status+": "+strings.Join(ids, ", "))
		}
	}
	notes = append(notes, st.Notes...)
	if len(notes) == 0 {
		return "none"
	}
	return strings.Join(notes, "; ")
}

// linkPath escapes what a Markdown link target cannot hold.
func linkPath(p string) string {
	return strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E").Replace(p)
}

func title(s string) string {
	if s == "" || s == "not stated" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// oneLine keeps a value of the template on its line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
