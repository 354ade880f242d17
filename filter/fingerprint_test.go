package filter

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/lint"
)

func fingerprints(t *testing.T, text string, fs ...finding.Finding) []string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "main.go")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	Fingerprint([]lint.Source{{Path: "main.go", Abs: p}}, fs)
	var out []string
	for _, f := range fs {
		out = append(out, f.Fingerprint)
	}
	return out
}

func TestFingerprint(t *testing.T) {
	const before = "package main\n\nfunc main() {\n\ts.AddTool(del, h)\n\ts.AddTool(del, h)\n}\n"
	const after = "package main\n\n// Tools.\nfunc main() {\n\n    s.AddTool( del,h )\n    s.AddTool(del, h)\n}\n"
	a := fingerprints(t, before, at("main.go", "unguarded-tool", 4), at("main.go", "unguarded-tool", 5))
	b := fingerprints(t, after, at("main.go", "unguarded-tool", 6), at("main.go", "unguarded-tool", 7))
	if a[0] != b[0] || a[1] != b[1] {
		t.Errorf("a line shift and re-spacing changed the fingerprints: %v, then %v", a, b)
	}
	if a[0] == a[1] {
		t.Error("two findings alike on lines alike share a fingerprint")
	}
	other := fingerprints(t, before, at("main.go", "missing-identity", 4))
	if other[0] == a[0] {
		t.Error("the rule is not in the fingerprint")
	}
	edited := fingerprints(t, "package main\n\nfunc main() {\n\ts.AddTool(remove, h)\n}\n", at("main.go", "unguarded-tool", 4))
	if edited[0] == a[0] {
		t.Error("the line's text is not in the fingerprint")
	}
	f := at("main.go", "unguarded-tool", 4)
	f.Message = "registered on line 4"
	g := at("main.go", "unguarded-tool", 6)
	g.Message = "registered on line 6"
	if x, y := fingerprints(t, before, f), fingerprints(t, after, g); x[0] != y[0] {
		t.Error("a line number quoted in the message changed the fingerprint")
	}
	if gone := fingerprints(t, before, at("gone.go", "unguarded-tool", 4)); gone[0] == "" {
		t.Error("a finding in a file that cannot be read has no fingerprint")
	}
}
