// Command poisoning measures the phrase set of package injection (the
// tool-poisoning and hidden-instruction rules) on tool descriptions
// published by others: poisoned ones from attack demonstrations and
// benchmarks, which it should report, and benign ones from the same
// sources, which it should not. The descriptions are not committed; they
// are read from JSON Lines files collected from those repositories
// (bench/poisoning/README.md says how).
//
// Usage: poisoning POISONED.jsonl BENIGN.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/atflint/atflint/internal/injection"
)

// A description is one line of the input files.
type description struct {
	Repo, Path, Tool, Text string
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: poisoning POISONED.jsonl BENIGN.jsonl")
		os.Exit(2)
	}
	poisoned, err := read(os.Args[1])
	if err == nil {
		var benign []description
		if benign, err = read(os.Args[2]); err == nil {
			report(os.Stdout, poisoned, benign)
			return
		}
	}
	fmt.Fprintln(os.Stderr, "poisoning:", err)
	os.Exit(1)
}

func read(name string) ([]description, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []description
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		var d description
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		out = append(out, d)
	}
	return out, sc.Err()
}

// flagged says what the rules would report in a description, "" for
// nothing.
func flagged(text string) string {
	if start, end, why, ok := injection.Directive(text); ok {
		return fmt.Sprintf("%s (%q)", why, injection.Clip(text[start:end]))
	}
	if what, _, ok := injection.Hidden(text); ok {
		return "hides " + what
	}
	return ""
}

func report(w io.Writer, poisoned, benign []description) {
	type count struct{ found, total, flagged, benign int }
	byRepo := map[string]*count{}
	at := func(repo string) *count {
		if byRepo[repo] == nil {
			byRepo[repo] = &count{}
		}
		return byRepo[repo]
	}
	var missed, falsePositives []string
	for _, d := range poisoned {
		c := at(d.Repo)
		c.total++
		if flagged(d.Text) != "" {
			c.found++
		} else {
			missed = append(missed, fmt.Sprintf("%s %s: %s", d.Repo, d.Tool, injection.Clip(d.Text)))
		}
	}
	for _, d := range benign {
		c := at(d.Repo)
		c.benign++
		if why := flagged(d.Text); why != "" {
			c.flagged++
			falsePositives = append(falsePositives, fmt.Sprintf("%s %s: %s", d.Repo, d.Tool, why))
		}
	}
	repos := make([]string, 0, len(byRepo))
	for r := range byRepo {
		repos = append(repos, r)
	}
	slices.Sort(repos)
	var all count
	fmt.Fprintf(w, "%-50s %9s %9s\n", "source", "poisoned", "benign")
	for _, r := range repos {
		c := byRepo[r]
		fmt.Fprintf(w, "%-50s %4d/%-4d %4d/%-4d\n", r, c.found, c.total, c.flagged, c.benign)
		all.found, all.total, all.flagged, all.benign = all.found+c.found, all.total+c.total, all.flagged+c.flagged, all.benign+c.benign
	}
	fmt.Fprintf(w, "%-50s %4d/%-4d %4d/%-4d\n", "all", all.found, all.total, all.flagged, all.benign)
	fmt.Fprintf(w, "\nrecall %.1f%% on poisoned descriptions; %d of %d benign ones reported\n", 100*float64(all.found)/float64(max(all.total, 1)), all.flagged, all.benign)
	section := func(title string, lines []string) {
		if len(lines) > 0 {
			fmt.Fprintf(w, "\n%s:\n  %s\n", title, strings.Join(lines, "\n  "))
		}
	}
	section("missed", missed)
	section("benign ones reported", falsePositives)
}
