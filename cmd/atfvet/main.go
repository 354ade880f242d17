// Command atfvet runs atflint's Go analyzers: on its own
// (atfvet ./...) or under go vet (go vet -vettool=$(command -v atfvet) ./...).
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/atflint/atflint/analyzers/suite"
)

func main() { multichecker.Main(suite.Analyzers...) }
