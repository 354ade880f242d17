package agent_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/atflint/atflint/analyzers/agent"
)

// TestFacts checks what functions are found to reach, across packages.
func TestFacts(t *testing.T) {
	testdata, _ := filepath.Abs(filepath.Join("..", "testdata"))
	results := analysistest.Run(t, testdata, agent.Analyzer, "facts/lib", "facts/user")
	for _, r := range results {
		if res := r.Result.(*agent.Result); len(res.Tools) != 0 {
			t.Errorf("%s: tools in generated code were found: %d", r.Pass.Pkg.Path(), len(res.Tools))
		}
	}
}

// TestShapes checks the tools found in the packages modelled on real
// servers' layouts, each name with its handler, and that every
// registration there is followed. The packages' want comments are the
// unguardedtool analyzer's, so they are loaded and analysed here directly.
func TestShapes(t *testing.T) {
	testdata, _ := filepath.Abs(filepath.Join("..", "testdata"))
	want := map[string][]string{
		"unguarded/shapes/sdkgeneric":     {"delete_file+", "read_file+"},
		"unguarded/shapes/musttool":       {"delete_dashboard+", "get_dashboard+", "purge_dashboards+", "search_dashboards+"},
		"unguarded/shapes/servertoolfunc": {"delete_workspace+"},
		"unguarded/shapes/carrier/server": {"pods_delete+", "pods_list+"},
		"unguarded/shapes/maploop":        {"list+", "wipe+"},
	}
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  filepath.Join(testdata, "src"),
		Env:  append(os.Environ(), "GOPATH="+testdata, "GO111MODULE=off", "GOPROXY=off"),
	}
	pkgs, err := packages.Load(cfg, "unguarded/shapes/...")
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{agent.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			t.Fatal(act.Err)
		}
		res := act.Result.(*agent.Result)
		var got []string
		for _, tool := range res.Tools {
			name := tool.Name
			if tool.Handler.IsValid() || len(tool.Effects) > 0 {
				name += "+" // a handler was found
			}
			got = append(got, name)
		}
		slices.Sort(got)
		path := act.Package.PkgPath
		if w := want[path]; !slices.Equal(got, w) {
			t.Errorf("%s: tools %q; want %q", path, got, w)
		}
		for _, u := range res.Unresolved {
			t.Errorf("%s: a registration is not followed at %s: %s", path, act.Package.Fset.Position(u.Pos), u.Why)
		}
	}
}
