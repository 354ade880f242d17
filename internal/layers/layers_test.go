// Package layers holds the test that keeps atflint's data flowing one way:
// files (syntax), the agent model the loaders fill, rules and analyzers,
// the linter that runs them, filters, outputs, command.
package layers

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/atflint/atflint/"

// order lists the layers, lowest first; a package may import only packages
// of lower layers, and any package under internal/.
var order = [][]string{
	{"atf", "owasp"},
	{"syntax"},
	{"model"},
	{"schemas"},
	{"loader"},
	{"finding"},
	{"ruledoc"},
	{"rules"},
	{"analyzers/internal/agentapi", "analyzers/internal/sinks", "analyzers/internal/analysisdoc", "analyzers/internal/canon"},
	{"analyzers/internal/guard"},
	{"analyzers/agent", "analyzers/modeltext"},
	{"analyzers/atfmanifest"},
	{"analyzers/internal/manifesttest"},
	{"analyzers/controls", "analyzers/hiddeninstruction", "analyzers/toolpoisoning", "analyzers/levelmismatch", "analyzers/missingidentity", "analyzers/undeclaredcapability", "analyzers/unguardedtool", "analyzers/unresolvedtool", "analyzers/toolinput", "analyzers/toolsurface"},
	{"analyzers/suite"},
	{"analyzers/vettool", "analyzers/golangci"},
	{"lint"},
	{"filter", "surface"},
	{"output", "sarif", "review", "scaffold", "assess", "lsp", "merge"},
	{"cli"},
	{"cmd/atflint", "cmd/atfvet", "bench/floor", "bench/genmanifests", "bench/measure", "bench/plot", "bench/recall/truth", "bench/recall/score", "bench/recall/texts", "bench/poisoning"},
}

func TestLayers(t *testing.T) {
	rank := map[string]int{}
	for i, layer := range order {
		for _, p := range layer {
			rank[p] = i
		}
	}
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != root {
			if d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir // another module: the examples
			}
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		pkg := filepath.ToSlash(rel)
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		from, known := rank[pkg]
		if !known && !strings.HasPrefix(pkg, "internal/") {
			t.Errorf("package %s has no layer; add it to the order in this test", pkg)
			return nil
		}
		for _, imp := range f.Imports {
			target := strings.Trim(imp.Path.Value, `"`)
			if !strings.HasPrefix(target, module) {
				continue
			}
			target = strings.TrimPrefix(target, module)
			if strings.HasPrefix(target, "internal/") {
				continue
			}
			if strings.HasPrefix(pkg, "internal/") || rank[target] >= from {
				t.Errorf("%s imports %s, which is not a lower layer", path, target)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
