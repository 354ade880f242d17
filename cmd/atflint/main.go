// Command atflint checks AI agents against the Agentic Trust Framework.
package main

import (
	"os"

	"github.com/atflint/atflint/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
