package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestActionScript runs the Action's script with a stand-in for atflint
// and checks the arguments it gets: every path of a multi-line paths
// input, after --, and no expansion of what the input holds.
func TestActionScript(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the Action's script runs on bash")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
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
	)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	args, err := os.ReadFile(argsFile)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(strings.Fields(string(args)), " ")
	want := "check --no-progress --min-severity warning --fail-on error --format github -- agents tools *.yaml $(touch " + filepath.Join(dir, "pwned") + ")"
	if got != want {
		t.Errorf("atflint got\n%s\nwant\n%s", got, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "pwned")); err == nil {
		t.Error("the paths input ran a command")
	}
}
