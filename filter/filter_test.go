package filter

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/syntax"
)

func TestParseIgnore(t *testing.T) {
	for in, want := range map[string]Ignore{
		"a.atf.yaml":        {Pattern: "a.atf.yaml"},
		"a.atf.yaml:12":     {Pattern: "a.atf.yaml", Line: 12},
		"a.atf.yaml:12:5":   {Pattern: "a.atf.yaml", Line: 12, Col: 5},
		"dir/":              {Pattern: "dir/"},
		"c:/x/*.atf.yaml:3": {Pattern: "c:/x/*.atf.yaml", Line: 3},
	} {
		got, err := parseIgnore(in)
		if err != nil || got != want {
			t.Errorf("parseIgnore(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, in := range []string{"", ":3", "[.atf.yaml"} {
		if _, err := parseIgnore(in); err == nil {
			t.Errorf("parseIgnore(%q) succeeded", in)
		}
	}
}

func TestApply(t *testing.T) {
	at := func(file string, line, col int) finding.Finding {
		return finding.Finding{Rule: "missing-control", Severity: finding.Error, File: file, Span: syntax.Span{Start: syntax.Pos{Line: line, Col: col}}}
	}
	c := &Config{Rules: map[string]*RuleConfig{
		"missing-control": {Severity: finding.Note, Ignore: []Ignore{{Pattern: "legacy/"}, {Pattern: "x/*.atf.yaml", Line: 3}, {Pattern: "y.atf.yaml", Line: 1, Col: 2}}},
		"unknown-key":     {Disable: true},
	}}
	got := c.Apply([]finding.Finding{
		at("legacy/a.atf.yaml", 1, 1), at("x/b.atf.yaml", 3, 1), at("x/b.atf.yaml", 4, 1),
		at("y.atf.yaml", 1, 2), at("y.atf.yaml", 1, 3), {Rule: "unknown-key", File: "z.atf.yaml"},
	})
	var kept []string
	for _, f := range got {
		kept = append(kept, f.File+":"+f.Span.Start.String()+":"+f.Severity.String())
	}
	if strings.Join(kept, " ") != "x/b.atf.yaml:4:1:note y.atf.yaml:1:3:note" {
		t.Errorf("kept %v", kept)
	}
	if c.Enabled("unknown-key") || !c.Enabled("missing-control") {
		t.Error("Enabled is wrong")
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	for src, want := range map[string]string{
		"rules:\n  unknwon-key: {disable: true}\n": `2:3: no rule "unknwon-key"; did you mean "unknown-key"?`,
		"rulez: {}\n": `1:1: unknown key "rulez" in the configuration; did you mean "rules"?`,
		"rules:\n  unknown-key: {severity: fatal}\n":       `2:27: severity "fatal": want error, warning or note`,
		"rules:\n  unknown-key: {disable: maybe}\n":        `2:26: disable must be true or false`,
		"rules:\n  unknown-key: {ignore: x}\n":             `2:25: ignore must be a list of paths`,
		"level: boss\n":                                    `1:8: level "boss": want intern, junior, senior or principal`,
		"rules: [\n":                                       `invalid YAML`,
		"rules:\n  unknown-key: {ignorez: []}\n":           `unknown key "ignorez" in rules.unknown-key; did you mean "ignore"?`,
		"rules:\n  missing-control:\n    ignore: [':9']\n": `3:14: ignore entry ":9"`,
	} {
		p := filepath.Join(dir, "c.yaml")
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(p)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Load(%q) = %v; want an error with %q", src, err, want)
		}
	}
}

// TestLoadFIFO checks that a configuration that is not a regular file is
// refused rather than waited on.
func TestLoadFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), ".atflint.yaml")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	if _, err := Load(p); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("Load(FIFO) = %v; want a not-a-regular-file error", err)
	}
}
