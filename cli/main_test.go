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

// asAtflint, in a process's environment, makes testBinary atflint.
const asAtflint = asCommand + "=1"

// testBinary is the path of this test binary, which runs as atflint with
// asAtflint in its environment: a test runs atflint as a process of its
// own, measured, in a directory or an environment of its choosing.
func testBinary(t *testing.T) string {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return self
}

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
		downloadExampleModules()
	}
	vettool.RunTests(m)
}

// downloadExampleModules fills the module cache with what the example
// modules require, as a user does before a run: atflint downloads
// nothing itself, so on a new machine their Go packages would not load.
// It costs nothing once the cache holds them.
func downloadExampleModules() {
	mods, _ := filepath.Glob(filepath.Join("..", "examples", "*", "go.mod"))
	for _, mod := range mods {
		cmd := exec.Command("go", "mod", "download")
		cmd.Dir = filepath.Dir(mod)
		if out, err := cmd.CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "cli tests: go mod download in %s: %v: %s\n", cmd.Dir, err, out)
		}
	}
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
