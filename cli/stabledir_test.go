package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// stableDir returns an empty directory whose path is the same in every run
// of the test t. go vet keys its cached results on the packages' paths and
// on the -manifests flag, which holds the manifests' absolute paths: in a
// fresh t.TempDir every run analyses each dependency of a module again
// (about 10 s for an example). The directory is held under an exclusive
// lock until the test ends, so two runs of the tests at once take turns.
func stableDir(t *testing.T) string {
	t.Helper()
	base := filepath.Join(os.TempDir(), fmt.Sprintf("atflint-tests-%d", os.Getuid()))
	name := strings.NewReplacer("/", "-", " ", "_").Replace(t.Name())
	if err := os.MkdirAll(base, 0o700); err != nil {
		t.Fatal(err)
	}
	unlock, err := lockFile(filepath.Join(base, name+".lock"))
	if err != nil {
		t.Logf("cannot lock a stable directory (%v); using a temporary one", err)
		return t.TempDir()
	}
	t.Cleanup(unlock)
	dir := filepath.Join(base, name)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	return dir
}

// stableCopy copies src into stableDir(t).
func stableCopy(t *testing.T, src string) string {
	t.Helper()
	dir := stableDir(t)
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dir
}
