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

	// The hook checks the whole tree, so each case is a repository of its
	// own: the bad manifest with an MCP config, and the good manifest alone.
	newRepo := func(files map[string]string) string {
		repo := t.TempDir()
		for name, src := range files {
			data, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(repo, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		for _, args := range [][]string{{"init", "-q"}, {"add", "."}} {
			if out, err := runIn(repo, "git", args...); err != nil {
				t.Fatalf("git %v: %v\n%s", args, err, out)
			}
		}
		return repo
	}
	bad := newRepo(map[string]string{
		"bad.atf.yaml": "../../examples/insecure/support-bot.atf.yaml",
		".mcp.json":    "../../rules/testdata/unpinned-server/bad/.mcp.json",
	})
	out, err := runIn(bad, "pre-commit", "try-repo", hooks, "atflint", "--files", ".mcp.json")
	if err == nil || !strings.Contains(out, "bad.atf.yaml:5:3: error:") || !strings.Contains(out, "[missing-identity]") || !strings.Contains(out, "[unpinned-server]") {
		t.Errorf("the hook passed a bad manifest and config or said nothing useful (%v):\n%s", err, out)
	}
	good := newRepo(map[string]string{"good.atf.yaml": "../../examples/invoice-triage/invoice-triage.atf.yaml"})
	out, err = runIn(good, "pre-commit", "try-repo", hooks, "atflint", "--files", "good.atf.yaml")
	if err != nil {
		t.Errorf("the hook failed a good manifest (%v):\n%s", err, out)
	}
}
