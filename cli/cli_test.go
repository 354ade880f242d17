package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/atflint/atflint/internal/golden"
	"github.com/atflint/atflint/internal/sarifcheck"
)

// root is the repository root; tests run atflint from there, as a user would.
var root, _ = filepath.Abs("..")

// atflint runs the command in-process from the repository root.
func atflint(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return atflintIn(t, root, args...)
}

// atflintIn runs the command in-process from dir.
func atflintIn(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	t.Chdir(dir)
	var out, errOut bytes.Buffer
	code = Main(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestCheckClean(t *testing.T) {
	code, out, errOut := atflint(t, "check", "testdata/cli/clean")
	if code != ExitClean || out != "" {
		t.Errorf("exit %d, stdout %q; want 0 and nothing", code, out)
	}
	if errOut != "atflint: 1 file checked, no findings\n" {
		t.Errorf("stderr = %q", errOut)
	}
}

func TestCheckText(t *testing.T) {
	code, out, errOut := atflint(t, "check", "testdata/cli/mixed")
	if code != ExitFindings {
		t.Errorf("exit %d, want %d", code, ExitFindings)
	}
	golden.Check(t, "testdata/cli/mixed.txt", []byte(out))
	if !strings.HasPrefix(errOut, "atflint: 4 files checked, ") {
		t.Errorf("stderr = %q", errOut)
	}
}

func TestCheckJSON(t *testing.T) {
	// Flags may follow the paths.
	code, out, errOut := atflint(t, "check", "testdata/cli/mixed", "--format", "json", "--min-severity=note")
	if code != ExitFindings || errOut != "" {
		t.Errorf("exit %d, stderr %q; want 1 and nothing", code, errOut)
	}
	golden.Check(t, "testdata/cli/mixed.json", []byte(out))
	var report struct {
		Version  int `json:"version"`
		Findings []struct {
			Rule, Severity, Message, File    string
			Line, Column, EndLine, EndColumn int
			ATF                              []string
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatal(err)
	}
	if report.Version != 1 || len(report.Findings) == 0 {
		t.Fatalf("version %d with %d findings", report.Version, len(report.Findings))
	}
	for _, f := range report.Findings {
		if f.Rule == "" || f.File == "" || f.Line < 1 || f.Column < 1 || f.EndLine < f.Line || len(f.ATF) == 0 {
			t.Errorf("incomplete finding %+v", f)
		}
	}
}

func TestCheckJSONEmpty(t *testing.T) {
	code, out, _ := atflint(t, "check", "--format=json", "testdata/cli/clean")
	if code != ExitClean || out != "{\n  \"version\": 1,\n  \"findings\": [],\n  \"files\": 1,\n  \"packages\": 0,\n  \"not_analysed\": []\n}\n" {
		t.Errorf("exit %d, output %q", code, out)
	}
}

func TestMinSeverity(t *testing.T) {
	// The clean senior manifest has no notes; the intern one has one.
	code, out, _ := atflint(t, "check", "--min-severity", "note", "rules/testdata/levels/intern.atf.yaml")
	if code != ExitFindings || !strings.Contains(out, ": note: ") {
		t.Errorf("--min-severity note: exit %d, output %q", code, out)
	}
	code, out, _ = atflint(t, "check", "rules/testdata/levels/intern.atf.yaml")
	if code != ExitClean || out != "" {
		t.Errorf("default min severity: exit %d, output %q; notes are below it", code, out)
	}
	code, _, _ = atflint(t, "check", "--min-severity", "error", "rules/testdata/slow-kill-switch/no-latency.atf.yaml")
	if code != ExitClean {
		t.Errorf("--min-severity error with only a warning: exit %d, want 0", code)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"lint"},
		{"check", "--format", "xml", "."},
		{"check", "--min-severity", "fatal"},
		{"check", "--no-such-flag"},
		{"check", "does/not/exist"},
		{"explain"},
		{"explain", "unknwon-key"},
		{"rules", "extra"},
		{"schema", "extra"},
	} {
		code, out, errOut := atflint(t, args...)
		if code != ExitUsage || out != "" || errOut == "" {
			t.Errorf("atflint %q: exit %d, stdout %q, stderr %q; want 2 and a message", args, code, out, errOut)
		}
	}
	_, _, errOut := atflint(t, "explain", "unknwon-key")
	if !strings.Contains(errOut, `did you mean "unknown-key"?`) {
		t.Errorf("no suggestion in %q", errOut)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestInternalError(t *testing.T) {
	t.Chdir(root)
	var errOut bytes.Buffer
	code := Main([]string{"check", "testdata/cli/mixed"}, strings.NewReader(""), failingWriter{}, &errOut)
	if code != ExitInternal || !strings.Contains(errOut.String(), "disk full") {
		t.Errorf("exit %d, stderr %q; want 3 and the write error", code, errOut.String())
	}
}

func TestInfoCommands(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"rules"}, "missing-identity"},
		{[]string{"explain", "missing-control"}, "| D-3 | PII/PHI Protection |"},
		{[]string{"schema"}, `"$schema": "https://json-schema.org/draft/2020-12/schema"`},
		{[]string{"schema", "--cue"}, "#Manifest: {"},
		{[]string{"version"}, "atflint "},
		{[]string{"help"}, "Exit codes"},
		{[]string{"check", "-h"}, "--write-baseline FILE"},
		{[]string{"schema", "--config"}, `"title": "atflint configuration"`},
	} {
		code, out, _ := atflint(t, tc.args...)
		if code != ExitClean || !strings.Contains(out, tc.want) {
			t.Errorf("atflint %q: exit %d; want 0 and output with %q", tc.args, code, tc.want)
		}
	}
}

func TestCheckSARIF(t *testing.T) {
	code, out, errOut := atflint(t, "check", "--format", "sarif", "testdata/cli/mixed")
	if code != ExitClean || errOut != "" {
		t.Errorf("exit %d, stderr %q; findings alone exit 0 with SARIF", code, errOut)
	}
	sarifcheck.Validate(t, []byte(out))
	golden.Check(t, "testdata/cli/mixed.sarif", []byte(out))

	// Byte for byte the same on every run, whatever the parallelism.
	for _, procs := range []int{1, 4} {
		old := runtime.GOMAXPROCS(procs)
		_, again, _ := atflint(t, "check", "--format", "sarif", "testdata/cli/mixed")
		runtime.GOMAXPROCS(old)
		if again != out {
			t.Errorf("GOMAXPROCS=%d changed the SARIF", procs)
		}
	}
	if code, _, _ := atflint(t, "check", "--format", "sarif", "--fail-on", "error", "testdata/cli/mixed"); code != ExitFindings {
		t.Errorf("--fail-on error: exit %d, want 1", code)
	}
}

func TestCheckSummary(t *testing.T) {
	code, out, _ := atflint(t, "check", "--format", "summary", "testdata/cli/mixed")
	if code != ExitFindings {
		t.Errorf("exit %d, want 1", code)
	}
	golden.Check(t, "testdata/cli/mixed.summary.md", []byte(out))
}

func TestCheckSARIFOutsideRoot(t *testing.T) {
	t.Chdir(root)
	t.Chdir("testdata")
	var out, errOut bytes.Buffer
	code := Main([]string{"check", "--format", "sarif", "../examples/insecure"}, strings.NewReader(""), &out, &errOut)
	if code != ExitUsage || out.Len() != 0 || !strings.Contains(errOut.String(), "outside the working directory") {
		t.Errorf("exit %d, stderr %q; want a refusal", code, errOut.String())
	}
}

func TestCheckGitHub(t *testing.T) {
	code, out, _ := atflint(t, "check", "--format", "github", "testdata/cli/mixed")
	if code != ExitFindings {
		t.Errorf("exit %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	for _, line := range lines[:len(lines)-1] {
		if !strings.HasPrefix(line, "::error file=testdata/cli/mixed/") && !strings.HasPrefix(line, "::warning file=testdata/cli/mixed/") {
			t.Errorf("not an annotation: %q", line)
		}
	}
	// More than GitHub shows: the last says how many were left out.
	if last := lines[len(lines)-1]; len(lines) != 21 || !strings.HasPrefix(last, "::notice title=atflint::") || !strings.Contains(last, "more findings not shown") {
		t.Errorf("%d lines, the last %q", len(lines), last)
	}
}

func TestFailOnNever(t *testing.T) {
	if code, out, _ := atflint(t, "check", "--fail-on", "never", "examples/insecure"); code != ExitClean || out == "" {
		t.Errorf("--fail-on never: exit %d; want 0 with the findings shown", code)
	}
	// A card with a warning and no error: the warning is not shown, so it
	// does not fail the run.
	dir := t.TempDir()
	card := `{"name": "x", "url": "https://x.example/a2a", "skills": [], "capabilities": {},
		"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}, "security": [{"bearer": []}]}`
	if err := os.WriteFile(filepath.Join(dir, "agent-card.json"), []byte(card), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := atflint(t, "check", "--no-go", "--fail-on", "warning", dir); code != ExitFindings {
		t.Errorf("the card has no warning to test with: exit %d", code)
	}
	if code, out, _ := atflint(t, "check", "--no-go", "--min-severity", "error", "--fail-on", "warning", dir); code != ExitClean {
		t.Errorf("--fail-on below --min-severity: exit %d on %q; want 0, nothing shown", code, out)
	}
}

func TestLevelFlag(t *testing.T) {
	// The manifest declares no level: only with --level do the level's
	// requirements apply.
	_, out, _ := atflint(t, "check", "testdata/cli/nolevel")
	if strings.Contains(out, "missing-control") {
		t.Errorf("without --level: %s", out)
	}
	_, out, _ = atflint(t, "check", "--level", "principal", "testdata/cli/nolevel")
	if !strings.Contains(out, "ATF makes it a MUST at principal [missing-control]") {
		t.Errorf("with --level principal: %s", out)
	}
	if code, _, _ := atflint(t, "check", "--level", "boss", "testdata/cli/nolevel"); code != ExitUsage {
		t.Errorf("--level boss: exit %d, want 2", code)
	}
}

func TestConfig(t *testing.T) {
	code, out, errOut := atflint(t, "check", "--config", "testdata/cli/config/atflint.yaml", "examples/insecure")
	if code != ExitFindings {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.Contains(out, "[unknown-key]") || strings.Contains(out, "[inline-secret]") || strings.Contains(out, "slow-kill-switch") {
		t.Errorf("disabled or ignored findings shown:\n%s", out)
	}
	if !strings.Contains(out, "warning: tool \"close_ticket\" can write, but an intern agent is read-only [level-mismatch]") {
		t.Errorf("severity not remapped:\n%s", out)
	}
	code, _, errOut = atflint(t, "check", "--config", "testdata/cli/config/bad.yaml", "examples/insecure")
	if code != ExitUsage || !strings.Contains(errOut, `testdata/cli/config/bad.yaml:3:3: unknown key "unknwon-key" in rules; did you mean "unknown-key"?`) {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if code, _, errOut := atflint(t, "check", "--config", "testdata/cli/config/missing.yaml", "examples"); code != ExitUsage || !strings.Contains(errOut, "--config testdata/cli/config/missing.yaml: no such file") {
		t.Errorf("a missing config: exit %d, stderr %q; want 2 and what is missing", code, errOut)
	}
	// The configuration's min-severity and fail-on are defaults; flags win.
	dir := t.TempDir()
	if err := writeFile(filepath.Join(dir, ".atflint.yaml"), "min-severity: error\nfail-on: never\n"); err != nil {
		t.Fatal(err)
	}
	if err := writeFile(filepath.Join(dir, "bot.atf.yaml"), baselineManifest); err != nil {
		t.Fatal(err)
	}
	code, out, _ = atflintIn(t, dir, "check", ".")
	if code != ExitClean || strings.Contains(out, "warning:") || !strings.Contains(out, "error:") {
		t.Errorf("with min-severity error and fail-on never: exit %d, stdout:\n%s", code, out)
	}
	if code, out, _ = atflintIn(t, dir, "check", "--fail-on", "warning", "--min-severity", "warning", "."); code != ExitFindings || !strings.Contains(out, "warning:") {
		t.Errorf("flags over the configuration: exit %d, stdout:\n%s", code, out)
	}
	// extends: a shared file's settings, with this file's over them.
	if err := writeFile(filepath.Join(dir, "org", "shared.yaml"), "min-severity: error\nrules:\n  level-mismatch: {disable: true}\n"); err != nil {
		t.Fatal(err)
	}
	if err := writeFile(filepath.Join(dir, ".atflint.yaml"), "extends: org/shared.yaml\nfail-on: never\n"); err != nil {
		t.Fatal(err)
	}
	if code, out, _ = atflintIn(t, dir, "check", "."); code != ExitClean || strings.Contains(out, "warning:") || strings.Contains(out, "[level-mismatch]") || !strings.Contains(out, "[missing-identity]") {
		t.Errorf("with a shared configuration: exit %d, stdout:\n%s", code, out)
	}
	if err := writeFile(filepath.Join(dir, "org", "shared.yaml"), "extends: ../.atflint.yaml\n"); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := atflintIn(t, dir, "check", "."); code != ExitUsage || !strings.Contains(errOut, "extends itself") {
		t.Errorf("an extends cycle: exit %d, stderr %q", code, errOut)
	}
	// An override's level serves the files it matches that declare none.
	if err := writeFile(filepath.Join(dir, ".atflint.yaml"), "level: senior\noverrides:\n  - {paths: ['*.atf.yaml'], level: intern}\n"); err != nil {
		t.Fatal(err)
	}
	if err := writeFile(filepath.Join(dir, "bot.atf.yaml"), strings.Replace(baselineManifest, "  level: intern\n", "", 1)); err != nil {
		t.Fatal(err)
	}
	if _, out, _ = atflintIn(t, dir, "check", "."); !strings.Contains(out, "but an intern agent is read-only [level-mismatch]") {
		t.Errorf("the override's level is not used:\n%s", out)
	}
}

func TestSources(t *testing.T) {
	// Listed under sources: the manifest carries the config's controls.
	_, out, _ := atflint(t, "check", "--no-go", "testdata/cli/sources")
	if strings.Contains(out, "missing-control") || !strings.Contains(out, "[unpinned-server]") {
		t.Errorf("with the manifest:\n%s", out)
	}
	// Alone, with a level, the config is held to the matrix itself.
	_, out, _ = atflint(t, "check", "--no-go", "--level", "junior", "--format", "json", "testdata/cli/sources/.mcp.json")
	if !strings.Contains(out, "B-1 Structured Logging is not declared in this file; ATF makes it a MUST at junior") {
		t.Errorf("alone at junior:\n%s", out)
	}
	// Alone, with no level, only the pattern rules apply.
	_, out, _ = atflint(t, "check", "--no-go", "testdata/cli/sources/.mcp.json")
	if strings.Contains(out, "missing-control") {
		t.Errorf("alone with no level:\n%s", out)
	}
}

func TestSourcesResolve(t *testing.T) {
	dir := t.TempDir()
	manifest, err := os.ReadFile(filepath.Join(root, "testdata/cli/sources/agent.atf.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	manifest = bytes.Replace(manifest, []byte("sources: [.mcp.json]"), []byte("sources: [cfg/**/*.json, cfg, missing.json, agent.atf.yaml]"), 1)
	mcp, err := os.ReadFile(filepath.Join(root, "testdata/cli/sources/.mcp.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "cfg"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"agent.atf.yaml": manifest, "cfg/mcp.json": mcp} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, out, _ := atflint(t, "check", "--no-go", dir)
	// The pattern gives the config the manifest's level; the folder and the
	// missing file are reported where they are listed.
	for _, want := range []string{
		`sources: "cfg" names a folder`,
		`sources: "missing.json" names no file`,
		`sources: "agent.atf.yaml" names this manifest`,
		"[unpinned-server]",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	if strings.Contains(out, "[missing-control]") {
		t.Errorf("the config matched by the pattern is held to the matrix itself:\n%s", out)
	}

	// Under another name, a manifest is read too late to give its sources
	// their level, and says so.
	if err := os.Rename(filepath.Join(dir, "agent.atf.yaml"), filepath.Join(dir, "agent.yaml")); err != nil {
		t.Fatal(err)
	}
	_, out, _ = atflint(t, "check", "--no-go", dir)
	if !strings.Contains(out, "only a manifest named *.atf.yaml") {
		t.Errorf("a misnamed manifest with sources:\n%s", out)
	}
}

func TestNamedFiles(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "agent.yaml")
	if err := os.WriteFile(broken, []byte("atf: \"0.9\"\nagent: {id: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "notes.json")
	if err := os.WriteFile(other, []byte(`{"title": "notes"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	// Named on the command line, a file that does not parse is a finding;
	// one that parses but holds no format is said to be left unchecked.
	code, out, errOut := atflint(t, "check", "--no-go", broken, other)
	if code != ExitFindings || !strings.Contains(out, "[invalid-manifest]") {
		t.Errorf("exit %d, stdout:\n%s", code, out)
	}
	if !strings.Contains(errOut, "notes.json is neither an ATF manifest nor an agent config") {
		t.Errorf("stderr: %s", errOut)
	}
	// Found in a walk, neither is any of atflint's business.
	code, out, _ = atflint(t, "check", "--no-go", dir)
	if code != ExitClean || strings.Contains(out, "agent.yaml") {
		t.Errorf("walked: exit %d, stdout:\n%s", code, out)
	}
}

// An atflint:ignore comment hides its finding from check; --no-ignores
// shows it, and the config's ignores, again.
func TestSuppressions(t *testing.T) {
	dir := t.TempDir()
	manifest := "atf: \"0.9\"\nagent:\n  id: urn:acme:agent:triage\n  level: intern\n  Team: x # atflint:ignore[unknown-key] read by our portal\n  Desk: y\n"
	if err := os.WriteFile(filepath.Join(dir, "a.atf.yaml"), []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(root, filepath.Join(dir, "a.atf.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	config := "rules:\n  unknown-key:\n    ignore: [\"" + filepath.ToSlash(rel) + ":6\"]\n"
	if err := os.WriteFile(filepath.Join(dir, "atflint.yaml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ := atflint(t, "check", "--no-go", "--config", filepath.Join(dir, "atflint.yaml"), dir)
	if strings.Contains(out, "unknown-key") {
		t.Errorf("suppressed findings shown:\n%s", out)
	}
	_, out, _ = atflint(t, "check", "--no-go", "--no-ignores", "--config", filepath.Join(dir, "atflint.yaml"), dir)
	if n := strings.Count(out, "[unknown-key]"); n != 2 {
		t.Errorf("--no-ignores shows %d unknown-key findings, want 2:\n%s", n, out)
	}
}

// TestHelp: every command has help, through help COMMAND and --help alike.
func TestHelp(t *testing.T) {
	for cmd, text := range commandHelp {
		code, out, _ := atflint(t, "help", cmd)
		if code != ExitClean || out != text || !strings.HasPrefix(out, "Usage: atflint "+cmd) {
			t.Errorf("help %s: exit %d, stdout %q", cmd, code, out)
		}
		if cmd == "help" || cmd == "version" || cmd == "rules" || cmd == "explain" {
			continue // no flag set of their own
		}
		if code, out, _ := atflint(t, cmd, "--help"); code != ExitClean || out != text {
			t.Errorf("%s --help: exit %d, stdout %q", cmd, code, out)
		}
	}
	code, _, errOut := atflint(t, "check", "--min-severty", "note", "examples/invoice-triage")
	if code != ExitUsage || !strings.Contains(errOut, "check: unknown flag --min-severty; did you mean --min-severity?") {
		t.Errorf("a mistyped flag: exit %d, stderr %q", code, errOut)
	}
	code, _, errOut = atflint(t, "help", "inventroy")
	if code != ExitUsage || !strings.Contains(errOut, `did you mean "inventory"?`) {
		t.Errorf("help of a mistyped command: exit %d, stderr %q", code, errOut)
	}
	code, out, _ := atflint(t, "explain", "S-2")
	if code != ExitClean || !strings.HasPrefix(out, "S-2 Action Boundaries") || !strings.Contains(out, "  level-mismatch ") || strings.Contains(out, "  inline-secret ") {
		t.Errorf("explain S-2: exit %d, stdout:\n%s", code, out)
	}
}

// TestVerbose: --verbose names every file read, with its format, and
// every file and directory passed over, with why.
func TestVerbose(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"bot.atf.yaml":            baselineManifest,
		"package.json":            `{"name": "x"}`,
		".vscode/mcp.json":        `{"servers": {"a": {"command": "uvx", "args": ["a==1.0"]}}}`,
		"node_modules/x/mcp.json": `{}`,
	} {
		if err := writeFile(filepath.Join(dir, name), text); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("/etc/hostname", filepath.Join(dir, "mcp.json")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	_, _, errOut := atflintIn(t, dir, "check", "--verbose", ".")
	want := `atflint: .vscode/mcp.json: read as mcp-client
atflint: bot.atf.yaml: read as atf-manifest
atflint: mcp.json: skipped: a link to a file outside the tree walked
atflint: node_modules: skipped: a directory of node_modules, never walked
atflint: package.json: skipped: neither an ATF manifest nor an agent config atflint reads
`
	if !strings.HasPrefix(errOut, want) {
		t.Errorf("stderr:\n%s\nwant it to start with\n%s", errOut, want)
	}
}

func TestOutputFiles(t *testing.T) {
	dir := t.TempDir()
	sarifPath, summaryPath := filepath.Join(dir, "out.sarif"), filepath.Join(dir, "summary.md")
	code, out, errOut := atflint(t, "check", "--format", "github", "--output", "sarif="+sarifPath, "--output", "summary="+summaryPath, "testdata/cli/mixed")
	if code != ExitFindings || !strings.HasPrefix(out, "::error ") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	_, wantSARIF, _ := atflint(t, "check", "--format", "sarif", "testdata/cli/mixed")
	_, wantSummary, _ := atflint(t, "check", "--format", "summary", "testdata/cli/mixed")
	for path, want := range map[string]string{sarifPath: wantSARIF, summaryPath: wantSummary} {
		got, err := os.ReadFile(path)
		if err != nil || string(got) != want {
			t.Errorf("%s differs from its --format run (%v)", path, err)
		}
	}
	checkUsageErrors(t, filepath.Join(root, "testdata", "cli", "clean"), []usageCase{
		{[]string{"--output", "sarif"}, "want FORMAT=FILE"},
		{[]string{"--output", "pdf=x.pdf"}, `format "pdf"`},
		{[]string{"--output", "sarif=" + filepath.Join(dir, "no", "such", "dir", "x.sarif")}, "--output sarif="},
	})
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("files left behind: %v", entries)
	}
}

// TestBuild: what atflint version says, and the ref rule pages are
// linked at, for each way atflint is built.
func TestBuild(t *testing.T) {
	const sha = "0123456789abcdef0123456789abcdef01234567"
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	for _, tc := range []struct {
		name              string
		bi                *debug.BuildInfo
		version, commit   string
		wantSays, wantRef string
	}{
		{"go install of a tag", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, "", "", "atflint v1.2.3 (the commit of tag v1.2.3; ", "v1.2.3"},
		{"go install of a commit", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.4-0.20261204191432-090d90bc33bb"}}, "", "", "atflint v1.2.4-0.20261204191432-090d90bc33bb (commit 090d90bc33bb; ", "090d90bc33bb"},
		{"a clone", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(sha, "false")}, "", "", "atflint devel (commit " + sha + "; ", sha},
		{"a clone with changes", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(sha, "true")}, "", "", "atflint devel (commit " + sha + ", modified; ", ""},
		{"the release build", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "v1.3.0", sha, "atflint v1.3.0 (commit " + sha + "; ", sha},
		{"the Action at a branch", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "main", "", "atflint main (commit unknown; ", "main"},
		{"no build info", nil, "", "", "atflint devel (commit unknown; ", ""},
	} {
		b := buildFrom(tc.bi, tc.version, tc.commit)
		if says := b.String(); !strings.HasPrefix(says, tc.wantSays) || !strings.HasSuffix(says, runtime.GOOS+"/"+runtime.GOARCH+")") {
			t.Errorf("%s: %q, want %q...", tc.name, says, tc.wantSays)
		}
		if ref := b.ref(); ref != tc.wantRef {
			t.Errorf("%s: ref %q, want %q", tc.name, ref, tc.wantRef)
		}
	}
}

// TestNamedFormats: Claude Code settings saved under another name are
// checked when named on the command line, or with their $schema, or
// with --as.
func TestNamedFormats(t *testing.T) {
	dir := t.TempDir()
	const settings = `{"permissions": {"allow": ["Bash(*)"]}}` + "\n"
	if err := writeFile(filepath.Join(dir, "team", "agent-settings.json"), settings); err != nil {
		t.Fatal(err)
	}
	if _, out, _ := atflintIn(t, dir, "check", "--no-go", "team/agent-settings.json"); !strings.Contains(out, "[wildcard-permission]") {
		t.Errorf("named: %q", out)
	}
	// Walked, it is no format atflint can tell by content alone.
	if _, out, _ := atflintIn(t, dir, "check", "--no-go", "."); strings.Contains(out, "agent-settings.json") {
		t.Errorf("walked: %q", out)
	}
	if err := writeFile(filepath.Join(dir, "team", "policy.yaml"), "permissions:\n  allow: [\"Bash(*)\"]\n"); err != nil {
		t.Fatal(err)
	}
	if _, out, _ := atflintIn(t, dir, "check", "--no-go", "--as", "claude-settings", "team/policy.yaml"); !strings.Contains(out, "[wildcard-permission]") {
		t.Errorf("--as: %q", out)
	}
	if code, _, errOut := atflintIn(t, dir, "check", "--as", "cursor", "team/policy.yaml"); code != ExitUsage || !strings.Contains(errOut, `--as "cursor": want one of atf-manifest, claude-settings`) {
		t.Errorf("unknown --as: exit %d, %q", code, errOut)
	}
}
