package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/atflint/atflint/filter"
	"github.com/atflint/atflint/lint"
	"github.com/atflint/atflint/output"
	"github.com/atflint/atflint/surface"
)

// inventory lists what the agents under the paths are made of: the tools
// found in Go code with what their handlers reach, the servers and agents
// in code and configs, and the registrations that could not be followed.
func inventory(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("inventory")
	format := fl.String("format", "text", "")
	noGo := fl.Bool("no-go", false, "")
	diff := fl.String("diff", "", "")
	paths, err := parse(fl, args)
	if err != nil {
		return flagError(fl, stdout, stderr, err)
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	if *diff != "" {
		return surfaceDiff(*diff, *format, !*noGo, paths, stdout, stderr)
	}
	if *format != "text" && *format != "json" {
		return usageError(stderr, fmt.Errorf("--format %q: want text or json (markdown is for --diff)", *format))
	}
	res, err := lint.Run(paths, lint.Options{Go: !*noGo, Inventory: true, VetTool: vetTool()})
	if err != nil {
		return inputError(stderr, err)
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

// surfaceDiff says what the change from rev to the work tree adds to the
// surface of the agents under paths.
func surfaceDiff(rev, format string, goAnalysed bool, paths []string, stdout, stderr io.Writer) int {
	if format != "text" && format != "json" && format != "markdown" {
		return usageError(stderr, fmt.Errorf("--format %q: want text, json or markdown", format))
	}
	res, err := lint.Run(paths, lint.Options{Go: goAnalysed, Inventory: true, Models: true, VetTool: vetTool()})
	if err != nil {
		return inputError(stderr, err)
	}
	report, err := surfaceSince(rev, goAnalysed, paths, res)
	if err != nil {
		return inputError(stderr, err)
	}
	switch format {
	case "json":
		err = report.JSON(stdout)
	case "markdown":
		err = report.Markdown(stdout)
	default:
		err = report.Text(stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "atflint: writing the surface change: %v\n", err)
		return ExitInternal
	}
	return (&outcome{res: res}).exitCode(stderr)
}

// surfaceSince runs atflint on the tree of rev as now, the work tree's
// run (made with Options.Inventory and Models), was made, and compares
// their surfaces.
func surfaceSince(rev string, goAnalysed bool, paths []string, now *lint.Result) (*surface.Report, error) {
	dir, remove, err := filter.Snapshot(rev)
	if err != nil {
		return nil, err
	}
	defer remove()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	old := &surface.Lock{Go: goAnalysed}
	var then []string
	for _, p := range paths {
		if filepath.IsAbs(p) {
			return nil, fmt.Errorf("--diff compares paths of the repository: give %s relative to the current directory", p)
		}
		if _, err := os.Stat(filepath.Join(dir, p)); err == nil {
			then = append(then, filepath.Join(dir, p))
		}
	}
	if len(then) > 0 {
		res, err := lint.Run(then, lint.Options{BaseDir: dir, Go: goAnalysed, Inventory: true, Models: true, VetTool: vetTool()})
		if err != nil {
			return nil, fmt.Errorf("--diff %s: %w", rev, err)
		}
		if len(res.Errors) > 0 {
			return nil, fmt.Errorf("--diff %s: the revision could not be analysed whole: %v", rev, res.Errors[0])
		}
		old = surface.Build(res, goAnalysed, ".")
	}
	changes := surface.Compare(old, surface.Build(now, goAnalysed, "."), func(string) bool { return true })
	return &surface.Report{Base: rev, Changes: changes}, nil
}
