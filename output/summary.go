package output

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/internal/markdown"
	"github.com/atflint/atflint/ruledoc"
)

// SummaryOptions say what the run covered, for the summary's first lines.
type SummaryOptions struct {
	Files, Packages int
	// NotAnalyzed say what the run could not check (a Go package that
	// did not load); the summary lists them, since a gap unsaid reads as
	// clean.
	NotAnalyzed []string
	// Ref is the release or commit the rules' documentation is linked
	// at; "" links the main branch.
	Ref string
}

// maxSummaryRows bounds each table, so that the summary stays far below
// the 1 MiB GitHub accepts for a step's summary.
const maxSummaryRows = 20

// Summary writes a Markdown report of the findings, for a GitHub Actions
// job summary ($GITHUB_STEP_SUMMARY) or a pull request: the counts by rule
// and severity with links to the rules' pages, the files with the most
// findings, the ATF requirements each agent's files do not meet, and what
// was not analyzed.
func Summary(w io.Writer, fs []finding.Finding, opt SummaryOptions) error {
	bw := bufio.NewWriter(w)
	checked := Plural(opt.Files, "file")
	if opt.Packages > 0 {
		checked += " and " + Plural(opt.Packages, "Go package")
	}
	if len(fs) == 0 {
		fmt.Fprintf(bw, "### atflint: no findings\n\n%s checked.\n", checked)
	} else {
		fmt.Fprintf(bw, "### atflint: %s\n\n%s checked.\n", counts(fs), checked)
		ruleTable(bw, fs, opt.Ref)
		fileTable(bw, fs)
		requirementTable(bw, fs)
	}
	if len(opt.NotAnalyzed) > 0 {
		fmt.Fprintf(bw, "\n**Not analyzed** (%d):\n\n", len(opt.NotAnalyzed))
		for _, na := range opt.NotAnalyzed[:min(len(opt.NotAnalyzed), maxSummaryRows)] {
			fmt.Fprintf(bw, "- %s\n", markdown.Cell(na))
		}
		if n := len(opt.NotAnalyzed) - maxSummaryRows; n > 0 {
			fmt.Fprintf(bw, "- and %d more\n", n)
		}
	}
	return bw.Flush()
}

// counts writes "3 errors, 2 warnings".
func counts(fs []finding.Finding) string {
	var n [finding.Error + 1]int
	for _, f := range fs {
		n[f.Severity]++
	}
	var parts []string
	for _, sev := range []finding.Severity{finding.Error, finding.Warning, finding.Note} {
		if n[sev] > 0 {
			parts = append(parts, Plural(n[sev], sev.String()))
		}
	}
	return strings.Join(parts, ", ")
}

func ruleTable(w io.Writer, fs []finding.Finding, ref string) {
	byRule := map[string]*[finding.Error + 1]int{}
	for _, f := range fs {
		if byRule[f.Rule] == nil {
			byRule[f.Rule] = new([finding.Error + 1]int)
		}
		byRule[f.Rule][f.Severity]++
	}
	ids := slices.Sorted(maps.Keys(byRule))
	slices.SortStableFunc(ids, func(a, b string) int { return total(byRule[b]) - total(byRule[a]) })
	fmt.Fprintf(w, "\n| Rule | Errors | Warnings | Notes |\n|---|---:|---:|---:|\n")
	for _, id := range ids[:min(len(ids), maxSummaryRows)] {
		n := byRule[id]
		fmt.Fprintf(w, "| [%s](%s) | %d | %d | %d |\n", id, ruledoc.URLAt(id, ref), n[finding.Error], n[finding.Warning], n[finding.Note])
	}
}

func total(n *[finding.Error + 1]int) int {
	return n[finding.Error] + n[finding.Warning] + n[finding.Note]
}

func fileTable(w io.Writer, fs []finding.Finding) {
	byFile := map[string]int{}
	for _, f := range fs {
		byFile[f.File]++
	}
	files := slices.Sorted(maps.Keys(byFile))
	slices.SortStableFunc(files, func(a, b string) int { return byFile[b] - byFile[a] })
	fmt.Fprintf(w, "\n**Files with the most findings**\n\n| File | Findings |\n|---|---:|\n")
	for _, f := range files[:min(len(files), maxSummaryRows)] {
		fmt.Fprintf(w, "| %s | %d |\n", markdown.Cell(f), byFile[f])
	}
	if n := len(files) - maxSummaryRows; n > 0 {
		fmt.Fprintf(w, "| and %s more | |\n", Plural(n, "file"))
	}
}

// requirementTable lists, per file that declares an agent, the ATF
// requirements missing-control reports there, by severity: the MUSTs of
// its level as errors, the SHOULDs as warnings, unless the configuration
// says otherwise.
func requirementTable(w io.Writer, fs []finding.Finding) {
	type row struct{ ids [finding.Error + 1][]string }
	rows := map[string]*row{}
	for _, f := range fs {
		if f.Rule != "missing-control" || len(f.ATF) == 0 {
			continue
		}
		if rows[f.File] == nil {
			rows[f.File] = &row{}
		}
		r := rows[f.File]
		if !slices.Contains(r.ids[f.Severity], f.ATF[0]) {
			r.ids[f.Severity] = append(r.ids[f.Severity], f.ATF[0])
		}
	}
	if len(rows) == 0 {
		return
	}
	files := slices.Sorted(maps.Keys(rows))
	fmt.Fprintf(w, "\n**ATF requirements not met, per agent**\n\n| Agent's file | As errors | As warnings | As notes |\n|---|---|---|---|\n")
	for _, file := range files[:min(len(files), maxSummaryRows)] {
		r := rows[file]
		var cols []string
		for _, sev := range []finding.Severity{finding.Error, finding.Warning, finding.Note} {
			ids := slices.Sorted(slices.Values(r.ids[sev]))
			cols = append(cols, strings.Join(ids, ", "))
		}
		fmt.Fprintf(w, "| %s | %s |\n", markdown.Cell(file), strings.Join(cols, " | "))
	}
	if n := len(files) - maxSummaryRows; n > 0 {
		fmt.Fprintf(w, "| and %s more | | | |\n", Plural(n, "file"))
	}
}
