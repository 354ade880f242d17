package rules_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/atflint/atflint/filter"
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/internal/golden"
	"github.com/atflint/atflint/lint"
	"github.com/atflint/atflint/loader"
	"github.com/atflint/atflint/output"
	"github.com/atflint/atflint/rules"
)

// run checks the manifests at path and returns every finding, notes too,
// as the command reports them: atflint:ignore comments applied.
func run(t *testing.T, base string, path string) []finding.Finding {
	t.Helper()
	res, err := lint.Run([]string{path}, lint.Options{BaseDir: base})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Fatalf("errors: %v", res.Errors)
	}
	kept, _, about, errs := filter.Suppress(res.Sources, res.Findings, time.Now())
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	fs := append(kept, about...)
	finding.Sort(fs)
	// The goldens show each finding a rule reports; the text output's
	// grouping of them is tested with it.
	for i := range fs {
		fs[i].Group = ""
	}
	return fs
}

// TestGolden runs each case under testdata/<rule-id>/ and compares the
// text output with <case>.out beside it. A case is a manifest, or a
// directory of manifests checked in one run.
func TestGolden(t *testing.T) {
	dirs, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		if d.Name() != "levels" && rules.Lookup(d.Name()) == nil {
			t.Errorf("testdata/%s names no rule", d.Name())
		}
		covered[d.Name()] = true
		dir := filepath.Join("testdata", d.Name())
		cases, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			if !c.IsDir() && !loader.Candidate(c.Name()) {
				continue
			}
			name := strings.TrimSuffix(c.Name(), filepath.Ext(c.Name()))
			name = strings.TrimSuffix(name, ".atf")
			t.Run(d.Name()+"/"+name, func(t *testing.T) {
				var out bytes.Buffer
				if err := output.Text(&out, run(t, dir, filepath.Join(dir, c.Name()))); err != nil {
					t.Fatal(err)
				}
				golden.Check(t, filepath.Join(dir, name+".out"), out.Bytes())
			})
		}
	}
	for _, r := range rules.All() {
		if !covered[r.ID] && r.Lang != "go" && !r.Lock {
			t.Errorf("rule %s has no golden tests under testdata/%s", r.ID, r.ID)
		}
	}
}

// TestLevelsClean checks that a complete manifest at each level yields no
// error and no warning.
func TestLevelsClean(t *testing.T) {
	for _, level := range []string{"intern", "junior", "senior", "principal"} {
		for _, f := range run(t, "testdata/levels", "testdata/levels/"+level+".atf.yaml") {
			if f.Severity >= finding.Warning {
				t.Errorf("%s: %s:%v: %s: %s [%s]", level, f.File, f.Span.Start, f.Severity, f.Message, f.Rule)
			}
		}
	}
}
