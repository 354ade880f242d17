package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// baselineManifest has three findings: an id that is no URN, a tool that
// writes at intern level, and a misspelt key.
const baselineManifest = `atf: "0.9"
agent:
  id: support-bot
  purpose: Answer customer questions.
  level: intern
  owner: {team: support-tools, contact: support@acme.example, accountable: ana@acme.example}
tools:
  - name: close_ticket
    actions: [write]
behavior:
  atribution: true
`

func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	manifest := filepath.Join(dir, "bot.atf.yaml")
	write := func(text string) {
		t.Helper()
		if err := os.WriteFile(manifest, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(baselineManifest)
	code, before, _ := atflintIn(t, dir, "check", "--format", "json", ".")
	if code != ExitFindings {
		t.Fatalf("before the baseline: exit %d, want %d", code, ExitFindings)
	}
	code, out, errOut := atflintIn(t, dir, "check", "--write-baseline", "atflint-baseline.json", ".")
	if code != ExitClean || out != "" || !strings.Contains(errOut, "wrote atflint-baseline.json: ") {
		t.Fatalf("--write-baseline: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	data, err := os.ReadFile(filepath.Join(dir, "atflint-baseline.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(before, `"fingerprint"`) || strings.Count(string(data), `"fingerprint"`) < 3 {
		t.Fatalf("fingerprints missing from the JSON output or the baseline:\n%s", data)
	}

	// Lines shift and the spacing changes: still the same findings.
	shifted := "# the support bot\n\n" + strings.NewReplacer("id: support-bot", "id:   support-bot  ", "actions: [write]", "actions: [ write ]", "  atribution", "  atribution ").Replace(baselineManifest)
	write(shifted)
	code, out, errOut = atflintIn(t, dir, "check", "--baseline", "atflint-baseline.json", ".")
	if code != ExitClean || out != "" {
		t.Fatalf("after a line shift and a reformat: exit %d, stdout:\n%s\nstderr: %s", code, out, errOut)
	}

	// A new finding is reported alone; a fixed one is counted as stale.
	write(strings.Replace(shifted, "atribution ", "attribution", 1) + "  logg: {format: json}\n")
	code, out, errOut = atflintIn(t, dir, "check", "--baseline", "atflint-baseline.json", ".")
	if code != ExitFindings || strings.Count(out, "\n") != 1 || !strings.Contains(out, `unknown key "logg"`) {
		t.Errorf("a new finding: exit %d, stdout:\n%s", code, out)
	}
	if !strings.Contains(errOut, "2 findings of baseline atflint-baseline.json no longer found") {
		t.Errorf("the fixed unknown-key and its missing-control are not reported stale; stderr: %s", errOut)
	}
}

func TestBaselineErrors(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bot.atf.yaml"), []byte(baselineManifest), 0o644); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"corrupt.json": `{"atflintBaseline": 1, "findings": [`,
		"old.json":     `{"atflintBaseline": 0, "findings": []}`,
		"partial.json": `{"atflintBaseline": 1, "findings": [{"rule": "unknown-key", "file": "bot.atf.yaml"}]}`,
		"other.json":   `{"version": 1, "findings": []}`,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	checkUsageErrors(t, dir, []usageCase{
		{[]string{"--baseline", "corrupt.json"}, "baseline corrupt.json is not a baseline atflint wrote"},
		{[]string{"--baseline", "old.json"}, "has format version 0, and this atflint reads version 1"},
		{[]string{"--baseline", "partial.json"}, "finding 1 lacks its rule, file or fingerprint"},
		{[]string{"--baseline", "other.json"}, "is not a baseline atflint wrote"},
		{[]string{"--baseline", "missing.json"}, "baseline missing.json does not exist; write one with --write-baseline missing.json"},
		{[]string{"--baseline", "old.json", "--write-baseline", "new.json"}, "give one of them"},
		{[]string{"--write-baseline", "no/such/dir/b.json"}, "writing baseline no/such/dir/b.json"},
	})
	if _, err := os.Stat(filepath.Join(dir, "new.json")); err == nil {
		t.Error("a refused run wrote a baseline")
	}
}

// A usageCase is flags check must refuse with exit code 2 and a message.
type usageCase struct {
	args []string
	want string
}

// checkUsageErrors runs check on dir with each case's flags.
func checkUsageErrors(t *testing.T, dir string, cases []usageCase) {
	t.Helper()
	for _, tc := range cases {
		code, out, errOut := atflintIn(t, dir, append(append([]string{"check"}, tc.args...), ".")...)
		if code != ExitUsage || out != "" || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and %q", tc.args, code, out, errOut, tc.want)
		}
	}
}

// TestIgnoreByFingerprint: strict JSON has no comments, so the
// configuration ignores a finding there by its fingerprint, which
// survives the lines moving and re-indenting.
func TestIgnoreByFingerprint(t *testing.T) {
	dir := t.TempDir()
	const config = "{\"mcpServers\": {\n\"fs\": {\"command\": \"npx\", \"args\": [\"-y\", \"@modelcontextprotocol/server-filesystem\"]}\n}}\n"
	if err := writeFile(filepath.Join(dir, ".mcp.json"), config); err != nil {
		t.Fatal(err)
	}
	_, out, _ := atflintIn(t, dir, "check", "--format", "json", ".")
	var report struct {
		Findings []struct{ Rule, Fingerprint string }
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil || len(report.Findings) == 0 {
		t.Fatalf("no findings to ignore (%v):\n%s", err, out)
	}
	var ignores strings.Builder
	ignores.WriteString("rules:\n")
	for _, f := range report.Findings {
		fmt.Fprintf(&ignores, "  %s: {ignore: ['.mcp.json#%s']}\n", f.Rule, f.Fingerprint)
	}
	if err := writeFile(filepath.Join(dir, ".atflint.yaml"), ignores.String()); err != nil {
		t.Fatal(err)
	}
	if err := writeFile(filepath.Join(dir, ".mcp.json"), "\n\n"+strings.ReplaceAll(config, "\n\"fs\"", "\n    \"fs\" ")); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := atflintIn(t, dir, "check", "."); code != ExitClean || out != "" {
		t.Errorf("ignored by fingerprint after a line shift: exit %d, stdout:\n%s\nstderr: %s", code, out, errOut)
	}
	if err := writeFile(filepath.Join(dir, ".mcp.json"), `{"mcpServers": {}}`); err != nil {
		t.Fatal(err)
	}
	if _, out, _ := atflintIn(t, dir, "check", "."); !strings.Contains(out, "hides no finding; remove it [unused-suppression]") {
		t.Errorf("a fingerprint that matches nothing is not reported:\n%s", out)
	}
}

// TestIncludeSuppressed hides one finding of baselineManifest each way (a
// comment, a configuration ignore, the baseline) and checks that
// --include-suppressed shows each, marked with why, in SARIF and JSON.
func TestIncludeSuppressed(t *testing.T) {
	dir := t.TempDir()
	manifest := strings.Replace(baselineManifest, "  id: support-bot\n", "  id: support-bot # atflint:ignore[missing-identity] renamed in the next release\n", 1)
	for name, text := range map[string]string{
		"bot.atf.yaml":  manifest,
		".atflint.yaml": "rules:\n  unknown-key:\n    ignore: [bot.atf.yaml]\n",
	} {
		if err := writeFile(filepath.Join(dir, name), text); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, errOut := atflintIn(t, dir, "check", "--write-baseline", "base.json", "."); code != ExitClean {
		t.Fatalf("write-baseline: exit %d: %s", code, errOut)
	}
	code, plain, _ := atflintIn(t, dir, "check", "--baseline", "base.json", "--format", "json", ".")
	if code != ExitClean || strings.Contains(plain, `"rule"`) {
		t.Fatalf("everything is hidden: exit %d:\n%s", code, plain)
	}
	code, out, errOut := atflintIn(t, dir, "check", "--baseline", "base.json", "--format", "sarif", "--include-suppressed", ".")
	if code != ExitClean {
		t.Fatalf("suppressed findings must not fail the run: exit %d: %s", code, errOut)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID       string `json:"ruleId"`
				Suppressions []struct{ Kind, Justification string }
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range log.Runs[0].Results {
		if len(r.Suppressions) != 1 {
			t.Errorf("%s: suppressions %+v", r.RuleID, r.Suppressions)
			continue
		}
		got[r.RuleID] = r.Suppressions[0].Kind + ": " + r.Suppressions[0].Justification
	}
	want := map[string]string{
		"missing-identity": "inSource: renamed in the next release",
		"unknown-key":      `external: ignored by .atflint.yaml:3 (rules.unknown-key.ignore "bot.atf.yaml")`,
		"level-mismatch":   "external: recorded in the baseline base.json",
	}
	for rule, w := range want {
		if got[rule] != w {
			t.Errorf("%s: %q, want %q", rule, got[rule], w)
		}
	}
	_, js, _ := atflintIn(t, dir, "check", "--baseline", "base.json", "--format", "json", "--include-suppressed", ".")
	if !strings.Contains(js, `"suppression": {`) || !strings.Contains(js, `"kind": "inSource"`) {
		t.Errorf("JSON does not mark the suppressed:\n%s", js)
	}
	if code, _, errOut := atflintIn(t, dir, "check", "--include-suppressed", "."); code != ExitUsage || !strings.Contains(errOut, "--format sarif or json") {
		t.Errorf("text with --include-suppressed: exit %d, %s", code, errOut)
	}
}

// TestSARIFFingerprintsStay: lines inserted above the findings move them,
// and code scanning still tracks each by the same partialFingerprints.
func TestSARIFFingerprintsStay(t *testing.T) {
	dir := t.TempDir()
	prints := func(text string) map[string]string {
		t.Helper()
		if err := writeFile(filepath.Join(dir, "bot.atf.yaml"), text); err != nil {
			t.Fatal(err)
		}
		_, out, _ := atflintIn(t, dir, "check", "--format", "sarif", ".")
		var log struct {
			Runs []struct {
				Results []struct {
					RuleID              string            `json:"ruleId"`
					PartialFingerprints map[string]string `json:"partialFingerprints"`
					Locations           []struct {
						PhysicalLocation struct {
							Region struct{ StartLine int } `json:"region"`
						} `json:"physicalLocation"`
					} `json:"locations"`
				}
			}
		}
		if err := json.Unmarshal([]byte(out), &log); err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, r := range log.Runs[0].Results {
			got[fmt.Sprintf("%s@%d", r.RuleID, r.Locations[0].PhysicalLocation.Region.StartLine)] = r.PartialFingerprints["atflintFingerprint/v1"]
		}
		return got
	}
	before := prints(baselineManifest)
	after := prints("# a comment\n# and another\n" + baselineManifest)
	if len(before) == 0 || len(before) != len(after) {
		t.Fatalf("before %v, after %v", before, after)
	}
	for k, fp := range before {
		rule, at, _ := strings.Cut(k, "@")
		var line int
		fmt.Sscan(at, &line)
		if moved := after[fmt.Sprintf("%s@%d", rule, line+2)]; moved != fp || fp == "" {
			t.Errorf("%s at line %d: fingerprint %q, %q two lines down", rule, line, fp, moved)
		}
	}
}
