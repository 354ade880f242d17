package cli

import (
	"errors"
	"fmt"
	"github.com/atflint/atflint/output"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/lint"
	"github.com/atflint/atflint/scaffold"
)

// initManifest drafts an ATF manifest for the agent in a directory from
// what a run finds there, and writes it to a new file.
func initManifest(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("init")
	name := fl.String("name", "", "")
	levelName := fl.String("level", "", "")
	out := fl.String("out", "", "")
	noGo := fl.Bool("no-go", false, "")
	paths, err := parse(fl, args)
	if err != nil {
		return flagError(fl, stdout, stderr, err)
	}
	dir := "."
	switch len(paths) {
	case 0:
	case 1:
		dir = paths[0]
	default:
		return usageError(stderr, errors.New("init drafts one agent: give one directory"))
	}
	if *name == "" || strings.ContainsFunc(*name, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return usageError(stderr, errors.New("--name NAME is required: the agent's short name, on one line"))
	}
	level, ok := atf.ParseLevel(*levelName)
	if !ok {
		return usageError(stderr, fmt.Errorf("--level %q: want intern, junior, senior or principal (the level the agent runs at)", *levelName))
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return usageError(stderr, fmt.Errorf("%s: not a directory; init drafts the manifest of the agent in a directory", dir))
	}
	path := *out
	if path == "" {
		path = filepath.Join(dir, "agent.atf.yaml")
	}
	if !atf.IsManifestName(path) {
		return usageError(stderr, fmt.Errorf("--out %s: name the manifest *.atf.yaml (or atf.yaml), so that check finds it", path))
	}
	if _, err := os.Lstat(path); err == nil {
		return usageError(stderr, fmt.Errorf("%s exists; init does not overwrite a file: remove it, or give another --out", path))
	}

	res, err := lint.Run([]string{dir}, lint.Options{Go: !*noGo, Inventory: true, Level: level, VetTool: vetTool()})
	if err != nil {
		return inputError(stderr, err)
	}
	if res.Internal {
		for _, err := range res.Errors {
			fmt.Fprintf(stderr, "atflint: %v\n", err)
		}
		fmt.Fprintf(stderr, "atflint: %s not written\n", path)
		return ExitInternal
	}
	// What did not load is said on stderr and at the top of the draft,
	// whose tools from there are missing; check keeps saying it too.
	var notAnalyzed []string
	for _, err := range res.Errors {
		fmt.Fprintf(stderr, "atflint: %v\n", err)
		notAnalyzed = append(notAnalyzed, err.Error())
	}
	d, err := scaffold.Manifest(res.Inventory, scaffold.Options{Name: *name, Level: level, Path: path, NotAnalyzed: notAnalyzed})
	if err != nil {
		fmt.Fprintf(stderr, "atflint: %v\n", err)
		return ExitInternal
	}
	if err := writeNew(path, d.Text); err != nil {
		fmt.Fprintf(stderr, "atflint: %v\n", err)
		return ExitUsage
	}
	for _, w := range d.Warnings {
		fmt.Fprintf(stderr, "atflint: %s\n", w)
	}
	fmt.Fprintf(stdout, "atflint: wrote %s for %s agent %s: %s from Go code, %s under sources\n",
		path, level.WithArticle(), *name, output.Plural(d.Tools, "tool"), output.Plural(d.Sources, "agent config"))
	if len(notAnalyzed) > 0 {
		fmt.Fprintf(stdout, "Not all was analyzed (%s on stderr, and at the top of the draft): the tools there are missing from it.\n", output.Plural(len(notAnalyzed), "error"))
	}
	fmt.Fprintf(stdout, "Fill in what is TODO (%s), confirm or change each value marked \"TODO verify\", then run atflint check.\n", strings.Join(d.TODO, ", "))
	return ExitClean
}

// writeNew writes a file that must not exist yet, whole or not at all.
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("%s exists; init does not overwrite a file: remove it, or give another --out", path)
		}
		return fmt.Errorf("writing the manifest: %w", err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return fmt.Errorf("writing %s: %w; nothing was left behind", path, err)
	}
	return nil
}
