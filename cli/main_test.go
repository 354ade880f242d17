package cli

import (
	"os"
	"testing"

	"github.com/atflint/atflint/analyzers/vettool"
)

// asCommand, set to 1 in its environment, makes the test binary atflint
// itself, for a program a test starts that starts atflint (an editor).
const asCommand = "ATFLINT_TEST_AS_COMMAND"

// TestMain lets go vet run this test binary as its tool, as atflint check
// runs atflint, and lets a test run it as atflint.
func TestMain(m *testing.M) {
	if os.Getenv(asCommand) == "1" {
		os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	vettool.RunTests(m)
}
