package cli

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestDeterminism runs check (text, JSON, SARIF), inventory and lock on
// the same tree, the real configs of testdata/corpus in the Go module of
// examples/mcp-go, written twice with its files created in opposite
// orders (so that a directory lists them in different orders where the
// file system keeps creation order), at GOMAXPROCS 1 and 8, and wants
// every output byte for byte the same.
func TestDeterminism(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet")
	}
	self := testBinary(t)
	files := map[string][]byte{}
	for from, to := range map[string]string{"examples/mcp-go": "", "testdata/corpus": "corpus"} {
		src := filepath.Join(root, from)
		err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() || d.Name() == "atflint.lock" {
				return err
			}
			data, err := os.ReadFile(p)
			rel, _ := filepath.Rel(src, p)
			files[filepath.Join(to, rel)] = data
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)

	runs := [][]string{
		{"check", "--no-progress", "--format", "text", "--min-severity", "note", "."},
		{"check", "--no-progress", "--format", "json", "."},
		{"check", "--no-progress", "--format", "sarif", "."},
		{"inventory", "--format", "json", "."},
		{"lock", "."}, // last, and its lock removed: check compares with it
	}
	want := make([][]byte, len(runs))
	// One directory for both orders, emptied between them: the same path
	// lets go vet's cache serve the second order's analysis.
	dir := stableDir(t)
	for _, order := range []string{"forward", "reverse"} {
		t.Run(order, func(t *testing.T) {
			if err := os.RemoveAll(dir); err != nil {
				t.Fatal(err)
			}
			ordered := slices.Clone(names)
			if order == "reverse" {
				slices.Reverse(ordered)
			}
			for _, name := range ordered {
				if err := writeFile(filepath.Join(dir, name), string(files[name])); err != nil {
					t.Fatal(err)
				}
			}
			procs := []string{"1", "8"}
			if order == "reverse" {
				procs = procs[1:] // the order is what this one varies
			}
			for _, procs := range procs {
				for i, args := range runs {
					cmd := exec.Command(self, args...)
					cmd.Dir = dir
					cmd.Env = append(os.Environ(), asAtflint, "GOMAXPROCS="+procs)
					var stderr bytes.Buffer
					cmd.Stderr = &stderr
					out, err := cmd.Output()
					if args[0] == "lock" {
						lock := filepath.Join(dir, "atflint.lock")
						out, _ = os.ReadFile(lock)
						os.Remove(lock)
					}
					if code := cmd.ProcessState.ExitCode(); code > 1 {
						t.Fatalf("%s: exit %d (%v): %s", strings.Join(args, " "), code, err, stderr.String())
					}
					if len(out) == 0 {
						t.Fatalf("%s: no output: %s", strings.Join(args, " "), stderr.String())
					}
					switch {
					case want[i] == nil:
						want[i] = out
					case !bytes.Equal(out, want[i]):
						t.Errorf("%s, %s order, GOMAXPROCS=%s: the output differs from the first run's:\n%s", strings.Join(args, " "), order, procs, firstDifference(want[i], out))
					}
				}
			}
		})
	}
}

// firstDifference shows the first line where two outputs part.
func firstDifference(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return "line " + strconv.Itoa(i+1) + ":\n- " + la[i] + "\n+ " + lb[i]
		}
	}
	return "one output is longer"
}
