package cli

import (
	"testing"

	"github.com/atflint/atflint/analyzers/vettool"
)

// TestMain lets go vet run this test binary as its tool, as atflint check
// runs atflint.
func TestMain(m *testing.M) { vettool.RunTests(m) }
