// Command atflint checks AI agents against the Agentic Trust Framework.
package main

import (
	"os"
	"runtime/debug"

	"github.com/atflint/atflint/analyzers/vettool"
	"github.com/atflint/atflint/cli"
)

// memoryLimit is the heap a run over many files collects to stay under,
// where GOGC alone would let it grow to three times what it keeps (a
// check of 100,000 manifests: 230 MB, 160 MB under the limit). A run that
// keeps more than this (the models of a huge tree, for a lock) collects
// more often, at most half its time, as the runtime bounds it.
const memoryLimit = 150 << 20

func main() {
	// A run is short and its heap small: collecting half as often saves
	// a fifth of the time on a tree of small files, for a few MB.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	// go vet's tool, one process a package, keeps what type-checking the
	// package takes, and sets its own pace.
	if os.Getenv("GOMEMLIMIT") == "" && !vettool.Active() {
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
