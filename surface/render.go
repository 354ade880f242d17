package surface

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/atflint/atflint/finding"
)

// A Report is the surface change since a revision, for atflint
// inventory --diff and a pull request's review.
type Report struct {
	Base    string   `json:"base"`
	Changes []Change `json:"-"`
}

// change is a Change as JSON gives it.
type change struct {
	Kind     string   `json:"kind"`
	What     string   `json:"what"`
	Name     string   `json:"name"`
	In       string   `json:"in,omitempty"`
	File     string   `json:"file,omitempty"`
	Severity string   `json:"severity"`
	Details  []string `json:"details"`
	Gained   []string `json:"gained"`
	Lost     []string `json:"lost"`
	Message  string   `json:"message"`
}

func (c *Change) json() change {
	out := change{Kind: c.Kind, What: c.What, Name: c.Name(), Severity: c.Severity.String(), Details: c.Details, Gained: c.Gained, Lost: c.Lost, Message: c.Message()}
	switch {
	case c.NewTool != nil:
		out.In, out.File = c.NewTool.In, c.NewTool.File
	case c.OldTool != nil:
		out.In, out.File = c.OldTool.In, c.OldTool.File
	case c.NewServer != nil:
		out.File = c.NewServer.File
	default:
		out.File = c.OldServer.File
	}
	for _, l := range []*[]string{&out.Details, &out.Gained, &out.Lost} {
		if *l == nil {
			*l = []string{}
		}
	}
	return out
}

// JSON writes the report as JSON.
func (r *Report) JSON(w io.Writer) error {
	out := struct {
		Base    string   `json:"base"`
		Changes []change `json:"changes"`
	}{r.Base, []change{}}
	for i := range r.Changes {
		out.Changes = append(out.Changes, r.Changes[i].json())
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// Text writes the report for a terminal: one line per change.
func (r *Report) Text(w io.Writer) error {
	var b strings.Builder
	if len(r.Changes) == 0 {
		fmt.Fprintf(&b, "no change to the agents' tools and MCP servers since %s\n", r.Base)
	}
	for i := range r.Changes {
		c := &r.Changes[i]
		fmt.Fprintf(&b, "%s: %s\n", c.Severity, c.line())
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Markdown writes the report as a section a review or job summary
// leads with: what the change adds to what the agents can do.
func (r *Report) Markdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "### Agent surface since `%s`\n\n", r.Base)
	if len(r.Changes) == 0 {
		b.WriteString("No tool or MCP server was added, removed or changed.\n")
	} else {
		b.WriteString("| | Change |\n|---|---|\n")
		for i := range r.Changes {
			c := &r.Changes[i]
			mark := "➖"
			if c.Severity == finding.Warning {
				mark = "⚠️"
			}
			fmt.Fprintf(&b, "| %s | %s |\n", mark, strings.ReplaceAll(c.line(), "|", "\\|"))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// line words a change for a list of them: what and where, then how.
func (c *Change) line() string {
	label := c.label()
	switch c.Kind {
	case "added":
		return fmt.Sprintf("new %s: %s", label, c.summary())
	case "removed":
		return fmt.Sprintf("%s removed", label)
	}
	return fmt.Sprintf("%s: %s", label, strings.Join(c.Details, "; "))
}
