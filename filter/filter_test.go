package filter

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/lint"
	"github.com/atflint/atflint/syntax"
)

func TestParseIgnore(t *testing.T) {
	for in, want := range map[string]Ignore{
		"a.atf.yaml":                      {Pattern: "a.atf.yaml"},
		"a.atf.yaml:12":                   {Pattern: "a.atf.yaml", Line: 12},
		"a.atf.yaml:12:5":                 {Pattern: "a.atf.yaml", Line: 12, Col: 5},
		"dir/":                            {Pattern: "dir/"},
		"c:/x/*.atf.yaml:3":               {Pattern: "c:/x/*.atf.yaml", Line: 3},
		"a.json#0123456789abcdef01234567": {Pattern: "a.json", Fingerprint: "0123456789abcdef01234567"},
	} {
		got, err := parseIgnore(in)
		if err != nil || *got != want {
			t.Errorf("parseIgnore(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, in := range []string{"", ":3", "[.atf.yaml", "a.json#xyz", "#0123456789abcdef01234567", "a.json#0123456789ABCDEF01234567"} {
		if _, err := parseIgnore(in); err == nil {
			t.Errorf("parseIgnore(%q) succeeded", in)
		}
	}
}

func TestApply(t *testing.T) {
	at := func(file string, line, col int) finding.Finding {
		return finding.Finding{Rule: "missing-control", Severity: finding.Error, File: file, Span: syntax.Span{Start: syntax.Pos{Line: line, Col: col}}}
	}
	yes := true
	c := &Config{Rules: map[string]*RuleConfig{
		"missing-control": {Severity: finding.Note, Ignore: []*Ignore{{Pattern: "legacy/"}, {Pattern: "x/*.atf.yaml", Line: 3}, {Pattern: "y.atf.yaml", Line: 1, Col: 2}}},
		"unknown-key":     {Disable: &yes},
	}}
	got, ignored := c.Apply([]finding.Finding{
		at("legacy/a.atf.yaml", 1, 1), at("x/b.atf.yaml", 3, 1), at("x/b.atf.yaml", 4, 1),
		at("y.atf.yaml", 1, 2), at("y.atf.yaml", 1, 3), {Rule: "unknown-key", File: "z.atf.yaml"},
	}, nil)
	var kept []string
	for _, f := range got {
		kept = append(kept, f.File+":"+f.Span.Start.String()+":"+f.Severity.String())
	}
	if strings.Join(kept, " ") != "x/b.atf.yaml:4:1:note y.atf.yaml:1:3:note" {
		t.Errorf("kept %v", kept)
	}
	// The ignored say by what, for SARIF's suppressions; the disabled
	// rule's finding is not among them: it was never reported.
	var why []string
	for _, f := range ignored {
		why = append(why, f.File+" "+f.Suppression.Justification)
	}
	if want := `legacy/a.atf.yaml ignored by :0 (rules.missing-control.ignore "legacy/")|x/b.atf.yaml ignored by :0 (rules.missing-control.ignore "x/*.atf.yaml:3")|y.atf.yaml ignored by :0 (rules.missing-control.ignore "y.atf.yaml:1:2")`; strings.Join(why, "|") != want {
		t.Errorf("ignored %q", why)
	}
	if c.Enabled("unknown-key") || !c.Enabled("missing-control") {
		t.Error("Enabled is wrong")
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{"loop.yaml": "extends: c.yaml\n", "bad.yaml": "levle: junior\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for src, want := range map[string]string{
		"rules:\n  unknwon-key: {disable: true}\n": `2:3: unknown key "unknwon-key" in rules; did you mean "unknown-key"?`,
		"rulez: {}\n": `1:1: unknown key "rulez" in the configuration; did you mean "rules"?`,
		"rules:\n  unknown-key: {severity: fatal}\n":                           `2:17: rules.unknown-key.severity is "fatal"; it must be one of error, warning, note`,
		"rules:\n  unknown-key: {disable: maybe}\n":                            `2:17: rules.unknown-key.disable must be a boolean, not a string`,
		"rules:\n  unknown-key: {ignore: x}\n":                                 `2:17: rules.unknown-key.ignore must be a list, not a string`,
		"level: boss\n":                                                        `1:1: level is "boss"; it must be one of intern, junior, senior, principal`,
		"rules: [\n":                                                           `invalid YAML`,
		"rules:\n  unknown-key: {ignorez: []}\n":                               `unknown key "ignorez" in rules.unknown-key; did you mean "ignore"?`,
		"rules:\n  missing-control:\n    ignore: [':9']\n":                     `3:14: ignore entry ":9"`,
		"fail-on: always\n":                                                    `fail-on is "always"; it must be one of error, warning, note, never`,
		"min-severity: 2\n":                                                    `min-severity is 2; it must be one of error, warning, note`,
		"overrides:\n  - level: intern\n":                                      `overrides[0] has no "paths", which is required`,
		"overrides:\n  - paths: ['[x']\n":                                      `2:13: "[x" is not a path or a glob`,
		"overrides:\n  - {paths: [a/], rules: {unknown-key: {ignore: [a]}}}\n": `unknown key "ignore" in overrides[0].rules.unknown-key`,
		"extends: missing.yaml\n":                                              `extends ` + filepath.Join(dir, "missing.yaml") + `, which does not exist`,
		"extends: c.yaml\n":                                                    `extends itself: ` + filepath.Join(dir, "c.yaml") + ` extends ` + filepath.Join(dir, "c.yaml"),
		"extends: [loop.yaml]\n":                                               `extends itself: ` + filepath.Join(dir, "c.yaml") + ` extends ` + filepath.Join(dir, "loop.yaml") + ` extends ` + filepath.Join(dir, "c.yaml"),
		"extends: bad.yaml\n":                                                  `bad.yaml:1:1: unknown key "levle" in the configuration; did you mean "level"?`,
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

func TestLoadExtends(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"org/base.yaml": "level: intern\nmin-severity: note\nfail-on: warning\nrules:\n  unknown-key: {disable: true}\n  missing-control: {severity: note, ignore: [legacy/]}\noverrides:\n  - {paths: ['gen/**'], rules: {missing-control: {disable: true}}}\n",
		".atflint.yaml": "extends: org/base.yaml\nlevel: junior\nfail-on: error\nrules:\n  missing-control: {ignore: [old.atf.yaml]}\n  unknown-key: {disable: false}\noverrides:\n  - {paths: ['.claude/**', 'agents/*.json'], level: senior, rules: {missing-control: {severity: error}}}\n",
	}
	for name, text := range files {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	c, err := Load(".atflint.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if c.Level != atf.Junior || c.MinSeverity != "note" || c.FailOn != "error" || !c.Enabled("unknown-key") {
		t.Errorf("merged: level %v, min-severity %q, fail-on %q, unknown-key enabled %v", c.Level, c.MinSeverity, c.FailOn, c.Enabled("unknown-key"))
	}
	for file, want := range map[string]atf.Level{".claude/settings.json": atf.Senior, "agents/a.json": atf.Senior, "agents/x/a.json": atf.Junior, "mcp.json": atf.Junior} {
		if got := c.LevelOf(file); got != want {
			t.Errorf("LevelOf(%s) = %v, want %v", file, got, want)
		}
	}
	mc := func(file string) finding.Finding {
		return finding.Finding{Rule: "missing-control", Severity: finding.Warning, File: file, Span: syntax.Span{Start: syntax.Pos{Line: 1, Col: 1}}}
	}
	sources := []lint.Source{{Path: "a.atf.yaml"}, {Path: "legacy/b.atf.yaml"}, {Path: "old.atf.yaml"}}
	var got []string
	out, _ := c.Apply([]finding.Finding{mc("a.atf.yaml"), mc("legacy/b.atf.yaml"), mc("gen/x/c.atf.yaml"), mc(".claude/d.atf.yaml")}, sources)
	for _, f := range out {
		got = append(got, f.File+":"+f.Span.Start.String()+" "+f.Rule+" "+f.Severity.String())
	}
	want := []string{
		"a.atf.yaml:1:1 missing-control note",           // the base's severity
		".claude/d.atf.yaml:1:1 missing-control error",  // the override's
		".atflint.yaml:5:30 unused-suppression warning", // old.atf.yaml was read and had no finding to hide
	}
	if !slices.Equal(got, want) {
		t.Errorf("applied:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestFindMissing(t *testing.T) {
	_, err := Find(".", "no/such/atflint.yaml")
	if err == nil || !strings.Contains(err.Error(), "--config no/such/atflint.yaml: no such file; give the path of a configuration file") {
		t.Errorf("Find(missing) = %v", err)
	}
}
