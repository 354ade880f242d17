package surface

import (
	"fmt"
	"strings"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/syntax"
)

// RuleID is the rule of the findings a check against the lock reports.
const RuleID = "surface-changed"

// Findings reports each change against the lock read: a new or changed
// entry where it is now, with the lock's line as related; a gone one at
// the lock's line.
func Findings(changes []Change, lock *Read, atfIDs []string) []finding.Finding {
	var out []finding.Finding
	for i := range changes {
		c := &changes[i]
		f := finding.Finding{Rule: RuleID, Severity: c.Severity, ATF: atfIDs, Message: c.Message()}
		var lockAt syntax.Span
		if c.OldAt >= 0 {
			spans := lock.ToolAt
			if c.What == "server" {
				spans = lock.ServerAt
			}
			if c.OldAt < len(spans) {
				lockAt = spans[c.OldAt]
			}
		}
		if now := c.now(); now != nil {
			f.File, f.Span = now.file, now.span
			if c.Kind == "changed" {
				f.Related = []finding.Related{{File: lock.Path, Span: lockAt, Message: "atflint.lock pins it here"}}
			}
		} else {
			f.File, f.Span = lock.Path, lockAt
		}
		out = append(out, f)
	}
	return out
}

// now is where the changed entry is now, nil when it is gone.
func (c *Change) now() *place {
	switch {
	case c.NewTool != nil:
		return &c.NewTool.at
	case c.NewServer != nil:
		return &c.NewServer.at
	}
	return nil
}

// Message words a change for a finding.
func (c *Change) Message() string {
	label := c.label()
	switch c.Kind {
	case "added":
		return fmt.Sprintf("%s is new since atflint.lock: %s; review it, then run atflint lock", label, c.summary())
	case "removed":
		return fmt.Sprintf("%s is gone, and atflint.lock still pins it; run atflint lock", label)
	}
	return fmt.Sprintf("%s changed since atflint.lock: %s; review it, then run atflint lock", label, strings.Join(c.Details, "; "))
}

// label names the changed entry: tool "x", MCP server "y".
func (c *Change) label() string {
	if c.What == "server" {
		return fmt.Sprintf("MCP server %q", c.Name())
	}
	return fmt.Sprintf("tool %q", c.Name())
}

// summary says what a new entry is: what a tool reaches, what a server
// runs.
func (c *Change) summary() string {
	if t := c.NewTool; t != nil {
		if len(t.Effects) == 0 {
			return "it reaches nothing atflint tracks"
		}
		return "it reaches " + strings.Join(t.Effects, ", ")
	}
	s := c.NewServer
	switch {
	case s.URL != "":
		return "it is reached at " + s.URL
	case len(s.Packages) > 0:
		return "it runs " + strings.Join(s.Packages, ", ") + " with " + s.Command
	}
	return "it runs " + orNone(s.Command)
}
