package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// hookCase is a repository the hooks run in: the files it stages, the one
// named to pre-commit, and what the atflint hook must say.
type hookCase struct {
	name   string
	files  map[string]string // name in the repository: file to copy
	staged string
	pass   bool
	want   []string
}

var hookCases = []hookCase{
	{
		name: "bad",
		files: map[string]string{
			"bad.atf.yaml": "../../examples/insecure/support-bot.atf.yaml",
			".mcp.json":    "../../rules/testdata/unpinned-server/bad/.mcp.json",
		},
		staged: ".mcp.json",
		want:   []string{"bad.atf.yaml:5:3: error:", "[missing-identity]", "[unpinned-server]"},
	},
	{
		name:   "good",
		files:  map[string]string{"good.atf.yaml": "../../examples/invoice-triage/invoice-triage.atf.yaml"},
		staged: "good.atf.yaml",
		pass:   true,
	},
}

// gitEnv runs git and pre-commit without the user's configuration.
func gitEnv(extra ...string) []string {
	return append(append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull,
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com"), extra...)
}

func run(t *testing.T, dir string, env []string, name string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// newRepo makes a git repository of the case's files and of written (name:
// text), staged, uncommitted.
func newRepo(t *testing.T, c hookCase, written map[string]string) string {
	t.Helper()
	repo := t.TempDir()
	for name, src := range c.files {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		written[name] = string(data)
	}
	for name, text := range written {
		if err := os.WriteFile(filepath.Join(repo, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}} {
		if out, err := run(t, repo, gitEnv(), "git", args...); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	return repo
}

func checkHookResult(t *testing.T, c hookCase, out string, err error) {
	t.Helper()
	if c.pass && err != nil {
		t.Errorf("the hook failed a good manifest (%v):\n%s", err, out)
	}
	if !c.pass && err == nil {
		t.Errorf("the hook passed a bad manifest and config:\n%s", out)
	}
	for _, w := range c.want {
		if !strings.Contains(out, w) {
			t.Errorf("the hook did not say %q:\n%s", w, out)
		}
	}
}

// modCache is the go command's module cache. pre-commit's golang
// environment is a GOPATH of its own, and so would be its module cache:
// naming this one spares downloading every module again, and lets the
// tests run offline.
func modCache(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}

func requireTools(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
}

// TestHookEntry does for the atflint hook of .pre-commit-hooks.yaml what
// pre-commit's golang language does, without pre-commit, so that it runs
// wherever git does (pre-commit is not on every CI machine, and installing
// it may need root or the Python package index): it installs the entry's
// program with go install into a GOPATH of its own, checks the hook's files
// pattern selects the staged file, and runs the entry, split into words as
// pre-commit splits it, at the repository's root with that GOPATH's bin
// first on PATH.
func TestHookEntry(t *testing.T) {
	requireTools(t, "git", "go")
	data, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID            string `yaml:"id"`
		Entry         string `yaml:"entry"`
		Language      string `yaml:"language"`
		Files         string `yaml:"files"`
		PassFilenames *bool  `yaml:"pass_filenames"`
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	gopath := t.TempDir()
	bin := filepath.Join(gopath, "bin")
	env := gitEnv("GOPATH="+gopath, "GOMODCACHE="+modCache(t), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	if out, err := run(t, "../..", env, "go", "install", "./..."); err != nil {
		t.Fatalf("go install ./...: %v\n%s", err, out)
	}
	found := false
	for _, h := range hooks {
		if h.ID != "atflint" {
			continue
		}
		found = true
		if h.Language != "golang" || h.PassFilenames == nil || *h.PassFilenames {
			t.Fatalf("hook %s: language %q, pass_filenames %v; this test runs a golang hook that is passed no file names", h.ID, h.Language, h.PassFilenames)
		}
		words := strings.Fields(h.Entry)
		if strings.ContainsAny(h.Entry, `'"\$`) || words[0] != "atflint" {
			t.Fatalf("hook %s: entry %q is not plain words starting with atflint", h.ID, h.Entry)
		}
		files := regexp.MustCompile(h.Files)
		for _, c := range hookCases {
			t.Run(c.name, func(t *testing.T) {
				if !files.MatchString(c.staged) {
					t.Fatalf("the hook's files pattern %q does not select %s", h.Files, c.staged)
				}
				repo := newRepo(t, c, map[string]string{})
				out, err := run(t, repo, env, filepath.Join(bin, words[0]), words[1:]...)
				checkHookResult(t, c, out, err)
			})
		}
	}
	if !found {
		t.Fatal(".pre-commit-hooks.yaml has no atflint hook")
	}
}

// TestPreCommitHook runs the hook of .pre-commit-hooks.yaml with pre-commit
// itself, in throwaway repositories. It skips where pre-commit is not
// installed; TestHookEntry covers the hook's command there.
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("builds atflint through pre-commit")
	}
	requireTools(t, "pre-commit", "git", "go")
	env := gitEnv("PRE_COMMIT_HOME="+t.TempDir(), "GOMODCACHE="+modCache(t))
	// The hook repository is this working tree as it is, committed into a
	// copy: pre-commit reads only what git tracks.
	hooks := t.TempDir()
	files, err := run(t, "../..", env, "git", "ls-files", "--cached", "--others", "--exclude-standard")
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
		if out, err := run(t, hooks, env, "git", args...); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	rev, err := run(t, hooks, env, "git", "rev-parse", "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	// The hook checks the whole tree, so each case is a repository of its
	// own; their configurations name the same repository and revision, so
	// pre-commit builds the hook once.
	config := fmt.Sprintf("repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: atflint\n", hooks, strings.TrimSpace(rev))
	for _, c := range hookCases {
		t.Run(c.name, func(t *testing.T) {
			repo := newRepo(t, c, map[string]string{".pre-commit-config.yaml": config})
			out, err := run(t, repo, env, "pre-commit", "run", "atflint", "--files", c.staged)
			if strings.Contains(out, "Skipped") {
				t.Fatalf("pre-commit skipped the hook:\n%s", out)
			}
			checkHookResult(t, c, out, err)
		})
	}
}
