package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/internal/atomicfile"
	"github.com/atflint/atflint/lint"
	"github.com/atflint/atflint/output"
	"github.com/atflint/atflint/rules"
	"github.com/atflint/atflint/surface"
	"github.com/atflint/atflint/syntax"
)

// lockPath is where the lock of a run in dir over paths is: the one
// given, or atflint.lock in the directory named alone, or in dir.
func lockPath(given, dir string, paths []string) string {
	if given != "" {
		return given
	}
	if len(paths) == 1 {
		if st, err := os.Stat(paths[0]); err == nil && st.IsDir() {
			return filepath.Join(paths[0], surface.FileName)
		}
	}
	return filepath.Join(dir, surface.FileName)
}

// readLock reads the lock at path, and its bytes; nil when there is
// none.
func readLock(path string) (*surface.Read, []byte, error) {
	data, err := syntax.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("reading the lock: %w", err)
	}
	r, err := surface.Parse(path, data)
	return r, data, err
}

// lockFindings compares a run with the lock read: the surface-changed
// findings, for the run's paths only.
func lockFindings(res *lint.Result, goAnalysed bool, lock *surface.Read, paths []string) []finding.Finding {
	dir := filepath.Dir(lock.Path)
	now := surface.Build(res, goAnalysed, dir)
	changes := surface.Compare(lock.Lock, now, covering(dir, paths))
	return surface.Findings(changes, lock, rules.SurfaceChanged.ATF)
}

// covering is true of a lock's file, relative to its directory, that is
// under one of the run's paths.
func covering(dir string, paths []string) func(string) bool {
	var roots []string
	for _, p := range paths {
		if abs, err := filepath.Abs(p); err == nil {
			roots = append(roots, abs)
		}
	}
	return func(file string) bool {
		abs, err := filepath.Abs(filepath.Join(dir, filepath.FromSlash(file)))
		if err != nil {
			return false
		}
		for _, r := range roots {
			if abs == r || strings.HasPrefix(abs, r+string(filepath.Separator)) {
				return true
			}
		}
		return false
	}
}

// lock writes atflint.lock, or with --check says whether it is stale.
func lock(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("lock")
	checkOnly := fl.Bool("check", false, "")
	noGo := fl.Bool("no-go", false, "")
	given := fl.String("lock", "", "")
	paths, err := parse(fl, args)
	if err != nil {
		return flagError(fl, stdout, stderr, err)
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	path := lockPath(*given, ".", paths)
	// Read first: a lock that cannot be read is said before any work,
	// and --check needs it.
	old, oldData, err := readLock(path)
	switch {
	case err != nil && *checkOnly:
		return inputError(stderr, err)
	case err != nil:
		fmt.Fprintf(stderr, "atflint: %v; writing it afresh\n", err)
	}
	res, err := lint.Run(paths, lint.Options{Go: !*noGo, Inventory: true, Models: true, VetTool: vetTool()})
	if err != nil {
		return inputError(stderr, err)
	}
	now := surface.Build(res, !*noGo, filepath.Dir(path))
	for _, d := range surface.Duplicates(now) {
		fmt.Fprintf(stderr, "atflint: %s\n", d)
	}
	if n := now.Unnamed(); n > 0 {
		fmt.Fprintf(stderr, "atflint: %s not pinned: their names are not constants (atflint inventory lists them)\n", output.Plural(n, "tool"))
	}
	data := now.Marshal()
	o := &outcome{res: res}
	if *checkOnly {
		switch {
		case old == nil:
			fmt.Fprintf(stderr, "atflint: %s does not exist; run atflint lock to write it\n", path)
			o.failed = true
		case !bytes.Equal(data, oldData):
			changes := surface.Compare(old.Lock, now, func(string) bool { return true })
			fmt.Fprintf(stderr, "atflint: %s is stale: %s; review, then run atflint lock\n", path, output.Plural(len(changes), "change"))
			for _, c := range changes {
				fmt.Fprintf(stderr, "  %s\n", c.Message())
			}
			o.failed = true
		}
		return o.exitCode(stderr)
	}
	if err := atomicfile.Write(path, data); err != nil {
		return usageError(stderr, fmt.Errorf("writing the lock: %w", err))
	}
	fmt.Fprintf(stderr, "atflint: wrote %s: %s, %s\n", path, output.Plural(len(now.Tools), "tool"), output.Plural(len(now.Servers), "server"))
	if len(res.Errors) > 0 {
		fmt.Fprintf(stderr, "atflint: %s leaves out what the errors below kept from being analysed\n", path)
	}
	return o.exitCode(stderr)
}
