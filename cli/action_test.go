package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestActionScript runs the Action's script with a stand-in for atflint
// and checks the arguments it gets: every path of a multi-line paths
// input, after --, and no expansion of what the input holds.
func TestActionScript(t *testing.T) {
	bash := needBash(t)
	dir := t.TempDir()
	argsFile := filepath.Join(dir, "args")
	fake := filepath.Join(dir, "atflint")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\nprintf '%s\\n' \"$@\" >\""+argsFile+"\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bash, "../scripts/action-run.sh")
	cmd.Env = append(os.Environ(),
		"ATFLINT="+fake,
		"ATFLINT_PATHS=agents tools\n  *.yaml\n$(touch "+filepath.Join(dir, "pwned")+")\n",
		"ATFLINT_LEVEL=", "ATFLINT_CONFIG=",
		"ATFLINT_MIN_SEVERITY=warning", "ATFLINT_FAIL_ON=error",
		"ATFLINT_UPLOAD=false", "ATFLINT_SARIF="+filepath.Join(dir, "out.sarif"),
		"GITHUB_OUTPUT="+filepath.Join(dir, "output"),
		"ATFLINT_NEW_ONLY=true", "GITHUB_BASE_REF=main", "RUNNER_TEMP="+dir,
	)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	args, err := os.ReadFile(argsFile)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(strings.Fields(string(args)), " ")
	want := "check --no-progress --min-severity warning --fail-on error --new-from-merge-base origin/main --output summary=" + filepath.Join(dir, "atflint-summary.md") + " --format github -- agents tools *.yaml $(touch " + filepath.Join(dir, "pwned") + ")"
	if got != want {
		t.Errorf("atflint got\n%s\nwant\n%s", got, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "pwned")); err == nil {
		t.Error("the paths input ran a command")
	}
}

// TestActionScriptDownloads: with go-download, the script runs go mod
// download in each Go module under the paths, vendored and test data
// modules left out, without fetching a toolchain.
func TestActionScriptDownloads(t *testing.T) {
	bash := needBash(t)
	dir, bin := t.TempDir(), t.TempDir()
	for _, mod := range []string{"agent/go.mod", "agent/vendor/x/go.mod", "tools/testdata/m/go.mod", "tools/mcp/go.mod"} {
		if err := writeFile(filepath.Join(dir, mod), "module m\n"); err != nil {
			t.Fatal(err)
		}
	}
	log := filepath.Join(bin, "log")
	for name, script := range map[string]string{
		"go":      "#!/bin/sh\necho \"$(pwd) $GOTOOLCHAIN $*\" >>\"" + log + "\"\n",
		"atflint": "#!/bin/sh\n",
	} {
		if err := os.WriteFile(filepath.Join(bin, name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	script, _ := filepath.Abs("../scripts/action-run.sh")
	cmd := exec.Command(bash, script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"ATFLINT="+filepath.Join(bin, "atflint"), "ATFLINT_PATHS=.", "ATFLINT_GO_DOWNLOAD=true",
		"ATFLINT_LEVEL=", "ATFLINT_CONFIG=", "ATFLINT_MIN_SEVERITY=warning", "ATFLINT_FAIL_ON=error",
		"ATFLINT_UPLOAD=false", "GITHUB_OUTPUT="+filepath.Join(bin, "output"),
	)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	got, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(got)), "\n")
	slices.Sort(lines)
	want := []string{
		filepath.Join(dir, "agent") + " local mod download",
		filepath.Join(dir, "tools", "mcp") + " local mod download",
	}
	if !slices.Equal(lines, want) {
		t.Errorf("go ran as\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

// needBash returns bash, or skips: the Action's script runs on bash.
func needBash(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the Action's script runs on bash")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	return bash
}

// TestActionScriptAssess: with assess, the script writes the statement to
// a file it names as an output and to the job summary.
func TestActionScriptAssess(t *testing.T) {
	bash := needBash(t)
	dir := t.TempDir()
	calls := filepath.Join(dir, "calls")
	fake := filepath.Join(dir, "atflint")
	script := "#!/bin/sh\necho \"$1\" >>\"" + calls + "\"\nif [ \"$1\" = assess ]; then echo '# ATF conformance statement'; fi\n"
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	summary, output := filepath.Join(dir, "summary.md"), filepath.Join(dir, "output")
	cmd := exec.Command(bash, "../scripts/action-run.sh")
	cmd.Env = append(os.Environ(),
		"ATFLINT="+fake, "ATFLINT_PATHS=.", "ATFLINT_LEVEL=", "ATFLINT_CONFIG=",
		"ATFLINT_MIN_SEVERITY=warning", "ATFLINT_FAIL_ON=error", "ATFLINT_UPLOAD=false",
		"ATFLINT_ASSESS=true", "RUNNER_TEMP="+dir, "GITHUB_OUTPUT="+output, "GITHUB_STEP_SUMMARY="+summary,
	)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	got, _ := os.ReadFile(calls)
	outs, _ := os.ReadFile(output)
	sum, _ := os.ReadFile(summary)
	statement := filepath.Join(dir, "atflint-conformance.md")
	if string(got) != "check\nassess\n" || !strings.Contains(string(outs), "statement-file="+statement) || !strings.Contains(string(sum), "# ATF conformance statement") {
		t.Errorf("calls %q, outputs %q, summary %q", got, outs, sum)
	}
}

// TestActionScriptSurface: on a pull request, the script adds the surface
// change since the base branch to the job summary, fetching the base when
// the checkout lacks it.
func TestActionScriptSurface(t *testing.T) {
	bash := needBash(t)
	dir, bin := t.TempDir(), t.TempDir()
	calls := filepath.Join(bin, "calls")
	for name, script := range map[string]string{
		// A checkout without the base branch: rev-parse fails.
		"git":     "#!/bin/sh\necho \"git $*\" >>\"" + calls + "\"\n[ \"$1\" != rev-parse ]\n",
		"atflint": "#!/bin/sh\necho \"atflint $*\" >>\"" + calls + "\"\nif [ \"$1\" = inventory ]; then echo '### Agent surface since'; fi\n",
	} {
		if err := os.WriteFile(filepath.Join(bin, name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	summary := filepath.Join(dir, "summary.md")
	cmd := exec.Command(bash, "../scripts/action-run.sh")
	cmd.Env = append(os.Environ(),
		"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"ATFLINT="+filepath.Join(bin, "atflint"), "ATFLINT_PATHS=agents", "ATFLINT_LEVEL=", "ATFLINT_CONFIG=",
		"ATFLINT_MIN_SEVERITY=warning", "ATFLINT_FAIL_ON=error", "ATFLINT_UPLOAD=false",
		"ATFLINT_SURFACE=true", "GITHUB_BASE_REF=main", "RUNNER_TEMP="+dir,
		"GITHUB_OUTPUT="+filepath.Join(dir, "output"), "GITHUB_STEP_SUMMARY="+summary,
	)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	got, _ := os.ReadFile(calls)
	lines := strings.Split(strings.TrimSpace(string(got)), "\n")
	want := []string{
		"git rev-parse --verify --quiet origin/main^{commit}",
		"git fetch --no-tags --depth=1 origin +refs/heads/main:refs/remotes/origin/main",
		"atflint inventory --diff origin/main --format markdown -- agents",
	}
	if len(lines) != 4 || !slices.Equal(lines[1:], want) || !strings.HasPrefix(lines[0], "atflint check ") {
		t.Errorf("calls:\n%s\nwant check, then\n%s", got, strings.Join(want, "\n"))
	}
	if sum, _ := os.ReadFile(summary); !strings.Contains(string(sum), "### Agent surface since") {
		t.Errorf("summary %q", sum)
	}
}
