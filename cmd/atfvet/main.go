// Command atfvet runs atflint's Go analyzers: on its own
// (atfvet ./...) or under go vet (go vet -vettool=$(command -v atfvet) ./...).
//
// It is the driver, so it finds the ATF manifests the analyzers link the
// code to (those of the current directory's module) and passes them in
// the atfagent analyzer's -manifests flag, unless that is given. Under go
// vet, whose cache keys on the tool's version and flags, the version it
// reports includes a digest of those manifests: a changed manifest is
// checked again.
//
// atflint check, when atfvet is installed beside it, runs go vet with
// atfvet as the tool rather than itself: see analyzers/vettool.
package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/atflint/atflint/analyzers/vettool"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/atflint/atflint/analyzers/agent"
	"github.com/atflint/atflint/analyzers/atfmanifest"
	"github.com/atflint/atflint/analyzers/suite"
)

func main() {
	if vettool.Active() {
		vettool.Main() // atflint check runs go vet with atfvet as its tool
	}
	// go vet starts the tool once per package, each run short-lived: a
	// fifth of its time went to collecting garbage the exit frees anyway.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	given := slices.ContainsFunc(os.Args[1:], func(a string) bool {
		return strings.HasPrefix(strings.TrimLeft(a, "-"), "atfagent.manifests")
	})
	if !given {
		ms, errs := atfmanifest.Discover(".")
		for _, err := range errs {
			fmt.Fprintf(os.Stderr, "atfvet: %v; the manifest is not used\n", err)
		}
		if slices.Contains(os.Args[1:], "-V=full") {
			os.Exit(printVersion(atfmanifest.Hash(ms)))
		}
		if err := agent.Analyzer.Flags.Set("manifests", atfmanifest.Flag(ms)); err != nil {
			fmt.Fprintf(os.Stderr, "atfvet: %v\n", err)
			os.Exit(1)
		}
	}
	// atfagent is named so that its -manifests flag is one of the tool's.
	multichecker.Main(append(suite.Analyzers, agent.Analyzer)...)
}

// printVersion answers go vet's -V=full as the analysis framework does,
// with the manifests' digest in the build id.
func printVersion(manifests string) int {
	exe, err := os.Executable()
	if err == nil {
		var f *os.File
		if f, err = os.Open(exe); err == nil {
			h := sha256.New()
			_, err = io.Copy(h, f)
			f.Close()
			if err == nil {
				fmt.Printf("%s version devel comments-go-here buildID=%02x-%s\n", exe, h.Sum(nil), manifests)
				return 0
			}
		}
	}
	fmt.Fprintf(os.Stderr, "atfvet: %v\n", err)
	return 1
}
