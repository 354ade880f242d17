package cli

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/atflint/atflint/analyzers/vettool"
)

// asCommand, set to 1 in its environment, makes the test binary atflint
// itself, for a program a test starts that starts atflint (an editor).
const asCommand = "ATFLINT_TEST_AS_COMMAND"

// TestMain lets go vet run this test binary as its tool, as atflint check
// runs atflint, and lets a test run it as atflint. It first builds atfvet
// beside the test binary, where atflint finds it as it does beside
// itself: go vet then runs atfvet, which starts faster, and whose build
// ID, unlike a rebuilt test binary's, stays the same while cmd/atfvet
// and what it links do, so that go vet's cache of the examples'
// packages serves one test run after another.
func TestMain(m *testing.M) {
	if os.Getenv(asCommand) == "1" {
		os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	if !vettool.Active() {
		flag.Parse()
		if !testing.Short() {
			buildVetTool()
		}
	}
	vettool.RunTests(m)
}

// buildVetTool builds atfvet beside the test binary; where it cannot,
// the tests run with the test binary as the tool, only slower.
func buildVetTool() {
	exe, err := os.Executable()
	if err == nil {
		name := "atfvet"
		if runtime.GOOS == "windows" {
			name += ".exe"
		}
		out, buildErr := exec.Command("go", "build", "-o", filepath.Join(filepath.Dir(exe), name), "github.com/atflint/atflint/cmd/atfvet").CombinedOutput()
		if buildErr == nil {
			return
		}
		err = fmt.Errorf("%v: %s", buildErr, out)
	}
	fmt.Fprintf(os.Stderr, "cli tests: could not build atfvet (%v); go vet runs the test binary as its tool\n", err)
}
