package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/atflint/atflint/internal/golden"
)

// TestInitExamples drafts the manifest of shipped examples with their
// own manifests taken away, and checks the draft: each finding on it is a
// field left TODO (or, for an intern, the side effect the level forbids),
// and none says the draft left out what the code does.
func TestInitExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("loads and type-checks the frameworks' modules")
	}
	for _, tc := range []struct {
		example, name, level string
		mcpConfig            bool
	}{
		{"mcp-go", "file-manager", "junior", true},
		{"anthropic", "weather", "intern", false},
		{"openai", "user-admin", "senior", false},
		{"invoice-triage", "invoice-triage", "junior", false},
	} {
		t.Run(tc.example, func(t *testing.T) {
			dir := stableCopy(t, filepath.Join(root, "examples", tc.example))
			// The draft replaces the shipped manifest, and pins nothing yet.
			shipped, _ := filepath.Glob(filepath.Join(dir, "*.atf.yaml"))
			for _, m := range append(shipped, filepath.Join(dir, "atflint.lock")) {
				os.Remove(m)
			}
			if tc.mcpConfig {
				if err := writeFile(filepath.Join(dir, ".mcp.json"), `{"mcpServers": {"file-manager": {"command": "./file-manager"}}}`+"\n"); err != nil {
					t.Fatal(err)
				}
			}
			code, out, errOut := atflintIn(t, dir, "init", "--name", tc.name, "--level", tc.level)
			if code != ExitClean {
				t.Fatalf("init: exit %d: %s", code, errOut)
			}
			if !strings.HasPrefix(out, "atflint: wrote agent.atf.yaml for ") {
				t.Errorf("init said %q", out)
			}
			draft, err := os.ReadFile(filepath.Join(dir, "agent.atf.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join(root, "testdata", "cli", "init", tc.example+".atf.yaml"), draft)

			_, findings, _ := atflintIn(t, dir, "check", "--format", "text", "--min-severity", "note")
			golden.Check(t, filepath.Join(root, "testdata", "cli", "init", tc.example+".check.txt"), []byte(findings))
			for _, line := range strings.Split(strings.TrimSpace(findings), "\n") {
				ok := true
				switch {
				case strings.Contains(line, "[undeclared-capability]"):
					ok = false // the draft must declare what the code reaches
				case !strings.HasPrefix(line, "agent.atf.yaml:"):
					// The code's own findings are the code's.
				case strings.Contains(line, "[missing-control]"), strings.Contains(line, "[missing-identity]"):
					// What only a person can say; a MAY left out; and
					// with no tool found, the capabilities.
					ok = strings.Contains(line, "TODO") || strings.Contains(line, "a MAY at") || strings.Contains(line, "MAY meet") ||
						tc.example == "invoice-triage" && strings.Contains(line, "I-5 Capability Manifest is not declared")
				case strings.Contains(line, "[level-mismatch]"):
					ok = tc.level == "intern"
				default:
					ok = false
				}
				if !ok {
					t.Errorf("the draft earns %s", line)
				}
			}
		})
	}
}

func TestInitRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	const mine = "# my manifest\n"
	if err := writeFile(filepath.Join(dir, "agent.atf.yaml"), mine); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := atflintIn(t, dir, "init", "--name", "a", "--level", "junior", "--no-go")
	if code != ExitUsage || !strings.Contains(errOut, "agent.atf.yaml exists; init does not overwrite a file") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "agent.atf.yaml")); string(data) != mine {
		t.Errorf("the file was changed: %q", data)
	}
	// --out elsewhere is fine, and lists the existing manifest's agent.
	code, _, errOut = atflintIn(t, dir, "init", "--name", "a", "--level", "junior", "--no-go", "--out", "other.atf.yaml")
	if code != ExitClean {
		t.Errorf("--out: exit %d: %s", code, errOut)
	}
}

func TestInitBadInput(t *testing.T) {
	dir := t.TempDir()
	if err := writeFile(filepath.Join(dir, "file.txt"), "x"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--level", "junior"}, "--name NAME is required"},
		{[]string{"--name", "a\nb", "--level", "junior"}, "--name NAME is required"},
		{[]string{"--name", "a"}, `--level "": want intern, junior, senior or principal`},
		{[]string{"--name", "a", "--level", "boss"}, `--level "boss"`},
		{[]string{"--name", "a", "--level", "junior", "file.txt"}, "file.txt: not a directory"},
		{[]string{"--name", "a", "--level", "junior", "missing"}, "missing: not a directory"},
		{[]string{"--name", "a", "--level", "junior", ".", "."}, "give one directory"},
		{[]string{"--name", "a", "--level", "junior", "--out", "agent.yaml"}, "name the manifest *.atf.yaml"},
		{[]string{"--name", "a", "--level", "junior", "--out", "nodir/x.atf.yaml", "--no-go"}, "writing the manifest"},
		{[]string{"--nmae", "a"}, "did you mean --name?"},
	} {
		code, _, errOut := atflintIn(t, dir, append([]string{"init"}, tc.args...)...)
		if code != ExitUsage || !strings.Contains(errOut, tc.want) {
			t.Errorf("init %q: exit %d, stderr %q; want 2 and %q", tc.args, code, errOut, tc.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("bad input left files behind: %v", entries)
	}
}

// TestInitGoNotLoaded drafts what loaded and says, on stderr and at the
// top of the draft, what did not: its tools are missing.
func TestInitGoNotLoaded(t *testing.T) {
	dir := t.TempDir()
	if err := writeFile(filepath.Join(dir, "go.mod"), "module example.com/broken\n\ngo 1.26\n"); err != nil {
		t.Fatal(err)
	}
	if err := writeFile(filepath.Join(dir, "main.go"), "package main\n\nfunc main() { undefined() }\n"); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := atflintIn(t, dir, "init", "--name", "a", "--level", "junior")
	if code != ExitClean || !strings.Contains(errOut, "cannot analyze Go package example.com/broken") || !strings.Contains(out, "Not all was analyzed (1 error") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	draft, err := os.ReadFile(filepath.Join(dir, "agent.atf.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(draft), "# TODO: not analyzed, so the tools there are missing below") || !strings.Contains(string(draft), "#   cannot analyze Go package example.com/broken") {
		t.Errorf("the draft does not say what was not analyzed:\n%s", draft)
	}
}
