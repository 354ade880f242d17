package filter

import (
	"strings"
	"testing"
	"time"

	"github.com/atflint/atflint/internal/fuzzseed"
)

// suppressionNames are files of every kind a suppression comment is read in.
var suppressionNames = []string{"a.atf.yaml", ".codex/config.toml", ".mcp.json", "main.go", "AGENTS.md"}

// FuzzSuppressions: no comment makes the suppression reader panic, and a
// suppression it reads lies in the file and names a rule.
func FuzzSuppressions(f *testing.F) {
	f.Add([]byte("# atflint:ignore[unpinned-server] until=2099-01-01 pinned by the image\n"), uint8(0))
	for _, src := range fuzzseed.Files(f, ".yaml", ".toml", ".json", ".go", ".md") {
		if strings.Contains(string(src), "atflint:ignore") {
			f.Add(src, uint8(0))
		}
	}
	now := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, src []byte, which uint8) {
		name := suppressionNames[int(which)%len(suppressionNames)]
		sups, bad := Parse(name, src, now)
		lines := strings.Count(string(src), "\n") + 2 // a comment alone on the last line speaks of the one after
		for _, s := range sups {
			if len(s.IDs) == 0 || s.Line < 1 || s.Line > lines {
				t.Fatalf("%s: suppression of %v at line %d of %d", name, s.IDs, s.Line, lines)
			}
		}
		for _, b := range bad {
			if b.Message == "" {
				t.Fatalf("%s: a finding without a message", name)
			}
		}
	})
}

// FuzzConfig: no configuration file makes Load panic; it is read or is an
// error.
func FuzzConfig(f *testing.F) {
	fuzzseed.Add(f, ".atflint.yaml", "atflint.yaml")
	f.Add([]byte("extends: [a.yaml, .atflint.yaml]\nrules:\n  unpinned-server: {severity: note}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		if c, err := Load(fuzzseed.TempFile(t, ".atflint.yaml", src)); err == nil && c == nil {
			t.Fatal("no configuration and no error")
		}
	})
}

// FuzzBaseline: no baseline file makes ReadBaseline panic.
func FuzzBaseline(f *testing.F) {
	fuzzseed.Add(f, "baseline.json")
	f.Add([]byte(`{"version": 1, "findings": [{"rule": "r", "file": "f", "fingerprint": "x", "line": 1, "message": "m"}]}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		if b, err := ReadBaseline(fuzzseed.TempFile(t, "baseline.json", src)); err == nil && b == nil {
			t.Fatal("no baseline and no error")
		}
	})
}

// FuzzParseDiff: no git diff output makes the reader of changed lines
// panic, and every range it keeps is a range of lines.
func FuzzParseDiff(f *testing.F) {
	f.Add("diff --git a/x b/x\n--- /dev/null\n+++ b/x\n@@ -0,0 +1,3 @@\n+a\n")
	f.Add("--- a/\"q\\tx\"\n+++ b/\"q\\tx\"\n@@ -1 +1 @@\n-a\n+b\n")
	f.Fuzz(func(t *testing.T, diff string) {
		c := parseDiff(diff)
		for file, ranges := range c.lines {
			for _, r := range ranges {
				if r[1] < r[0] {
					t.Fatalf("%s: lines %d to %d", file, r[0], r[1])
				}
			}
		}
	})
}
