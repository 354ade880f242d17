// Package manifesttest gives the analyzers' tests the ATF manifests of
// their test data, as a driver would.
package manifesttest

import (
	"testing"

	"github.com/atflint/atflint/analyzers/agent"
	"github.com/atflint/atflint/analyzers/atfmanifest"
)

// Use passes the manifests under dir to the atfagent analyzer.
func Use(t *testing.T, dir string) {
	t.Helper()
	ms, errs := atfmanifest.Discover(dir)
	for _, err := range errs {
		t.Logf("manifest not used: %v", err)
	}
	if err := agent.Analyzer.Flags.Set("manifests", atfmanifest.Flag(ms)); err != nil {
		t.Fatal(err)
	}
}
