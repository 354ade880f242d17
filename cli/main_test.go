package cli

import (
	"os"
	"testing"

	"github.com/atflint/atflint/analyzers/vettool"
)

// TestMain lets go vet run this test binary as its tool, as atflint check
// runs atflint.
func TestMain(m *testing.M) {
	if vettool.Active() {
		vettool.Main()
	}
	os.Exit(m.Run())
}
