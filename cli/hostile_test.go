//go:build unix

package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The bounds every hostile input is held to, per command. They are
// generous: they tell a run that reads a gigabyte, or loops, from one
// that does its work, not a fast machine from a slow one. Time is the
// processor time the run used, which another process on the machine
// does not inflate; hangAfter only stops a run that never ends.
const (
	maxRSS    = 400 << 20
	maxCPU    = 60 * time.Second
	maxOutput = 256 << 10
	hangAfter = 5 * time.Minute
)

// A hostileCase is a directory atflint is pointed at, the exit code check
// must give, and what its output must say: a finding or a clear error.
type hostileCase struct {
	name string
	dir  string
	exit int
	want []string
}

// TestHostileInput runs atflint check, check --format sarif, inventory
// and assess on every case of testdata/hostile (each a directory with its
// WANT: "exit N", then lines the check's output must hold) and on the
// cases too large or too strange to commit, made here: nesting 100,000
// levels deep, a 1 GB sparse file, FIFOs, a name with line breaks, lines
// of megabytes, links that loop or lead out. Each run is a process of its
// own, measured: it must end, within maxCPU and maxRSS, with an exit code
// of 0, 1 or 2 and no panic, its output bounded and its JSON valid.
func TestHostileInput(t *testing.T) {
	if testing.Short() {
		t.Skip("runs atflint some 200 times, go vet included")
	}
	self := testBinary(t)
	// JSON and SARIF carry what any run does (SARIF the rules'
	// metadata): an empty directory's output is the base the bound is
	// added to.
	runs := [][]string{
		{"check", "--no-progress", "--format", "sarif", "."},
		{"inventory", "--format", "json", "."},
		{"assess", "--format", "json", "."},
	}
	empty := t.TempDir()
	limits := make([]int, len(runs))
	for i, args := range runs {
		out, _ := runHostile(t, self, empty, 1<<30, args...)
		limits[i] = len(out) + maxOutput
	}
	cases := append(committedHostileCases(t), madeHostileCases(t)...)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, code := runHostile(t, self, c.dir, maxOutput, "check", "--no-progress", "--verbose", ".")
			if code != c.exit {
				t.Errorf("check: exit %d, want %d:\n%.3000s", code, c.exit, out)
			}
			for _, w := range c.want {
				if !strings.Contains(out, w) {
					t.Errorf("check: the output lacks %q:\n%.3000s", w, out)
				}
			}
			for i, args := range runs {
				out, code := runHostile(t, self, c.dir, limits[i], args...)
				if code == 2 {
					continue // said why on stderr; checked for a panic already
				}
				if start := strings.IndexAny(out, "{["); start < 0 || !json.Valid([]byte(out[start:strings.LastIndexAny(out, "}]")+1])) {
					t.Errorf("%s: not JSON:\n%.2000s", strings.Join(args, " "), out)
				}
			}
		})
	}
}

// runHostile runs this test binary as atflint in dir, and fails the test
// if the run hangs, crashes, writes more than limit bytes, or goes past a
// bound. It returns the run's stdout then stderr.
func runHostile(t *testing.T, self, dir string, limit int, args ...string) (string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hangAfter)
	defer cancel()
	cmd := exec.CommandContext(ctx, self, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), asAtflint)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	what := strings.Join(args, " ")
	if ctx.Err() != nil {
		t.Fatalf("%s: still running after %v", what, hangAfter)
	}
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("%s: %v", what, err)
	}
	code := cmd.ProcessState.ExitCode()
	out := stdout.String() + stderr.String()
	if code < 0 || code > 2 || strings.Contains(out, "panic:") || strings.Contains(out, "goroutine ") {
		t.Fatalf("%s: exit %d, a crash:\n%.3000s", what, code, out)
	}
	if len(out) > limit {
		t.Errorf("%s: %d bytes of output; a message quotes the input whole", what, len(out))
	}
	if cpu, rss, ok := resourceUse(cmd.ProcessState); ok {
		if cpu > maxCPU || rss > maxRSS {
			t.Errorf("%s: %v of processor time and %d MB of memory; the bounds are %v and %d MB", what, cpu, rss>>20, maxCPU, maxRSS>>20)
		}
	}
	return out, code
}

// resourceUse is the processor time and peak memory of an ended process.
func resourceUse(ps *os.ProcessState) (cpu time.Duration, rss int64, ok bool) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0, 0, false
	}
	rss = int64(ru.Maxrss)
	if runtime.GOOS != "darwin" {
		rss *= 1024 // kilobytes but on macOS
	}
	return ps.UserTime() + ps.SystemTime(), rss, true
}

// committedHostileCases are the directories of testdata/hostile.
func committedHostileCases(t *testing.T) []hostileCase {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join(root, "testdata", "hostile", "*", "WANT"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no cases in testdata/hostile (%v)", err)
	}
	var cases []hostileCase
	for _, w := range dirs {
		data, err := os.ReadFile(w)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(string(data)), "\n")
		exit, err := strconv.Atoi(strings.TrimPrefix(lines[0], "exit "))
		if err != nil || !strings.HasPrefix(lines[0], "exit ") {
			t.Fatalf("%s: the first line is not \"exit N\"", w)
		}
		cases = append(cases, hostileCase{name: filepath.Base(filepath.Dir(w)), dir: filepath.Dir(w), exit: exit, want: lines[1:]})
	}
	return cases
}

// madeHostileCases writes the cases too large to commit, or that git
// cannot hold, each in a directory of its own.
func madeHostileCases(t *testing.T) []hostileCase {
	t.Helper()
	base := t.TempDir()
	var cases []hostileCase
	add := func(name string, exit int, files map[string]string, want ...string) {
		dir := filepath.Join(base, name)
		for p, text := range files {
			if err := writeFile(filepath.Join(dir, filepath.FromSlash(p)), text); err != nil {
				t.Fatal(err)
			}
		}
		if len(files) == 0 {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		cases = append(cases, hostileCase{name: name, dir: dir, exit: exit, want: want})
	}
	const deep = 100_000
	open, closed := strings.Repeat("[", deep), strings.Repeat("]", deep)
	add("yaml-nested-100k", 1, map[string]string{"agent.atf.yaml": "a: " + open + closed + "\n"},
		"agent.atf.yaml:1:260: error: invalid YAML: collections nested deeper than 256 levels")
	add("yaml-block-nested-100k", 1, map[string]string{".continue/config.yaml": "name: c\nmcpServers:\n" + strings.Repeat("- ", deep) + "x\n"},
		".continue/config.yaml:", "nested deeper than 256 levels")
	add("json-nested-100k", 1, map[string]string{".mcp.json": `{"mcpServers": ` + open + closed + "}\n"},
		".mcp.json:1:271: error: invalid JSON: collections nested deeper than 256 levels")
	add("json-objects-nested-100k", 1, map[string]string{".claude/settings.json": strings.Repeat(`{"a":`, deep) + "1" + strings.Repeat("}", deep)},
		".claude/settings.json:1:", "nested deeper than 256 levels")
	// The TOML parser has its own bound, met first here; ours holds
	// below it (toml-nested-300).
	add("toml-nested-100k", 1, map[string]string{".codex/config.toml": "a = " + open + closed + "\n"},
		".codex/config.toml:1:10005: error: invalid TOML: arrays and inline tables are nested more than the maximum of 10000 levels deep")
	add("toml-nested-300", 1, map[string]string{".codex/config.toml": "a = " + strings.Repeat("[", 300) + strings.Repeat("]", 300) + "\n"},
		".codex/config.toml:1:1: error: invalid TOML: collections nested deeper than 256 levels")
	add("toml-dotted-key-100k", 1, map[string]string{".codex/config.toml": strings.Repeat("a.", deep) + "a = 1\n"},
		".codex/config.toml:1:1: error: invalid TOML: collections nested deeper than 256 levels")
	add("front-matter-nested-100k", 1, map[string]string{".claude/skills/s/SKILL.md": "---\nname: s\nallowed-tools: " + open + closed + "\n---\nBody.\n"},
		".claude/skills/s/SKILL.md:3:", "nested deeper than 256 levels")

	long := strings.Repeat("a", 4<<20-200) // one line, just under the size atflint reads
	add("long-line-json", 1, map[string]string{".mcp.json": `{"mcpServers": {"s": {"command": "npx", "args": ["` + long + `"]}}}`}, ".mcp.json:1:")
	add("long-line-yaml", 1, map[string]string{"agent.atf.yaml": "atf: \"0.9\"\nagent: {id: \"urn:x:agent:a\", level: intern, description: \"" + long + "\"}\n"}, "agent.atf.yaml:")
	add("long-line-toml", 1, map[string]string{".codex/config.toml": "[mcp_servers.s]\ncommand = \"npx\"\nargs = [\"" + long + "\"]\n"}, ".codex/config.toml:")
	add("long-line-markdown", 0, map[string]string{"AGENTS.md": long + "\n"}, "atflint: 1 file checked, no findings")
	add("long-line-go", 0, map[string]string{"go.mod": "module example.com/long\n\ngo 1.26\n", "main.go": "package main\n\nvar s = \"" + long + "\"\n\nfunc main() { println(s) }\n"},
		"atflint: 0 files and 1 Go package checked, no findings")

	// The bad inputs of issue 14.
	invisible := strings.Repeat("\u200b\U000E0041", 10<<20/7)
	invisible3 := invisible[:3<<20/7*7]
	add("invisible-10mb", 1, map[string]string{"AGENTS.md": "Build with make.\n" + invisible + "\n"},
		"AGENTS.md:1:1: error: the file is 10.0 MB; files over 4 MB are not read, so this one was not checked")
	add("invisible-3mb", 1, map[string]string{"AGENTS.md": "Build with make.\n" + invisible3 + "\n"},
		"AGENTS.md:2:1: error: these instructions to the model hide zero-width characters and Unicode tag characters")
	add("invisible-in-a-value", 1, map[string]string{".mcp.json": `{"mcpServers": {"s": {"command": "./s", "description": "` + invisible3 + `"}}}`},
		".mcp.json:1:56: error: this value hides zero-width characters and Unicode tag characters")
	add("hook-of-1mb", 1, map[string]string{".claude/settings.json": `{"hooks": {"SessionStart": [{"hooks": [{"type": "command", "command": "echo ` + strings.Repeat("a", 1<<20) + `"}]}]}}`},
		"[session-hook]")

	// A name git cannot hold well, whose line breaks would forge lines
	// of the report if the path were written raw.
	forged := "evil\n.mcp.json:1:1: note: forged [x]\n.atf.yaml"
	add("newline-in-a-name", 1, map[string]string{forged: "atf: x\n"}, `"evil\n.mcp.json:1:1: note: forged [x]\n.atf.yaml":1:1: error:`)

	add("deep-directories", 1, map[string]string{strings.Repeat("d/", 300) + ".mcp.json": `{"mcpServers": {"s": {"command": "npx", "args": ["pkg"]}}}`},
		strings.Repeat("d/", 300)+".mcp.json:1:", "[unpinned-server]")

	add("sparse-1gb", 1, nil, ".mcp.json:1:1: error: the file is 1024.0 MB; files over 4 MB are not read")
	sparse, err := os.Create(filepath.Join(base, "sparse-1gb", ".mcp.json"))
	if err == nil {
		err = errors.Join(sparse.Truncate(1<<30), sparse.Close())
	}
	if err != nil {
		t.Fatal(err)
	}

	add("links", 1, map[string]string{"real/.mcp.json": `{"mcpServers": {"s": {"command": "npx", "args": ["pkg"]}}}`}, "real/.mcp.json:1:", "[unpinned-server]")
	links := filepath.Join(base, "links")
	for link, target := range map[string]string{"loop": ".", "self.mcp.json": "self.mcp.json", "out/.mcp.json": "/etc/passwd", "a": "b", "b": "a"} {
		os.MkdirAll(filepath.Dir(filepath.Join(links, link)), 0o755)
		if err := os.Symlink(target, filepath.Join(links, link)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}

	if runtime.GOOS != "windows" {
		add("fifos", 1, nil,
			".mcp.json:1:1: error: not a regular file", "agent.atf.yaml:1:1: error: not a regular file", "AGENTS.md:1:1: error: not a regular file")
		for _, name := range []string{".mcp.json", "agent.atf.yaml", "AGENTS.md", ".atflint.baseline.json"} {
			if err := syscall.Mkfifo(filepath.Join(base, "fifos", name), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		add("fifo-config", 2, nil, "atflint: config .atflint.yaml: not a regular file")
		if err := syscall.Mkfifo(filepath.Join(base, "fifo-config", ".atflint.yaml"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return cases
}
