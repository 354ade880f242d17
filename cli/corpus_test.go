package cli

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/atflint/atflint/internal/golden"
)

// TestCorpus checks the real agent configs of testdata/corpus: every file
// loads without a crash, and the findings are the ones in corpus.txt.
func TestCorpus(t *testing.T) {
	code, out, errOut := atflint(t, "check", "--no-go", "--min-severity", "note", "testdata/corpus")
	if code != ExitFindings && code != ExitClean {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.Contains(errOut, "internal error") {
		t.Fatalf("a file crashed the run: %s", errOut)
	}
	golden.Check(t, "testdata/corpus.txt", []byte(out))
}

// TestLockDeterminism checks the lock of the corpus against its golden,
// testdata/corpus.lock, and an example module's against its own, byte
// for byte with one worker and with eight (the go vet it runs too).
func TestLockDeterminism(t *testing.T) {
	for _, procs := range []int{1, 8} {
		t.Run(fmt.Sprint(procs), func(t *testing.T) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			t.Setenv("GOMAXPROCS", fmt.Sprint(procs))
			runs := [][]string{{"lock", "--check", "--no-go", "--lock", "testdata/corpus.lock", "testdata/corpus"}}
			if !testing.Short() {
				runs = append(runs, []string{"lock", "--check", "examples/mcp-go"})
			}
			for _, args := range runs {
				if golden.Updating() {
					args = slices.Delete(slices.Clone(args), 1, 2)
				}
				if code, _, errOut := atflint(t, args...); code != ExitClean {
					t.Errorf("%v: exit %d: %s(run the tests with -update to accept a change)", args, code, errOut)
				}
			}
		})
	}
}
