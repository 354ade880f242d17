package cli

import (
	"fmt"
	"io"
	"time"

	"github.com/atflint/atflint/assess"
	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/lint"
)

// assessAgents writes the ATF conformance statement of each agent under
// the paths.
func assessAgents(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("assess")
	format := fl.String("format", "markdown", "")
	targetName := fl.String("target-level", "", "")
	org := fl.String("organization", "", "")
	date := fl.String("date", time.Now().UTC().Format(time.DateOnly), "")
	failUnder := fl.String("fail-under", "", "")
	linkPrefix := fl.String("link-prefix", "", "")
	noGo := fl.Bool("no-go", false, "")
	paths, err := parse(fl, args)
	if err != nil {
		return flagError(fl, stdout, stderr, err)
	}
	if *format != "markdown" && *format != "json" {
		return usageError(stderr, fmt.Errorf("--format %q: want markdown or json", *format))
	}
	var target, floor atf.Level
	for _, l := range []struct {
		flag, value string
		into        *atf.Level
	}{{"--target-level", *targetName, &target}, {"--fail-under", *failUnder, &floor}} {
		if l.value == "" {
			continue
		}
		var ok bool
		if *l.into, ok = atf.ParseLevel(l.value); !ok {
			return usageError(stderr, fmt.Errorf("%s %q: want intern, junior, senior or principal", l.flag, l.value))
		}
	}
	if _, err := time.Parse(time.DateOnly, *date); err != nil {
		return usageError(stderr, fmt.Errorf("--date %q: want YYYY-MM-DD", *date))
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	res, err := lint.Run(paths, lint.Options{Go: !*noGo, Models: true, Inventory: true, AtLevel: target, VetTool: vetTool()})
	if err != nil {
		return inputError(stderr, err)
	}
	for _, err := range res.Errors {
		fmt.Fprintf(stderr, "atflint: %v\n", err)
	}
	if res.Internal {
		return ExitInternal
	}
	opt := assess.Options{Organization: *org, TargetLevel: target, Date: *date}
	for _, err := range res.Errors {
		opt.NotAnalyzed = append(opt.NotAnalyzed, err.Error())
	}
	sts, err := assess.Statements(res.Models, res.Findings, res.Inventory, opt)
	if err != nil {
		return inputError(stderr, err)
	}
	if *format == "json" {
		err = assess.JSON(stdout, sts)
	} else {
		err = assess.Markdown(stdout, sts, assess.MarkdownOptions{LinkPrefix: *linkPrefix})
	}
	if err != nil {
		fmt.Fprintf(stderr, "atflint: writing the statement: %v\n", err)
		return ExitInternal
	}
	if len(res.Errors) > 0 {
		return ExitUsage // what was not analyzed is not assessed
	}
	if floor != 0 {
		for _, st := range sts {
			if !assess.ConformsAt(st, floor) {
				fmt.Fprintf(stderr, "atflint: %s does not conform at %s\n", st.Implementation, floor)
				return ExitFindings
			}
		}
	}
	return ExitClean
}
