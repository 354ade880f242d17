package cli

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/atflint/atflint/internal/golden"
)

// TestAssess writes the statement of the Go example, whose code's
// findings count against what its manifest declares.
func TestAssess(t *testing.T) {
	code, out, errOut := atflint(t, "assess", "--date", "2026-12-04", "--organization", "ACME", "examples/mcp-go")
	if code != ExitClean {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	golden.Check(t, filepath.Join("testdata", "cli", "assess-mcp-go.md"), []byte(out))
	if !strings.Contains(out, "| S-2 | Action Boundaries | MUST | partially met |") || !strings.Contains(out, "main.go#L38") {
		t.Errorf("the Go finding does not count against S-2:\n%s", out)
	}
	// Below what it declares, at junior, it does not conform.
	if code, _, _ := atflint(t, "assess", "--fail-under", "junior", "examples/mcp-go"); code != ExitFindings {
		t.Errorf("--fail-under junior: exit %d, want 1", code)
	}
	if code, _, _ := atflint(t, "assess", "--fail-under", "junior", "examples/invoice-triage"); code != ExitClean {
		t.Errorf("--fail-under junior on the complete example: exit %d, want 0", code)
	}
}

// TestAssessDoc keeps docs/assess.md, the example statement, as the
// command writes it.
func TestAssessDoc(t *testing.T) {
	_, out, _ := atflint(t, "assess", "--date", "2026-12-04", "--organization", "ACME", "--link-prefix", "../", "examples/invoice-triage")
	golden.Check(t, filepath.Join("docs", "assess.md"), []byte(out))
}

func TestAssessJSONAndAgents(t *testing.T) {
	code, out, _ := atflint(t, "assess", "--format", "json", "--no-go", "testdata/cli/mixed")
	var doc struct {
		Version    int
		Statements []struct {
			Manifest string
			Elements []struct{ Met, Of int }
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	// One statement per agent, the one that does not parse included.
	if code != ExitClean || doc.Version != 1 || len(doc.Statements) != 4 || len(doc.Statements[0].Elements) != 5 || doc.Statements[0].Elements[0].Of != 5 {
		t.Errorf("exit %d: %+v", code, doc)
	}
}

func TestAssessBadInput(t *testing.T) {
	dir := t.TempDir()
	if err := writeFile(filepath.Join(dir, "v.atf.yaml"), "atf: \"1.0\"\nagent: {id: urn:acme:agent:a, level: junior}\n"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{t.TempDir()}, "no ATF manifest"},
		{[]string{dir}, `ATF version "1.0" is not one atflint assesses against; it knows 0.9, 0.9.0, 0.9.1`},
		{[]string{"--target-level", "boss", dir}, `--target-level "boss"`},
		{[]string{"--fail-under", "x", dir}, `--fail-under "x"`},
		{[]string{"--date", "04/12/2026", dir}, "want YYYY-MM-DD"},
		{[]string{"--format", "pdf", dir}, "want markdown or json"},
	} {
		code, out, errOut := atflint(t, append([]string{"assess", "--no-go"}, tc.args...)...)
		if code != ExitUsage || out != "" || !strings.Contains(errOut, tc.want) {
			t.Errorf("assess %q: exit %d, stdout %q, stderr %q; want 2 and %q", tc.args, code, out, errOut, tc.want)
		}
	}
}

// TestAssessCodeEvidence: a control the manifest declares is met with the
// Go code that implements it cited, and not evidenced where the code
// shows no sign of it.
func TestAssessCodeEvidence(t *testing.T) {
	dir := t.TempDir()
	manifest := strings.Replace(baselineManifest, "  level: intern\n", "  level: intern\n  code: [\"./...\"]\n", 1) +
		"  logging: {format: json}\nsegmentation: {rateLimit: 10/min}\nincident: {killSwitch: {method: signal, maxLatency: 100ms}}\n"
	for name, text := range map[string]string{
		"bot.atf.yaml": manifest,
		"go.mod":       "module example.com/bot\n\ngo 1.26\n",
		"main.go":      "package main\n\nimport (\n\t\"context\"\n\t\"log/slog\"\n\t\"os\"\n\t\"os/signal\"\n)\n\nfunc main() {\n\tctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)\n\tdefer stop()\n\tslog.InfoContext(ctx, \"ready\")\n}\n",
	} {
		if err := writeFile(filepath.Join(dir, name), text); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := atflintIn(t, dir, "assess", "--format", "json", ".")
	if code != ExitClean {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		Statements []struct {
			Requirements []struct {
				ID, Status string
				Evidence   []struct {
					File, What string
					Line       int
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range doc.Statements[0].Requirements {
		got[r.ID] = r.Status
		for _, e := range r.Evidence {
			if strings.HasPrefix(e.What, "in code: ") {
				got[r.ID] += " " + e.File + ":" + strconv.Itoa(e.Line) + " " + strings.TrimPrefix(e.What, "in code: ")
			}
		}
	}
	for id, want := range map[string]string{
		"B-1": "met main.go:13 log/slog.InfoContext",
		"R-2": "met main.go:11 os/signal.NotifyContext",
		"S-3": "not evidenced",
	} {
		if got[id] != want {
			t.Errorf("%s: %q, want %q", id, got[id], want)
		}
	}
}

// TestAssessNotAnalyzed: a Go package that does not load is named in the
// statement's notes, and the run ends with exit code 2.
func TestAssessNotAnalyzed(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"bot.atf.yaml": baselineManifest,
		"go.mod":       "module example.com/bot\n\ngo 1.26\n",
		"main.go":      "package main\n\nfunc main() { undefined() }\n",
	} {
		if err := writeFile(filepath.Join(dir, name), text); err != nil {
			t.Fatal(err)
		}
	}
	code, out, _ := atflintIn(t, dir, "assess", ".")
	if code != ExitUsage || !strings.Contains(out, "Not analyzed, so not judged from: cannot analyze Go package example.com/bot") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}
