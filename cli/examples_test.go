package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/atflint/atflint/internal/golden"
)

// TestExamples checks each example module under examples/, one per agent
// framework, end to end: its manifest and its Go code, against the text
// output in testdata/e2e. The modules' dependencies come from the module
// proxy or cache the first time.
func TestExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("loads and type-checks the frameworks' modules")
	}
	mods, err := filepath.Glob(filepath.Join(root, "examples", "*", "go.mod"))
	if err != nil || len(mods) == 0 {
		t.Fatalf("no example modules: %v", err)
	}
	for _, mod := range mods {
		name := filepath.Base(filepath.Dir(mod))
		t.Run(name, func(t *testing.T) {
			code, out, errOut := atflint(t, "check", filepath.Join("examples", name))
			if code != ExitFindings && code != ExitClean {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if out == "" {
				t.Errorf("no findings: each example shows at least one")
			}
			golden.Check(t, filepath.Join("testdata", "e2e", name+".txt"), []byte(out))
			// Each example's atflint.lock is its golden lock.
			lock := []string{"lock", "--check", filepath.Join("examples", name)}
			if golden.Updating() {
				lock = lock[:1:1]
				lock = append(lock, filepath.Join("examples", name))
			}
			if code, _, errOut := atflint(t, lock...); code != ExitClean {
				t.Errorf("exit %d: %s(run atflint lock examples/%s, or the tests with -update)", code, errOut, name)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(root, "testdata", "e2e")); err != nil {
		t.Fatal(err)
	}
}
