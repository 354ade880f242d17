// Package cli is the atflint command: it parses the command line, runs the
// linter and writes its findings. cmd/atflint only calls Main, so tests
// drive the whole command in-process.
package cli

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/atflint/atflint/analyzers/vettool"

	"github.com/atflint/atflint/analyzers/unresolvedtool"

	"golang.org/x/term"

	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/filter"
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/internal/suggest"
	"github.com/atflint/atflint/lint"
	"github.com/atflint/atflint/loader"
	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/output"
	"github.com/atflint/atflint/review"
	"github.com/atflint/atflint/rules"
	"github.com/atflint/atflint/sarif"
	"github.com/atflint/atflint/schemas"
)

// Exit codes.
const (
	ExitClean    = 0 // nothing at or above --min-severity
	ExitFindings = 1 // findings at or above --min-severity
	ExitUsage    = 2 // bad command line or configuration
	ExitInternal = 3 // a bug in atflint, or trouble it could not report as a finding
)

const usage = `atflint checks AI agents against the Agentic Trust Framework (ATF).

Usage:
  atflint check [flags] [PATH...]   check the manifests and Go agent code under PATH (default .)
  atflint github-review [flags] [PATH...]
                                    check, and post the findings on a pull request's
                                    changed lines as one review (in GitHub Actions)
  atflint inventory [--format text|json|markdown] [--diff REV] [--no-go] [PATH...]
                                    list the tools, servers and agents found under PATH,
                                    what each tool's handler reaches, and the tool
                                    registrations that could not be followed; with
                                    --diff, what changed in them since a git revision
  atflint lock [--check] [--no-go] [--lock FILE] [PATH...]
                                    pin the tools and MCP servers found under PATH in
                                    atflint.lock, which check then compares with; --check
                                    exits 1 when the lock is stale
  atflint init --name NAME --level LEVEL [--out FILE] [PATH]
                                    draft the ATF manifest of the agent in PATH (default .)
                                    from its Go code and configs, for a person to complete
  atflint assess [flags] [PATH...]  write the ATF conformance statement of each agent
                                    under PATH, with evidence and what the next level needs
  atflint merge [--format text|markdown|json] PATH...
                                    combine the JSON results of many repositories (check,
                                    inventory) into one report, the worst repository first
  atflint lsp [flags]               serve an editor the findings of the files open in it
                                    (Language Server Protocol, over stdio)
  atflint rules                     list the rules
  atflint explain RULE|ATF-ID       explain a rule, with examples, or list the rules
                                    that check an ATF requirement (S-2)
  atflint schema [--cue|--config]   print the manifest's JSON Schema (or its CUE source),
                                    or the configuration's JSON Schema
  atflint version                   print the version, commit and Go of this build

Run 'atflint help COMMAND' (or atflint COMMAND --help) for a command's flags.

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or
configuration error, 3 internal error (or GitHub could not be reached).
`

// checkFlags are the flags of check, which github-review shares.
const checkFlags = `  --format FORMAT          text (default), json, sarif (for code scanning),
                           github (workflow annotations) or summary (Markdown,
                           for a job summary)
  --min-severity LEVEL     report error, warning or note and above (default warning)
  --fail-on LEVEL          exit 1 on reported findings of error, warning or note
                           and above, or never (default: --min-severity; never
                           with sarif)
  --level LEVEL            the level of agents that declare none
  --config FILE            configuration (default .atflint.yaml or .github/atflint.yaml)
  --baseline FILE          report only findings FILE does not hold
  --new-from-rev REV       report only findings on lines changed since the git
                           revision REV, and in files added since
  --new-from-merge-base REV
                           the same, since where HEAD left REV (a pull request's base)
  --write-baseline FILE    record every finding in FILE, to accept them for now;
                           nothing else is written
  --as FORMAT              read the files named as PATH as FORMAT (claude-settings,
                           mcp-client, a2a-card, ...), whatever their names say
  --lock FILE              the lock to compare the tools and servers with (default
                           atflint.lock in the directory PATH names, or in .); with
                           none, nothing is compared
  --no-go                  do not run the Go analyzers on the Go packages under PATH
  --no-ignores             report what atflint:ignore comments and the configuration's
                           ignores would hide
  --output FORMAT=FILE     also write FORMAT to FILE, in the same run (repeatable):
                           --format github --output sarif=atflint.sarif
  --include-suppressed     with --format sarif or json, add the findings suppressions,
                           ignores and the baseline hide, each marked with why (for audit)
  --no-progress            never show progress, even on a terminal
  --verbose                list on stderr every file read, with the format it was
                           read as, and every file or directory skipped, with why
`

// commandHelp is each command's help, for atflint help COMMAND and
// COMMAND --help.
var commandHelp = map[string]string{
	"check": `Usage: atflint check [flags] [PATH...]

Checks the ATF manifests, agent configs and Go agent code under each PATH
(default .) and reports what falls short of ATF.

Flags:
` + checkFlags,
	"github-review": `Usage: atflint github-review [flags] [PATH...]

Checks like check, and posts the findings on a pull request's changed
lines as one review, in a GitHub Actions job. It reads the pull request
from GITHUB_EVENT_PATH and the token from GITHUB_TOKEN (pull-requests:
write). It takes the flags of check but --format, --no-progress,
--write-baseline and --include-suppressed, with --fail-on never by
default, and:

  --author LOGIN           who the token posts as, for a GitHub App's token
                           (default: the token's user, or github-actions[bot])
  --max-comments N         the most new line comments one review posts; the other
                           lines are listed in its body (default 30)
  --dry-run                print the review it would post, and the comments it
                           would edit, as JSON, and post nothing

Flags of check:
` + checkFlags,
	"inventory": `Usage: atflint inventory [--format text|json|markdown] [--diff REV] [--no-go] [PATH...]

Lists the tools, servers and agents found under each PATH (default .),
what each tool's handler reaches, and the tool registrations that could
not be followed.

With --diff REV, says instead what the change from the git revision REV
to the work tree adds to the agents' surface: tools and MCP servers
added, removed, renamed or changed, effects gained and lost. REV is read
with git into a temporary directory and analysed as the work tree is.

Flags:
  --format FORMAT          text (default), json, or markdown (with --diff)
  --diff REV               the surface change since REV
  --no-go                  do not analyse Go packages
`,
	"lock": `Usage: atflint lock [--check] [--no-go] [--lock FILE] [PATH...]

Pins the tools and MCP servers found under each PATH (default .) in
atflint.lock: for a tool, hashes of its description and input schema,
the capabilities it reaches with their guards, and its handler's name;
for a server, its command, packages, URL and the names of its
environment and headers. Commit it: atflint check then reports what
differs from it (rule surface-changed), and a review sees the change to
the lock line by line.

Flags:
  --check                  write nothing; exit 1 when the lock is missing or
                           stale, and say what changed (for CI)
  --lock FILE              the lock (default atflint.lock in the directory PATH
                           names, or in .)
  --no-go                  do not analyse Go packages
`,
	"init": `Usage: atflint init --name NAME --level LEVEL [--out FILE] [--no-go] [PATH]

Drafts the ATF manifest of the agent in PATH (default .) and writes it to
a new file: its Go modules as agent.code, the tools found in its Go code
with what their handlers reach as actions and capabilities (side effects
need a person's approval at intern and junior), the MCP client configs
beside it under sources, and the controls of its level. What only a person can say (the
purpose, the owners, the credential, the resources) is left TODO, and
check reports it until it is filled in; starting values atflint cannot
see in code are marked "TODO verify". It never overwrites a file.

Flags:
  --name NAME              the agent's short name (required)
  --level LEVEL            intern, junior, senior or principal (required)
  --out FILE               where to write it (default PATH/agent.atf.yaml)
  --no-go                  do not analyse Go packages
`,
	"assess": `Usage: atflint assess [flags] [PATH...]

Writes the ATF conformance statement of each agent under each PATH
(default .), as ATF's CONFORMANCE.md asks adopters to publish it: per
element, how many of its five requirements are met; per requirement, the
keyword at the target level, whether it is met, partially met, not met or
could not be judged, and the evidence as file:line; and what the next
level needs.

Flags:
  --format FORMAT          markdown (default) or json
  --target-level LEVEL     assess at this level (default: each agent's own)
  --organization NAME      the organization the statement is by
  --date YYYY-MM-DD        the assessment date (default today, UTC)
  --fail-under LEVEL       exit 1 when an agent does not conform at LEVEL
  --link-prefix PREFIX     put PREFIX before each evidence link, for a statement
                           kept in another directory (../ for docs/)
  --no-go                  do not analyse Go packages
`,
	"merge": `Usage: atflint merge [--format text|markdown|json] PATH...

Combines the results of atflint runs over many repositories into one
report: per repository its agents and their levels, its tools, MCP
servers and the tool registrations not followed (from inventory --format
json), and its findings by severity (from check --format json), the worst
repository first; then the findings by rule across them all. A PATH that
is a directory holds one repository's results (its .json files) and names
it; a file alone is a repository named by the file. owner__repo names the
repository owner/repo. A repository whose check or inventory is missing is
shown with ? and counted as such. Suppressed findings are not counted.

Flags:
  --format FORMAT          text (default), markdown (for a job summary) or json
`,
	"lsp": `Usage: atflint lsp [flags]

A language server (the Language Server Protocol, over stdin and stdout)
for editors: it publishes the findings of each manifest and agent config
open in the editor as its text changes, on open, change and save, as
check reports them with the same flags, the unsaved text in place of the
file, with the workspace's manifests giving levels and controls. Hover
over a finding to read its rule's explanation; its code actions apply the
rule's fix where it has one, or insert an atflint:ignore comment above the
line with a placeholder reason to replace. Go code is left to gopls and
golangci-lint (see the README).

Flags:
  --min-severity LEVEL     show error, warning or note and above (default warning)
  --level LEVEL            the level of agents that declare none
  --config FILE            configuration (default .atflint.yaml or .github/atflint.yaml
                           in the workspace)
  --baseline FILE          show only findings FILE does not hold
  --no-ignores             show what suppressions and the configuration's ignores hide
`,
	"rules": `Usage: atflint rules

Lists the rules: id, severity, ATF requirements, title.
`,
	"explain": `Usage: atflint explain RULE|ATF-ID

Explains a rule, with a bad and a good example; given an ATF requirement
id (S-2), lists the rules that check it.
`,
	"schema": `Usage: atflint schema [--cue|--config]

Prints the ATF manifest's JSON Schema, its CUE source (--cue), or the
configuration file's JSON Schema (--config).
`,
	"version": `Usage: atflint version

Prints the version, the commit of atflint's repository it was built from
(for go install of a tag, that tag's), and the Go it was built with.
`,
	"help": `Usage: atflint help [COMMAND]

Prints the usage, or a command's help.
`,
}

// Main runs atflint with the given arguments (without the program name)
// and returns the exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if vettool.Active() {
		vettool.Main() // go vet runs atflint as its tool, for check
	}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return ExitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "check":
		return check(rest, stdout, stderr)
	case "github-review":
		return githubReview(rest, stdout, stderr)
	case "inventory":
		return inventory(rest, stdout, stderr)
	case "lock":
		return lock(rest, stdout, stderr)
	case "init":
		return initManifest(rest, stdout, stderr)
	case "assess":
		return assessAgents(rest, stdout, stderr)
	case "rules":
		return listRules(rest, stdout, stderr)
	case "explain":
		return explain(rest, stdout, stderr)
	case "schema":
		return schema(rest, stdout, stderr)
	case "lsp":
		return languageServer(rest, stdin, stdout, stderr)
	case "merge":
		return mergeResults(rest, stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, describeBuild().String())
		return ExitClean
	case "help", "-h", "-help", "--help":
		return help(rest, stdout, stderr)
	}
	fmt.Fprintf(stderr, "%s\nRun 'atflint help' for usage.\n", unknownCommand(cmd))
	return ExitUsage
}

func unknownCommand(cmd string) string {
	msg := fmt.Sprintf("atflint: unknown command %q", cmd)
	if s := suggest.Closest(cmd, slices.Sorted(maps.Keys(commandHelp))); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	return msg
}

// help prints the usage, or one command's help.
func help(args []string, stdout, stderr io.Writer) int {
	switch len(args) {
	case 0:
		fmt.Fprint(stdout, usage)
		return ExitClean
	case 1:
		if h, ok := commandHelp[args[0]]; ok {
			fmt.Fprint(stdout, h)
			return ExitClean
		}
		fmt.Fprintf(stderr, "%s\nRun 'atflint help' for usage.\n", unknownCommand(args[0]))
		return ExitUsage
	}
	return usageError(stderr, errors.New("help takes at most one command"))
}

// vetTool is the program go vet runs as its tool for the Go analysis:
// atfvet when it is installed beside atflint, else atflint itself. atflint
// links the loaders' JSON Schema library, whose package initialisation
// compiles its meta-schemas (10 ms, measured with GODEBUG=inittrace=1),
// and go vet starts its tool once per package, dependencies included:
// on a small MCP server of 256 packages that is 2.5 s of processor time
// that atfvet, which links no loader, does not spend. "" when neither can
// be found, and then the analysis says so.
func vetTool() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	name := "atfvet"
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	if beside := filepath.Join(filepath.Dir(exe), name); isExecutable(beside) {
		return beside
	}
	return exe
}

func isExecutable(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular() && info.Mode().Perm()&0o111 != 0
}

// runFlags are the flags check and github-review share.
type runFlags struct {
	fl                                      *flag.FlagSet
	minSev, failOn, level, config, baseline *string
	newFromRev, newFromMergeBase, as        *string
	lock                                    *string
	noGo, noIgnores, verbose                *bool
	// surface makes the run keep what a surface comparison needs.
	surface bool
	// dir is the directory the run is in: where the configuration and
	// the lock are looked for and what findings' paths are relative to;
	// "" is the current one.
	dir string
	// overlay is text read in place of files (lint.Options.Overlay), and
	// the files of paths are read as found (lint.Options.Found).
	overlay map[string][]byte
}

func addRunFlags(fl *flag.FlagSet, failOn string) *runFlags {
	return &runFlags{
		fl:               fl,
		minSev:           fl.String("min-severity", "warning", ""),
		failOn:           fl.String("fail-on", failOn, ""),
		level:            fl.String("level", "", ""),
		config:           fl.String("config", "", ""),
		baseline:         fl.String("baseline", "", ""),
		newFromRev:       fl.String("new-from-rev", "", ""),
		newFromMergeBase: fl.String("new-from-merge-base", "", ""),
		as:               fl.String("as", "", ""),
		lock:             fl.String("lock", "", ""),
		noGo:             fl.Bool("no-go", false, ""),
		noIgnores:        fl.Bool("no-ignores", false, ""),
		verbose:          fl.Bool("verbose", false, ""),
	}
}

// outcome is what a run of the linter gives the commands.
type outcome struct {
	res   *lint.Result
	cfg   *filter.Config
	all   []finding.Finding // as configured, of every severity, fingerprinted
	shown []finding.Finding // at or above --min-severity, not in the baseline
	// suppressed are the findings at or above --min-severity that an
	// atflint:ignore comment, a configuration ignore or the baseline
	// hides, each with why, for --include-suppressed.
	suppressed []finding.Finding
	failed     bool             // something at or above --fail-on
	base       *filter.Baseline // nil without --baseline
	stale      int              // baseline entries that matched no finding
	goAnalysed bool             // the Go analyzers ran
}

// lint runs the linter on paths with the flags; a failure is returned as
// the exit code to end with.
func (rf *runFlags) lint(paths []string, isSARIF bool, progress func(done, total int, what string), stderr io.Writer) (*outcome, int) {
	dir := cmp.Or(rf.dir, ".")
	cfgPath, err := filter.Find(dir, *rf.config)
	if err != nil {
		return nil, inputError(stderr, err)
	}
	cfg, err := filter.Load(cfgPath)
	if err != nil {
		return nil, inputError(stderr, err)
	}
	// The configuration's defaults give way to flags on the command line.
	given := map[string]bool{}
	rf.fl.Visit(func(f *flag.Flag) { given[f.Name] = true })
	minSev, failOn := *rf.minSev, *rf.failOn
	if !given["min-severity"] && cfg.MinSeverity != "" {
		minSev = cfg.MinSeverity
	}
	if !given["fail-on"] && cfg.FailOn != "" {
		failOn = cfg.FailOn
	}
	min, ok := finding.ParseSeverity(minSev)
	if !ok {
		return nil, usageError(stderr, fmt.Errorf("--min-severity %q: want error, warning or note", minSev))
	}
	// SARIF hands the verdict to code scanning: findings alone do not fail
	// the run unless --fail-on asks.
	fail := min
	switch {
	case failOn == "never":
		fail = finding.Error + 1
	case failOn != "":
		if fail, ok = finding.ParseSeverity(failOn); !ok {
			return nil, usageError(stderr, fmt.Errorf("--fail-on %q: want error, warning, note or never", failOn))
		}
	case isSARIF:
		fail = finding.Error + 1
	}
	var changes *filter.Changes
	switch {
	case *rf.newFromRev != "" && *rf.newFromMergeBase != "":
		return nil, usageError(stderr, errors.New("give --new-from-rev or --new-from-merge-base, not both"))
	case *rf.newFromRev != "":
		changes, err = filter.ChangedSince(*rf.newFromRev, false)
	case *rf.newFromMergeBase != "":
		changes, err = filter.ChangedSince(*rf.newFromMergeBase, true)
	}
	if err != nil {
		return nil, inputError(stderr, err)
	}
	opt := lint.Options{BaseDir: dir, Level: cfg.Level, LevelOf: cfg.LevelOf, Progress: progress, Go: !*rf.noGo, VetTool: vetTool(), Overlay: rf.overlay, Found: rf.overlay != nil}
	if *rf.as != "" {
		if !slices.Contains(loader.FormatNames(), model.Format(*rf.as)) {
			var names []string
			for _, f := range loader.FormatNames() {
				names = append(names, string(f))
			}
			return nil, usageError(stderr, fmt.Errorf("--as %q: want one of %s", *rf.as, strings.Join(names, ", ")))
		}
		opt.As = model.Format(*rf.as)
	}
	if changes != nil && !changes.Touches(".go") {
		opt.Go = false // no Go finding could be on a changed line
	}
	if *rf.level != "" {
		if opt.Level, ok = atf.ParseLevel(*rf.level); !ok {
			return nil, usageError(stderr, fmt.Errorf("--level %q: want intern, junior, senior or principal", *rf.level))
		}
	}
	var base *filter.Baseline
	if *rf.baseline != "" {
		if base, err = filter.ReadBaseline(*rf.baseline); err != nil {
			return nil, inputError(stderr, err)
		}
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	// With a lock, the run is compared with it: it needs the inventory
	// and the models the lock is built from.
	lock, _, err := readLock(lockPath(*rf.lock, dir, paths))
	if err != nil {
		return nil, inputError(stderr, err)
	}
	if lock != nil || rf.surface {
		opt.Inventory, opt.Models = true, true
	}
	res, err := lint.Run(paths, opt)
	if err != nil {
		return nil, inputError(stderr, err)
	}
	if lock != nil {
		res.Findings = append(res.Findings, lockFindings(res, opt.Go, lock, paths)...)
		finding.Sort(res.Findings)
	}
	if *rf.verbose {
		listFiles(stderr, res)
	}
	o := &outcome{res: res, cfg: cfg, base: base, goAnalysed: opt.Go}
	fs := res.Findings
	if *rf.noIgnores {
		cfg = cfg.WithoutIgnores()
	} else {
		kept, suppressed, about, errs := filter.Suppress(res.Sources, fs, time.Now())
		fs = append(kept, about...)
		finding.Sort(fs)
		res.Errors = append(res.Errors, errs...)
		filter.Fingerprint(res.Sources, suppressed)
		o.suppressed = suppressed
	}
	// Fingerprints first: the configuration may ignore a finding by its
	// fingerprint, where a file has no comments to suppress it with.
	filter.Fingerprint(res.Sources, fs)
	var ignored []finding.Finding
	o.all, ignored = cfg.Apply(fs, res.Sources)
	o.suppressed = append(o.suppressed, ignored...)
	fs = o.all
	if base != nil {
		var known []finding.Finding
		fs, known, o.stale = base.Filter(fs)
		o.suppressed = append(o.suppressed, known...)
	}
	if changes != nil {
		fs = changes.Keep(fs)
		o.suppressed = changes.Keep(o.suppressed)
	}
	// Only what is reported can fail the run: a verdict on findings no one
	// sees could not be acted on.
	for _, f := range fs {
		if f.Severity >= min {
			o.shown = append(o.shown, f)
			o.failed = o.failed || f.Severity >= fail
		}
	}
	o.suppressed = slices.DeleteFunc(o.suppressed, func(f finding.Finding) bool { return f.Severity < min })
	return o, ExitClean
}

// listFiles says, for --verbose, every file read with its format and
// every file or directory passed over with why, in path order.
func listFiles(w io.Writer, res *lint.Result) {
	type line struct{ path, what string }
	var lines []line
	for _, s := range res.Sources {
		lines = append(lines, line{s.Path, "read as " + s.Format})
	}
	for _, s := range res.Skipped {
		lines = append(lines, line{s.Path, "skipped: " + s.Why})
	}
	slices.SortFunc(lines, func(a, b line) int { return cmp.Or(strings.Compare(a.path, b.path), strings.Compare(a.what, b.what)) })
	for _, l := range lines {
		fmt.Fprintf(w, "atflint: %s: %s\n", output.FileName(l.path), l.what)
	}
}

// exitCode ends a run: errors of the run first, then findings.
func (o *outcome) exitCode(stderr io.Writer) int {
	for _, name := range o.res.Unrecognized {
		fmt.Fprintf(stderr, "atflint: %s is neither an ATF manifest nor an agent config atflint reads (README: Agent configs); not checked\n", name)
	}
	for _, err := range o.res.Errors {
		fmt.Fprintf(stderr, "atflint: %v\n", err)
	}
	if o.stale > 0 {
		fmt.Fprintf(stderr, "atflint: %s of baseline %s no longer found (fixed, or changed); --write-baseline %[2]s drops them\n", output.Plural(o.stale, "finding"), o.base.Path)
	}
	switch {
	case o.res.Internal:
		return ExitInternal
	case len(o.res.Errors) > 0:
		return ExitUsage
	case o.failed:
		return ExitFindings
	}
	return ExitClean
}

func check(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("check")
	format := fl.String("format", "text", "")
	noProgress := fl.Bool("no-progress", false, "")
	writeBaseline := fl.String("write-baseline", "", "")
	includeSuppressed := fl.Bool("include-suppressed", false, "")
	var outputs outputFiles
	fl.Var(&outputs, "output", "")
	rf := addRunFlags(fl, "")
	paths, err := parse(fl, args)
	if err != nil {
		return flagError(fl, stdout, stderr, err)
	}
	if *writeBaseline != "" && *rf.baseline != "" {
		return usageError(stderr, errors.New("--write-baseline records every finding, and --baseline hides some: give one of them"))
	}
	if !knownFormat(*format) {
		return usageError(stderr, fmt.Errorf("--format %q: want %s", *format, formatNames))
	}
	if *includeSuppressed && *format != "sarif" && *format != "json" {
		return usageError(stderr, errors.New("--include-suppressed is for --format sarif or json, which mark each suppressed finding as such"))
	}
	var p *progress
	var onProgress func(done, total int, what string)
	if *format == "text" && !*noProgress && showProgress(stderr) {
		p = &progress{w: stderr, last: time.Now()}
		onProgress = p.update
	}
	o, code := rf.lint(paths, *format == "sarif", onProgress, stderr)
	p.clear()
	if o == nil {
		return code
	}
	if *writeBaseline != "" {
		if err := filter.WriteBaseline(*writeBaseline, o.all); err != nil {
			return inputError(stderr, err)
		}
		fmt.Fprintf(stderr, "atflint: wrote %s: %s accepted; check with --baseline %[1]s to see only new ones\n", *writeBaseline, output.Plural(len(o.all), "finding"))
		o.failed = false
		return o.exitCode(stderr)
	}
	written := o.shown
	if *includeSuppressed {
		written = slices.Concat(o.shown, o.suppressed)
		finding.Sort(written)
	}
	// The files first: one that cannot be written ends the run before
	// anything is printed. They get what is reported, suppressed findings
	// aside, which are asked for one format at a time.
	for _, out := range outputs {
		if code := writeOutput(out, stderr, o); code != ExitClean {
			return code
		}
	}
	stdoutFormat := *format
	if stdoutFormat == "text" && useColor(stdout) {
		stdoutFormat = "color"
	}
	if code := writeFormat(stdout, stderr, stdoutFormat, written, o); code != ExitClean {
		return code
	}
	if *format == "text" {
		fmt.Fprintf(stderr, "atflint: %s\n", summary(o.res.Files, o.res.Packages, o.shown))
	}
	if n := unresolvedTools(o.res.Findings); n > 0 {
		fmt.Fprintf(stderr, "atflint: Go tool registrations not followed to their tools, which are not checked: %d; --min-severity note shows where\n", n)
	}
	return o.exitCode(stderr)
}

// githubReview checks the paths and posts the findings on the lines a
// pull request changes as one review.
func githubReview(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("github-review")
	rf := addRunFlags(fl, "never")
	author := fl.String("author", "", "")
	dryRun := fl.Bool("dry-run", false, "")
	maxComments := fl.Int("max-comments", review.DefaultMaxComments, "")
	paths, err := parse(fl, args)
	if err != nil {
		return flagError(fl, stdout, stderr, err)
	}
	if *maxComments < 1 {
		return usageError(stderr, fmt.Errorf("--max-comments %d: want 1 or more", *maxComments))
	}
	eventPath, token := os.Getenv("GITHUB_EVENT_PATH"), os.Getenv("GITHUB_TOKEN")
	if eventPath == "" && token == "" {
		return usageError(stderr, errors.New("neither GITHUB_EVENT_PATH nor GITHUB_TOKEN is set; github-review runs in a GitHub Actions job for a pull request, with env: GITHUB_TOKEN: ${{ github.token }} (pull-requests: write)"))
	}
	if eventPath == "" {
		return usageError(stderr, errors.New("GITHUB_EVENT_PATH is not set; github-review runs in a GitHub Actions job for a pull request"))
	}
	pr, err := review.ReadEvent(eventPath)
	if err != nil {
		return inputError(stderr, err)
	}
	_, ref := versionAndRef()
	var o *outcome // the run, which the review's summary counts
	// The review leads with what the pull request adds to what the
	// agents can do, since its base commit.
	var lead func() string
	if pr.BaseSHA != "" {
		rf.surface = true
		lead = func() string {
			report, err := surfaceSince(pr.BaseSHA, o.goAnalysed, paths, o.res)
			if err != nil {
				return fmt.Sprintf("The agents' tools and MCP servers were not compared with the base commit: %v.\n", err)
			}
			var b strings.Builder
			report.Markdown(&b)
			return b.String()
		}
	}
	summarize := func(fs []finding.Finding) string {
		var b strings.Builder
		output.Summary(&b, fs, output.SummaryOptions{Files: o.res.Files, Packages: o.res.Packages, Ref: ref})
		return b.String()
	}
	reviewer, err := review.New(token, review.Options{APIURL: os.Getenv("GITHUB_API_URL"), Retries: 3, Author: *author,
		MaxComments: *maxComments, Lead: lead, Summarize: summarize, Ref: ref})
	if err != nil {
		return usageError(stderr, err)
	}
	o, code := rf.lint(paths, false, nil, stderr)
	if o == nil {
		return code
	}
	ctx := context.Background()
	plan, err := reviewer.Plan(ctx, pr, o.shown)
	if err == nil && *dryRun {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(plan); err != nil {
			fmt.Fprintf(stderr, "atflint: writing the review: %v\n", err)
			return ExitInternal
		}
		return o.exitCode(stderr)
	}
	if err == nil {
		err = reviewer.Apply(ctx, pr, plan)
	}
	if err != nil {
		fmt.Fprintf(stderr, "atflint: %v\n", err)
		return ExitInternal
	}
	res := plan.Result
	fmt.Fprintf(stdout, "atflint: pull request #%d: %s posted, %d updated, %d earlier still true, %d marked no longer reported; %s outside the changed lines left to code scanning\n",
		pr.Number, output.Plural(res.Posted, "new comment"), res.Updated, res.Kept, res.Resolved, output.Plural(res.OutsideDiff, "finding"))
	if res.Uncommented > 0 {
		fmt.Fprintf(stdout, "atflint: %s past --max-comments %d, listed in the review's body\n", output.Plural(res.Uncommented, "line"), *maxComments)
	}
	return o.exitCode(stderr)
}

var formats = map[string]func(io.Writer, []finding.Finding) error{
	"text":   output.Text,
	"github": output.GitHub,
}

const formatNames = "text, json, sarif, github or summary"

func knownFormat(f string) bool {
	_, ok := formats[f]
	return ok || f == "json" || f == "sarif" || f == "summary"
}

// writeFormat writes the findings in one format, and returns the exit
// code of a failure, or ExitClean.
func writeFormat(w, stderr io.Writer, format string, fs []finding.Finding, o *outcome) int {
	var err error
	switch format {
	case "sarif":
		err = writeSARIF(w, stderr, fs, o.cfg)
	case "summary":
		err = writeSummary(w, fs, o.res)
	case "json":
		run := &output.Run{Files: o.res.Files, Packages: o.res.Packages, NotAnalysed: []string{}}
		for _, e := range o.res.Errors {
			run.NotAnalysed = append(run.NotAnalysed, e.Error())
		}
		err = output.JSON(w, fs, run)
	case "color":
		err = output.ColorText(w, fs)
	default:
		err = formats[format](w, fs)
	}
	var outside *sarif.OutsideError
	if errors.As(err, &outside) {
		return usageError(stderr, err)
	}
	if err != nil {
		fmt.Fprintf(stderr, "atflint: writing the findings: %v\n", err)
		return ExitInternal
	}
	return ExitClean
}

// An outputFile is one --output FORMAT=FILE.
type outputFile struct{ format, path string }

// outputFiles are the --output flags: more formats written in the same
// run, each to its file.
type outputFiles []outputFile

func (o *outputFiles) String() string { return "" }

func (o *outputFiles) Set(v string) error {
	format, path, ok := strings.Cut(v, "=")
	switch {
	case !ok || path == "":
		return fmt.Errorf("want FORMAT=FILE, as sarif=atflint.sarif")
	case !knownFormat(format):
		return fmt.Errorf("format %q: want %s", format, formatNames)
	}
	*o = append(*o, outputFile{format, path})
	return nil
}

// writeOutput writes one --output file whole: to a temporary file beside
// it, renamed over it, so that a failed run leaves no half of one.
func writeOutput(out outputFile, stderr io.Writer, o *outcome) int {
	tmp, err := os.CreateTemp(filepath.Dir(out.path), ".atflint-output-*")
	if err != nil {
		return usageError(stderr, fmt.Errorf("--output %s=%s: %w", out.format, out.path, err))
	}
	defer os.Remove(tmp.Name())
	if code := writeFormat(tmp, stderr, out.format, o.shown, o); code != ExitClean {
		tmp.Close()
		return code
	}
	err = tmp.Chmod(0o644) // as os.Create would make it
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), out.path)
	}
	if err != nil {
		return usageError(stderr, fmt.Errorf("--output %s=%s: %w", out.format, out.path, err))
	}
	return ExitClean
}

func writeSARIF(stdout, stderr io.Writer, fs []finding.Finding, cfg *filter.Config) error {
	var enabled []*rules.Rule
	for _, r := range rules.All() {
		if cfg.Enabled(r.ID) {
			enabled = append(enabled, r)
		}
	}
	v, ref := versionAndRef()
	dropped, err := sarif.Write(stdout, fs, sarif.Options{Rules: enabled, Version: v, Ref: ref})
	if dropped > 0 {
		fmt.Fprintf(stderr, "atflint: %d findings are over GitHub's limit of %d results per run; the SARIF keeps the %d most severe\n", len(fs), sarif.MaxResults, sarif.MaxResults)
	}
	return err
}

func writeSummary(w io.Writer, fs []finding.Finding, res *lint.Result) error {
	_, ref := versionAndRef()
	opt := output.SummaryOptions{Files: res.Files, Packages: res.Packages, Ref: ref}
	for _, err := range res.Errors {
		opt.NotAnalyzed = append(opt.NotAnalyzed, err.Error())
	}
	return output.Summary(w, fs, opt)
}

func summary(files, packages int, fs []finding.Finding) string {
	checked := output.Plural(files, "file")
	if packages > 0 {
		checked += " and " + output.Plural(packages, "Go package")
	}
	if len(fs) == 0 {
		return checked + " checked, no findings"
	}
	var counts [finding.Error + 1]int
	for _, f := range fs {
		counts[f.Severity]++
	}
	var parts []string
	for _, sev := range []finding.Severity{finding.Error, finding.Warning, finding.Note} {
		if n := counts[sev]; n > 0 {
			parts = append(parts, output.Plural(n, sev.String()))
		}
	}
	return checked + " checked, " + strings.Join(parts, ", ")
}

// unresolvedTools counts the registrations the Go analysis could not
// follow, shown or not: what was not analysed is always said.
func unresolvedTools(fs []finding.Finding) int {
	n := 0
	for _, f := range fs {
		if f.Rule == unresolvedtool.RuleID {
			n++
		}
	}
	return n
}

func listRules(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		return usageError(stderr, errors.New("rules takes no arguments"))
	}
	for _, r := range rules.All() {
		fmt.Fprintf(stdout, "%-24s %-8s %-24s %s\n", r.ID, r.Severity, r.ATFShort(","), r.Title)
	}
	return ExitClean
}

func explain(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		return usageError(stderr, errors.New("explain takes one rule id or ATF requirement id; 'atflint rules' lists the rules"))
	}
	if req, ok := atf.Lookup(strings.ToUpper(args[0])); ok {
		return explainRequirement(req, stdout)
	}
	r := rules.Lookup(args[0])
	if r == nil {
		msg := fmt.Sprintf("no rule or ATF requirement %q", args[0])
		if s := suggest.Closest(args[0], rules.IDs()); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		return usageError(stderr, errors.New(msg))
	}
	fmt.Fprint(stdout, r.Markdown())
	return ExitClean
}

// explainRequirement says what an ATF requirement asks at each level and
// which rules check it.
func explainRequirement(req atf.Requirement, stdout io.Writer) int {
	fmt.Fprintf(stdout, "%s %s (%s): %s\n\n", req.ID, req.Name, req.Element, req.Summary)
	for _, l := range []atf.Level{atf.Intern, atf.Junior, atf.Senior, atf.Principal} {
		fmt.Fprintf(stdout, "  %-10s %s\n", l, req.At(l))
	}
	fmt.Fprintf(stdout, "\nChecked by:\n")
	for _, r := range rules.All() {
		if slices.Contains(r.ATF, req.ID) {
			fmt.Fprintf(stdout, "  %-24s %-8s %s\n", r.ID, r.Severity, r.Title)
		}
	}
	fmt.Fprintf(stdout, "\n'atflint explain RULE' explains one.\n")
	return ExitClean
}

func schema(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("schema")
	cue := fl.Bool("cue", false, "")
	config := fl.Bool("config", false, "")
	rest, err := parse(fl, args)
	if err == nil && len(rest) > 0 {
		err = errors.New("schema takes no arguments")
	}
	if err != nil {
		return flagError(fl, stdout, stderr, err)
	}
	switch {
	case *cue && *config:
		return usageError(stderr, errors.New("schema takes --cue or --config, not both"))
	case *config:
		stdout.Write(filter.ConfigSchema())
	case *cue:
		stdout.Write(schemas.CUE())
	default:
		stdout.Write(schemas.JSONSchema())
	}
	return ExitClean
}

// parse parses flags wherever they stand among the arguments, as users
// type them (atflint check . --format json); "--" ends the flags.
// newFlagSet is a command's flag set. It prints nothing itself: flagError
// says what went wrong, with the command's help.
func newFlagSet(name string) *flag.FlagSet {
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	return fl
}

func parse(fl *flag.FlagSet, args []string) ([]string, error) {
	var positional, tail []string
	for i, a := range args {
		if a == "--" {
			args, tail = args[:i], args[i+1:]
			break
		}
	}
	for {
		if err := fl.Parse(args); err != nil {
			return nil, err
		}
		if fl.NArg() == 0 {
			break
		}
		positional = append(positional, fl.Arg(0))
		args = fl.Args()[1:]
	}
	return append(positional, tail...), nil
}

// flagError answers -h with the command's help, and any other flag error
// as a usage error, with the flag meant when one is mistyped.
func flagError(fl *flag.FlagSet, stdout, stderr io.Writer, err error) int {
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, commandHelp[fl.Name()])
		return ExitClean
	}
	if name, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: -"); ok {
		var names []string
		fl.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		name = strings.TrimPrefix(name, "-")
		msg := fmt.Sprintf("%s: unknown flag --%s", fl.Name(), name)
		if s := suggest.Closest(name, names); s != "" {
			msg += fmt.Sprintf("; did you mean --%s?", s)
		}
		err = errors.New(msg)
	}
	fmt.Fprintf(stderr, "atflint: %v\nRun 'atflint help %s' for its flags.\n", err, fl.Name())
	return ExitUsage
}

func usageError(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "atflint: %v\nRun 'atflint help' for usage.\n", err)
	return ExitUsage
}

// inputError reports what the command was given and cannot use: a path
// that is not there, a configuration, baseline, lock or event file that
// does not read. Its message says what to fix; the usage is not at fault,
// so it points to no help.
func inputError(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "atflint: %v\n", err)
	return ExitUsage
}

// useColor reports whether text on w gets colour: a terminal, outside CI,
// and NO_COLOR (no-color.org) not set.
func useColor(w io.Writer) bool {
	return os.Getenv("NO_COLOR") == "" && showProgress(w)
}

// showProgress reports whether progress belongs on w: a terminal, outside CI.
func showProgress(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd())) && os.Getenv("CI") == ""
}

// progress draws "checked N/M files" (or Go module roots) on one terminal line, a few times a
// second at most, and not at all for a run that ends within the first
// interval.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	last  time.Time
	drawn bool
}

func (p *progress) update(done, total int, what string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if now := time.Now(); now.Sub(p.last) >= 200*time.Millisecond {
		p.last = now
		p.drawn = true
		fmt.Fprintf(p.w, "\r\033[Katflint: checked %d/%d %s", done, total, what)
	}
}

func (p *progress) clear() {
	if p != nil && p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
