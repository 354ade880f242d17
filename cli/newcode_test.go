package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitRepo makes a throwaway repository in dir, with one commit holding
// the files.
func gitRepo(t *testing.T, dir string, files map[string]string) func(args ...string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("GIT_AUTHOR_NAME", "t")
	t.Setenv("GIT_AUTHOR_EMAIL", "t@example.com")
	t.Setenv("GIT_COMMITTER_NAME", "t")
	t.Setenv("GIT_COMMITTER_EMAIL", "t@example.com")
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v: %s", args, err, out)
		}
	}
	run("init", "-q", "-b", "main")
	for name, text := range files {
		if err := writeFile(filepath.Join(dir, name), text); err != nil {
			t.Fatal(err)
		}
	}
	run("add", ".")
	run("commit", "-q", "-m", "first")
	return run
}

func TestNewFromRev(t *testing.T) {
	dir := t.TempDir()
	// A Go package that does not compile: with no Go file changed, the Go
	// analysis does not run, and so does not fail the run.
	git := gitRepo(t, dir, map[string]string{
		"agents/bot.atf.yaml": baselineManifest,
		"go.mod":              "module example.com/bot\n\ngo 1.26\n",
		"main.go":             "package main\n\nfunc main() { undefined() }\n",
	})
	// A changed line (a new misspelt key), an untouched one (the tool that
	// writes at intern), and a file added since.
	changed := strings.Replace(baselineManifest, "  atribution: true\n", "  atribution: true\n  logg: {format: json}\n", 1)
	if err := writeFile(filepath.Join(dir, "agents/bot.atf.yaml"), changed); err != nil {
		t.Fatal(err)
	}
	if err := writeFile(filepath.Join(dir, "agents/new.atf.yaml"), strings.Replace(baselineManifest, "support-bot", "new-bot", 1)); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := atflintIn(t, dir, "check", "--new-from-rev", "HEAD", ".")
	if code != ExitFindings || strings.Contains(errOut, "Go package") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if code, _, errOut := atflintIn(t, dir, "check", "."); code != ExitUsage || !strings.Contains(errOut, "cannot analyze Go package example.com/bot") {
		t.Fatalf("the whole tree: exit %d, stderr %q; want the broken Go package reported", code, errOut)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if !strings.HasPrefix(line, "agents/new.atf.yaml:") && !strings.HasPrefix(line, "agents/bot.atf.yaml:12:") {
			t.Errorf("reported outside the changes: %s", line)
		}
	}
	if !strings.Contains(out, `agents/bot.atf.yaml:12:3: warning: unknown key "logg"`) || !strings.Contains(out, "agents/new.atf.yaml:3:3: error: agent.id \"new-bot\"") {
		t.Errorf("the changed line or the added file is not reported:\n%s", out)
	}

	// Committed on a branch, and main moved on: the merge base is where
	// the branch left main, so the same findings are new.
	git("checkout", "-q", "-b", "feature")
	git("add", ".")
	git("commit", "-q", "-m", "change")
	git("checkout", "-q", "main")
	if err := writeFile(filepath.Join(dir, "later.txt"), "main moves on\n"); err != nil {
		t.Fatal(err)
	}
	git("add", ".")
	git("commit", "-q", "-m", "later")
	git("checkout", "-q", "feature")
	if _, out2, errOut := atflintIn(t, dir, "check", "--new-from-merge-base", "main", "."); out2 != out {
		t.Errorf("since the merge base:\n%s\nwant what was new before the commit:\n%s\nstderr: %s", out2, out, errOut)
	}
	// A shallow clone, as actions/checkout makes by default, has both
	// tips but not where they parted.
	shallow := filepath.Join(t.TempDir(), "shallow")
	if out, err := exec.Command("git", "clone", "-q", "--depth", "1", "--no-single-branch", "--branch", "feature", "file://"+dir, shallow).CombinedOutput(); err != nil {
		t.Fatalf("git clone: %v: %s", err, out)
	}
	checkUsageErrors(t, shallow, []usageCase{
		{[]string{"--new-from-merge-base", "origin/main"}, "origin/main and HEAD have no merge base here"},
	})
	git("checkout", "-q", "--orphan", "unrelated")
	git("commit", "-q", "-m", "unrelated")

	// Before the first commit, everything staged or untracked is new.
	first := t.TempDir()
	if err := writeFile(filepath.Join(first, "bot.atf.yaml"), baselineManifest); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("git", "-C", first, "init", "-q").CombinedOutput(); err != nil {
		t.Fatalf("git init: %v: %s", err, out)
	}
	if code, out, errOut := atflintIn(t, first, "check", "--new-from-rev", "HEAD", "."); code != ExitFindings || !strings.Contains(out, "bot.atf.yaml:3:3: error:") {
		t.Errorf("before the first commit: exit %d, stdout:\n%s\nstderr: %s", code, out, errOut)
	}

	checkUsageErrors(t, dir, []usageCase{
		{[]string{"--new-from-rev", "no-such-branch"}, "--new-from-rev no-such-branch: no such revision"},
		{[]string{"--new-from-rev", "--output=x"}, "a revision does not start with -"},
		{[]string{"--new-from-merge-base", "feature"}, "have no merge base here"},
		{[]string{"--new-from-rev", "HEAD", "--new-from-merge-base", "main"}, "not both"},
	})
}
