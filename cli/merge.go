package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/atflint/atflint/merge"
)

// mergeResults combines the JSON results of many runs into one report.
func mergeResults(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("merge")
	format := fl.String("format", "text", "")
	paths, err := parse(fl, args)
	if err != nil {
		return flagError(fl, stdout, stderr, err)
	}
	if len(paths) == 0 {
		return usageError(stderr, errors.New("merge takes the results to merge: files, or a directory per repository"))
	}
	var write func(*merge.Report, io.Writer) error
	switch *format {
	case "text":
		write = (*merge.Report).Text
	case "markdown":
		write = (*merge.Report).Markdown
	case "json":
		write = (*merge.Report).JSON
	default:
		return usageError(stderr, fmt.Errorf("--format %q: want text, markdown or json", *format))
	}
	rep, err := merge.Read(paths)
	if err != nil {
		return inputError(stderr, err)
	}
	if err := write(rep, stdout); err != nil {
		fmt.Fprintf(stderr, "atflint merge: %v\n", err)
		return ExitInternal
	}
	return ExitClean
}
