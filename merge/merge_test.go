package merge

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/atflint/atflint/internal/golden"
)

// TestGolden merges two repositories' directories and a file alone, in
// every format.
func TestGolden(t *testing.T) {
	dir := filepath.Join("testdata", "results")
	rep, err := Read([]string{filepath.Join(dir, "acme__site"), filepath.Join(dir, "tools.json"), filepath.Join(dir, "acme__api")})
	if err != nil {
		t.Fatal(err)
	}
	for name, write := range map[string]func(*Report, *bytes.Buffer) error{
		"merged.txt":  func(r *Report, b *bytes.Buffer) error { return r.Text(b) },
		"merged.md":   func(r *Report, b *bytes.Buffer) error { return r.Markdown(b) },
		"merged.json": func(r *Report, b *bytes.Buffer) error { return r.JSON(b) },
	} {
		var b bytes.Buffer
		if err := write(rep, &b); err != nil {
			t.Fatal(err)
		}
		golden.Check(t, filepath.Join("testdata", name), b.Bytes())
	}
	// The same inputs in another order give the same report.
	again, err := Read([]string{filepath.Join(dir, "acme__api"), filepath.Join(dir, "acme__site"), filepath.Join(dir, "tools.json")})
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	_ = rep.JSON(&a)
	_ = again.JSON(&b)
	if a.String() != b.String() {
		t.Error("the order of the inputs changes the report")
	}
}

func TestBadInput(t *testing.T) {
	for name, want := range map[string]string{
		"version.json":   "version 1",
		"sarif.json":     "neither findings nor an inventory",
		"truncated.json": "not JSON atflint wrote",
		"severity.json":  `severity "fatal"`,
		"missing.json":   "no such file",
	} {
		_, err := Read([]string{filepath.Join("testdata", "bad", name)})
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: %v, want an error naming the file and saying %q", name, err, want)
		}
	}
	if _, err := Read([]string{t.TempDir()}); err == nil || !strings.Contains(err.Error(), "no .json results") {
		t.Errorf("an empty directory: %v", err)
	}
}
