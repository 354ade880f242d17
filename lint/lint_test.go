package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/syntax"
)

const cleanManifest = `atf: "0.9"
agent: {id: "urn:acme:agent:x", level: intern}
`

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// messages returns "file: message [rule]" for every error finding.
func messages(res *Result) map[string]string {
	m := map[string]string{}
	for _, f := range res.Findings {
		if f.Rule == "invalid-manifest" {
			m[f.File] = f.Message
		}
	}
	return m
}

// TestBadFiles checks that files that cannot be read each give a finding
// that names them, and that the run goes on to the other files.
func TestBadFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "good.atf.yaml"), cleanManifest)

	// A 50 MB file, sparse so the test writes almost nothing.
	big, err := os.Create(filepath.Join(dir, "big.atf.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := big.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	big.Close()

	if runtime.GOOS != "windows" {
		os.Symlink("loop-b.atf.yaml", filepath.Join(dir, "loop-a.atf.yaml"))
		os.Symlink("loop-a.atf.yaml", filepath.Join(dir, "loop-b.atf.yaml"))
		os.Symlink("nowhere.yaml", filepath.Join(dir, "dangling.atf.yaml"))
		if err := syscall.Mkfifo(filepath.Join(dir, "fifo.atf.yaml"), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	res, err := Run([]string{dir}, Options{BaseDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	got := messages(res)
	want := map[string]string{
		"big.atf.yaml":      "the file is 50.0 MB; files over 4 MB are not read",
		"loop-a.atf.yaml":   "too many levels of symbolic links",
		"loop-b.atf.yaml":   "too many levels of symbolic links",
		"dangling.atf.yaml": "no such file or directory",
		"fifo.atf.yaml":     "not a regular file",
	}
	for file, text := range want {
		if !strings.Contains(got[file], text) {
			t.Errorf("%s: got %q, want a message with %q", file, got[file], text)
		}
	}
	if _, ok := got["good.atf.yaml"]; ok || res.Files != 6 {
		t.Errorf("the good file was not checked cleanly among %d files: %v", res.Files, got)
	}
}

func TestUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "secret.atf.yaml")
	write(t, p, cleanManifest)
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	res, err := Run([]string{dir}, Options{BaseDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if m := messages(res)["secret.atf.yaml"]; !strings.Contains(m, "permission denied") {
		t.Errorf("got %q, want a permission error", m)
	}
}

// TestWalk checks which files a directory walk picks up.
func TestWalk(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{
		"a.atf.yaml", "sub/atf.yml", "sub/b.atf.json", "sub/deeper/c.atf.yml",
		".git/x.atf.yaml", "vendor/y.atf.yaml", "node_modules/pkg/z.atf.yaml",
		"notes.yaml", "atf.txt", ".atf.yaml",
	} {
		write(t, filepath.Join(dir, p), cleanManifest)
	}
	for _, mod := range []string{"go.mod", "sub/go.mod", "testdata/m/go.mod", "_old/go.mod", ".hidden/go.mod"} {
		write(t, filepath.Join(dir, mod), "module x\n")
	}
	if runtime.GOOS != "windows" {
		if err := os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "link")); err != nil {
			t.Fatal(err)
		}
	}
	walk := func(paths ...string) (files, modules string) {
		t.Helper()
		var list []candidate
		mods, err := collect(paths, nil, &Result{}, func(c candidate) { list = append(list, c) })
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, f := range list {
			names = append(names, displayPath(dir, f.abs))
		}
		for i, m := range mods {
			mods[i] = displayPath(dir, m)
		}
		return strings.Join(names, " "), strings.Join(mods, " ")
	}
	// Every YAML and JSON file is a candidate: Load decides by content.
	// notes.yaml, named twice, is linted once; so is the directory named
	// in two spellings.
	files, modules := walk(dir, filepath.Join(dir, "notes.yaml"), dir+string(filepath.Separator)+".")
	if want := ".atf.yaml a.atf.yaml notes.yaml sub/atf.yml sub/b.atf.json sub/deeper/c.atf.yml"; files != want {
		t.Errorf("walk found %q, want %q", files, want)
	}
	// Modules under testdata, _old and .hidden are not Go's to build; each
	// walk reports the others, and goRoots keeps one of each.
	if want := ". sub . sub"; modules != want {
		t.Errorf("walk found modules %q, want %q", modules, want)
	}
	mods, _ := collect([]string{dir}, nil, &Result{}, func(candidate) {})
	if roots := goRoots([]string{dir, dir}, append(mods, mods...)); len(roots) != 2 {
		t.Errorf("goRoots = %q, want the module and the one nested in it", roots)
	}
	if runtime.GOOS != "windows" {
		// Links found in the walk are followed inside the tree, not out.
		outside := filepath.Join(t.TempDir(), "secrets.yaml")
		write(t, outside, "token: x\n")
		os.Symlink(outside, filepath.Join(dir, "sub", "leak.atf.yaml"))
		os.Symlink(filepath.Join(dir, "sub", "atf.yml"), filepath.Join(dir, "sub", "inside.atf.yaml"))
		if files, _ := walk(filepath.Join(dir, "sub")); files != "sub/atf.yml sub/b.atf.json sub/deeper/c.atf.yml sub/inside.atf.yaml" {
			t.Errorf("walk with links in and out found %q", files)
		}
		// Named as a path, a link is read wherever it leads.
		if files, _ := walk(filepath.Join(dir, "sub", "leak.atf.yaml")); files != "sub/leak.atf.yaml" {
			t.Errorf("a link named as a path: %q", files)
		}
		// A link to a directory, given as a path, is walked.
		if files, _ := walk(filepath.Join(dir, "link")); files != "link/atf.yml link/b.atf.json link/deeper/c.atf.yml link/inside.atf.yaml" {
			t.Errorf("walk of a link found %q", files)
		}
	}
	if _, err := collect([]string{filepath.Join(dir, "missing")}, nil, &Result{}, func(candidate) {}); err == nil {
		t.Error("a missing path is not an error")
	}
}

// TestDeterministic checks that the findings are the same whatever the
// number of workers.
func TestDeterministic(t *testing.T) {
	dir := t.TempDir()
	for i := range 40 {
		write(t, filepath.Join(dir, string(rune('a'+i%26))+strings.Repeat("x", i/26)+".atf.yaml"), cleanManifest)
	}
	var first []string
	for _, workers := range []int{1, 2, 8} {
		res, err := Run([]string{dir}, Options{BaseDir: dir, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range res.Findings {
			got = append(got, f.File+f.Span.Start.String()+f.Rule+f.Message)
		}
		if first == nil {
			first = got
		} else if strings.Join(got, "\n") != strings.Join(first, "\n") {
			t.Errorf("%d workers changed the findings", workers)
		}
	}
	if len(first) == 0 {
		t.Error("no findings to compare")
	}
}

// TestHugeKey checks that a message quoting a value of megabytes stays short.
func TestHugeKey(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.atf.yaml"), cleanManifest+strings.Repeat("k", 3<<20)+": 1\n")
	res, err := Run([]string{dir}, Options{BaseDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range res.Findings {
		if len(f.Message) > maxMessage+len("…") {
			t.Errorf("a message of %d bytes", len(f.Message))
		}
		found = found || f.Rule == "unknown-key"
	}
	if !found {
		t.Error("the unknown key was not reported")
	}
}

func TestMatchPath(t *testing.T) {
	sep := string(filepath.Separator)
	name := filepath.Join(sep+"repo", "a", "b", "c", "mcp.json")
	tests := []struct {
		pattern string
		want    bool
	}{
		{filepath.Join(sep+"repo", "a", "b", "c", "mcp.json"), true},
		{filepath.Join(sep+"repo", "**", "mcp.json"), true},
		{filepath.Join(sep+"repo", "a", "**", "c", "*.json"), true},
		{filepath.Join(sep+"repo", "a", "b", "c", "**", "mcp.json"), true}, // ** matches no folder too
		{filepath.Join(sep+"repo", "*", "mcp.json"), false},
		{filepath.Join(sep+"repo", "**", "x.json"), false},
		// Many ** cost the product of the lengths, not every split.
		{sep + "repo" + strings.Repeat(sep+"**", 60) + sep + "zzz.json", false},
	}
	for _, tt := range tests {
		if got := matchPath(tt.pattern, name); got != tt.want {
			t.Errorf("matchPath(%q) = %v, want %v", tt.pattern, got, tt.want)
		}
	}
}

// TestOverlay: a buffer's text is checked in place of the file's, and a
// buffer with no file at all is checked too; the sources carry the text
// read, for the suppressions.
func TestOverlay(t *testing.T) {
	dir := t.TempDir()
	saved := filepath.Join(dir, ".mcp.json")
	if err := os.WriteFile(saved, []byte(`{"mcpServers":{}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	unsaved := filepath.Join(dir, "new", ".mcp.json")
	edited := []byte(`{"mcpServers":{"x":{"command":"npx","args":["-y","pkg"]}}}`)
	res, err := Run([]string{saved, unsaved}, Options{BaseDir: dir, Overlay: map[string][]byte{saved: edited, unsaved: edited}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, fmt.Sprintf("%s:%d:%d %s", f.File, f.Span.Start.Line, f.Span.Start.Col, f.Rule))
	}
	if want := []string{".mcp.json:1:50 unpinned-server", "new/.mcp.json:1:50 unpinned-server"}; !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
	for _, s := range res.Sources {
		if text, err := s.Read(); err != nil || string(text) != string(edited) {
			t.Errorf("source %s reads %q, %v; want the buffer's text", s.Path, text, err)
		}
	}
}

// TestKeepLines checks each finding gets the line it starts on as the
// fingerprint would read it, whatever order the findings come in.
func TestKeepLines(t *testing.T) {
	src := []byte("one\ntwo\r\n\nfour\n" + strings.Repeat("x", maxKeptLine+1) + "\nfive")
	lines := strings.Split(string(src), "\n")
	var fs []finding.Finding
	for _, n := range []int{6, 2, 2, 1, 4, 3, 5, 7, 0} {
		fs = append(fs, finding.Finding{Span: syntax.At(syntax.Pos{Line: n, Col: 1})})
	}
	keepLines(fs, src)
	for _, f := range fs {
		want := ""
		if n := f.Span.Start.Line; n >= 1 && n <= len(lines) && len(lines[n-1]) <= maxKeptLine {
			want = lines[n-1] // longer lines are left to the fingerprint to read
		}
		if f.Line != want {
			t.Errorf("line %d: got %q, want %q", f.Span.Start.Line, f.Line, want)
		}
	}
}
