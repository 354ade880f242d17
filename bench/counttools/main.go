// Command counttools prints how many tools atflint's analysis finds in the
// Go packages matching its patterns, by framework, for bench/atfvet.sh.
package main

import (
	"fmt"
	"os"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/atflint/atflint/analyzers/agent"
)

func main() {
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Tests: true}, os.Args[1:]...)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{agent.Analyzer}, pkgs, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	byFramework := map[string]int{}
	seen := map[string]bool{} // a package and its test variant share files
	total := 0
	for act := range graph.All() {
		res, ok := act.Result.(*agent.Result)
		if !act.IsRoot || !ok {
			continue
		}
		for _, t := range res.Tools {
			key := act.Package.Fset.Position(t.Pos).String()
			if !seen[key] {
				seen[key] = true
				byFramework[t.Framework]++
				total++
			}
		}
	}
	var names []string
	for f := range byFramework {
		names = append(names, f)
	}
	sort.Strings(names)
	fmt.Printf("tools %d", total)
	for _, f := range names {
		fmt.Printf(" %s=%d", f, byFramework[f])
	}
	fmt.Println()
}
