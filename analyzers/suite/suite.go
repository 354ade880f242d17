// Package suite lists atflint's Go analyzers, for drivers: atflint check,
// atfvet (go vet -vettool), golangci-lint module plugins, nogo.
package suite

import (
	"golang.org/x/tools/go/analysis"

	"github.com/atflint/atflint/analyzers/hiddeninstruction"
	"github.com/atflint/atflint/analyzers/levelmismatch"
	"github.com/atflint/atflint/analyzers/missingidentity"
	"github.com/atflint/atflint/analyzers/toolinput"
	"github.com/atflint/atflint/analyzers/toolpoisoning"
	"github.com/atflint/atflint/analyzers/undeclaredcapability"
	"github.com/atflint/atflint/analyzers/unguardedtool"
	"github.com/atflint/atflint/analyzers/unresolvedtool"
)

// Analyzers are the analyzers, one per rule, sorted by name.
var Analyzers = []*analysis.Analyzer{
	hiddeninstruction.Analyzer,
	levelmismatch.Analyzer,
	missingidentity.Analyzer,
	toolinput.Analyzer,
	toolpoisoning.Analyzer,
	undeclaredcapability.Analyzer,
	unguardedtool.Analyzer,
	unresolvedtool.Analyzer,
}
