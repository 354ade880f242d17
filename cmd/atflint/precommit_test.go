package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreCommitHook runs the hook of .pre-commit-hooks.yaml with pre-commit
// itself, in a throwaway repository: it fails on a bad manifest and passes
// a good one. It skips where pre-commit or git is not installed.
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("builds atflint through pre-commit")
	}
	for _, tool := range []string{"pre-commit", "git"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	cache := t.TempDir()
	runIn := func(dir, name string, args ...string) (string, error) {
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "PRE_COMMIT_HOME="+cache, "GIT_CONFIG_NOSYSTEM=1",
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	// The hook repository is this working tree as it is, committed into a
	// copy: pre-commit reads only what git tracks.
	hooks := t.TempDir()
	files, err := runIn("../..", "git", "ls-files", "--cached", "--others", "--exclude-standard")
	if err != nil {
		t.Skipf("not a git checkout: %v", err)
	}
	for _, f := range strings.Fields(files) {
		data, err := os.ReadFile(filepath.Join("..", "..", f))
		if err != nil {
			continue // deleted, not yet staged
		}
		dst := filepath.Join(hooks, f)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}, {"commit", "-qm", "hooks"}} {
		if out, err := runIn(hooks, "git", args...); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}

	repo := t.TempDir()
	run := func(name string, args ...string) (string, error) { return runIn(repo, name, args...) }
	for name, src := range map[string]string{
		"bad.atf.yaml":  "../../examples/insecure/support-bot.atf.yaml",
		"good.atf.yaml": "../../examples/invoice-triage/invoice-triage.atf.yaml",
	} {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(repo, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out, err := run("git", "init", "-q"); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	if out, err := run("git", "add", "."); err != nil {
		t.Fatalf("git add: %v\n%s", err, out)
	}

	out, err := run("pre-commit", "try-repo", hooks, "atflint", "--files", "bad.atf.yaml")
	if err == nil || !strings.Contains(out, "bad.atf.yaml:5:3: error:") || !strings.Contains(out, "[missing-identity]") {
		t.Errorf("the hook passed a bad manifest or said nothing useful (%v):\n%s", err, out)
	}
	out, err = run("pre-commit", "try-repo", hooks, "atflint", "--files", "good.atf.yaml")
	if err != nil {
		t.Errorf("the hook failed a good manifest (%v):\n%s", err, out)
	}
}
