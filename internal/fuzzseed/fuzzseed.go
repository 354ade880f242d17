// Package fuzzseed seeds fuzz targets with the files the project keeps for
// its tests: the real configs of testdata/corpus, the rules' cases, the
// hostile inputs and the examples, so that fuzzing starts from what
// repositories hold rather than from a few hand-written strings.
package fuzzseed

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// maxSeed is the largest file used as a seed: the engine mutates small
// inputs faster, and the large ones are the hostile suite's business.
const maxSeed = 64 << 10

// dirs are the directories seeds come from, relative to the module root.
var dirs = []string{"testdata/corpus", "testdata/hostile", "rules/testdata", "examples", "testdata/cli"}

// Files returns the contents of the seed files whose names end in one of
// suffixes (all of them when none is given), in a fixed order.
func Files(tb testing.TB, suffixes ...string) [][]byte {
	tb.Helper()
	root := moduleRoot(tb)
	var out [][]byte
	for _, dir := range dirs {
		var paths []string
		filepath.WalkDir(filepath.Join(root, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() {
				return nil
			}
			if len(suffixes) == 0 || slices.ContainsFunc(suffixes, func(s string) bool { return strings.HasSuffix(p, s) }) {
				paths = append(paths, p)
			}
			return nil
		})
		for _, p := range paths {
			if info, err := os.Stat(p); err == nil && info.Size() <= maxSeed {
				if src, err := os.ReadFile(p); err == nil {
					out = append(out, src)
				}
			}
		}
	}
	return out
}

// Add adds Files(f, suffixes...) to f's seed corpus.
func Add(f *testing.F, suffixes ...string) {
	f.Helper()
	for _, src := range Files(f, suffixes...) {
		f.Add(src)
	}
}

func moduleRoot(tb testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("fuzzseed: no go.mod above the test's directory")
		}
		dir = parent
	}
}

// TempFile writes src to a file named name in a new temporary directory,
// for the targets whose readers take a path, and returns its path.
func TempFile(t *testing.T, name string, src []byte) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(file, src, 0o600); err != nil {
		t.Fatal(err)
	}
	return file
}
