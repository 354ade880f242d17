package cli

import (
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
