// Command atfvet runs atflint's Go analyzers: on its own
// (atfvet ./...) or under go vet (go vet -vettool=$(command -v atfvet) ./...).
package main

import (
	"os"
	"runtime/debug"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/atflint/atflint/analyzers/suite"
)

func main() {
	// go vet starts the tool once per package, each run short-lived: a
	// fifth of its time went to collecting garbage the exit frees anyway.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	multichecker.Main(suite.Analyzers...)
}
