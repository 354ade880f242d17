// Command score compares the tools atflint's inventory lists with the
// tools truth counted, by name, and prints one line of "truth found
// recall% unresolved" followed by the names atflint missed. Tools whose names are
// not constants count in found but cannot be matched.
//
// Usage: score TRUTH.txt INVENTORY.json
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: score TRUTH.txt INVENTORY.json")
		os.Exit(2)
	}
	truth := map[string]bool{}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fatal(err)
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if name, _, ok := strings.Cut(sc.Text(), "\t"); ok {
			truth[name] = true
		}
	}
	data, err := os.ReadFile(os.Args[2])
	if err != nil {
		fatal(err)
	}
	var inv struct {
		Tools      []struct{ Name string }
		Unresolved []struct{ File string }
	}
	if err := json.Unmarshal(data, &inv); err != nil {
		fatal(fmt.Errorf("%s: %v", os.Args[2], err))
	}
	found := map[string]bool{}
	for _, t := range inv.Tools {
		found[t.Name] = true
	}
	var missed []string
	hit := 0
	for name := range truth {
		if found[name] {
			hit++
		} else {
			missed = append(missed, name)
		}
	}
	slices.Sort(missed)
	recall := 100.0
	if len(truth) > 0 {
		recall = 100 * float64(hit) / float64(len(truth))
	}
	fmt.Printf("%d %d %.1f %d\n", len(truth), len(inv.Tools), recall, len(inv.Unresolved))
	for _, m := range missed {
		fmt.Println("missed", m)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "score:", err)
	os.Exit(2)
}
