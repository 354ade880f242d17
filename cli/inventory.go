package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"github.com/atflint/atflint/output"
	"io"
	"strings"

	"github.com/atflint/atflint/lint"
)

// inventory lists what the agents under the paths are made of: the tools
// found in Go code with what their handlers reach, the servers and agents
// in code and configs, and the registrations that could not be followed.
func inventory(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("inventory", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	format := fl.String("format", "text", "")
	noGo := fl.Bool("no-go", false, "")
	paths, err := parse(fl, args)
	if err != nil {
		return flagError(fl, stdout, stderr, err)
	}
	if *format != "text" && *format != "json" {
		return usageError(stderr, fmt.Errorf("--format %q: want text or json", *format))
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	res, err := lint.Run(paths, lint.Options{Go: !*noGo, Inventory: true, VetTool: vetTool()})
	if err != nil {
		return usageError(stderr, err)
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(res.Inventory)
	} else {
		err = writeInventory(stdout, res.Inventory)
	}
	if err != nil {
		fmt.Fprintf(stderr, "atflint: writing the inventory: %v\n", err)
		return ExitInternal
	}
	return (&outcome{res: res}).exitCode(stderr)
}

func writeInventory(w io.Writer, inv *lint.Inventory) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:\n", output.Plural(len(inv.Tools), "tool"))
	for _, t := range inv.Tools {
		name := t.Name
		if name == "" {
			name = "(name not a constant)"
		}
		fmt.Fprintf(&b, "  %s:%d:%d: %s (%s)", t.File, t.Line, t.Column, name, t.Framework)
		switch {
		case t.Handler == nil:
			b.WriteString(", handler not found")
		case len(t.Effects) == 0:
			b.WriteString(", reaches nothing atflint tracks")
		default:
			var caps []string
			for _, e := range t.Effects {
				c := e.Capability
				if e.Guard != "" {
					c += " (" + e.Guard + ")"
				}
				caps = append(caps, c)
			}
			b.WriteString(", reaches " + strings.Join(caps, ", "))
		}
		b.WriteString("\n")
	}
	for _, l := range []struct {
		what    string
		entries []lint.InventoryEntry
	}{{"server", inv.Servers}, {"agent", inv.Agents}, {"unresolved registration", inv.Unresolved}} {
		fmt.Fprintf(&b, "%s:\n", output.Plural(len(l.entries), l.what))
		for _, e := range l.entries {
			fmt.Fprintf(&b, "  %s:%d:%d: %s", e.File, e.Line, e.Column, e.Kind)
			if e.Name != "" {
				fmt.Fprintf(&b, " %q", e.Name)
			}
			if e.Note != "" {
				b.WriteString(", " + e.Note)
			}
			b.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
