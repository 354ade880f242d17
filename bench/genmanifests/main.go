// Command genmanifests writes N synthetic ATF manifests of about 2 KB.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/atflint/atflint/internal/manifestgen"
)

func main() {
	n := flag.Int("n", 10000, "how many manifests")
	out := flag.String("o", "", "directory to write them to")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "usage: genmanifests -n N -o DIR")
		os.Exit(2)
	}
	if err := manifestgen.Write(*out, *n); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
