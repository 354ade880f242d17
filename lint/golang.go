package lint

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/token"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/atflint/atflint/analyzers/atfmanifest"
	"github.com/atflint/atflint/analyzers/vettool"
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/internal/position"
	"github.com/atflint/atflint/rules"
	"github.com/atflint/atflint/syntax"
)

// goRoots returns the directories whose packages, with ./..., the Go
// analyzers load: each of paths that is in a Go module, and each module
// nested under paths, which ./... of an outer one leaves out. Each
// directory comes once.
func goRoots(paths, modules []string) []string {
	var roots []string
	seen := map[string]bool{}
	add := func(dir string) {
		if abs, err := filepath.Abs(dir); err == nil && !seen[abs] {
			seen[abs] = true
			roots = append(roots, abs)
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil || !info.IsDir() {
			continue
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		for d := abs; ; d = filepath.Dir(d) {
			if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
				add(abs)
				break
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	for _, m := range modules {
		add(m)
	}
	return roots
}

// checkGo runs the analyzers on the Go packages under each root as go
// vet's tool, so that dependencies come from export data and compiled
// facts, and each package's results from go vet's cache when nothing it
// depends on changed: a check costs what go vet costs. A package that
// does not load or type-check is an error of the result; the others are
// analyzed all the same.
//
// manifests are the ATF manifests the run found, by absolute path: with
// those above each root, they are what the analyzers link the code to.
func checkGo(roots, manifests []string, base string, opt Options, res *Result) []finding.Finding {
	var fs []finding.Finding
	files := &sourceFiles{data: map[string][]byte{}}
	for i, root := range roots {
		if opt.Progress != nil {
			opt.Progress(i, len(roots), "Go module roots")
		}
		if opt.VetTool == "" {
			res.Errors = append(res.Errors, fmt.Errorf("the Go packages under %s are not analyzed: no vet tool is set (an internal error)", displayPath(base, root)))
			res.Internal = true
			return fs
		}
		good, err := listPackages(root, base, res)
		if err != nil {
			res.Errors = append(res.Errors, err)
			continue
		}
		if len(good) == 0 {
			continue
		}
		// Broken manifests are findings of the manifest rules; the
		// analyzers go without them.
		inRoot := atfmanifest.Above(root)
		for _, m := range manifests {
			if strings.HasPrefix(m, root+string(filepath.Separator)) {
				inRoot = append(inRoot, m)
			}
		}
		ms, _ := atfmanifest.ReadAll(inRoot)
		if opt.AtLevel.Known() {
			for _, m := range ms {
				m.Level = opt.AtLevel.String()
			}
		}
		out, vetErr := runVet(root, opt.VetTool, atfmanifest.Flag(ms), good)
		fs = append(fs, readVet(out, files, base, res)...)
		if vetErr != nil {
			res.Errors = append(res.Errors, vetErr...)
		}
	}
	return fs
}

// goPackage is what go list says of a package.
type goPackage struct {
	ImportPath string
	Dir        string
	GoFiles    []string
	CgoFiles   []string
	Module     *struct{ Path, Dir string }
	Error      *struct{ Err string }
	DepsErrors []struct{ Err string }
}

// listPackages lists the packages under root that go vet can load, and
// makes an error of the result of each it cannot, by name: go vet stops
// at the first package that does not load.
func listPackages(root, base string, res *Result) ([]string, error) {
	cmd := goCommand(root, "list", "-e", "-json=ImportPath,Dir,Module,GoFiles,CgoFiles,Error,DepsErrors", "./...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("cannot list the Go packages under %s: %v: %s", displayPath(base, root), err, offlineHint(firstLine(stderr.String()), displayPath(base, root)))
	}
	var good []string
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var p goPackage
		if err := dec.Decode(&p); err != nil {
			return nil, fmt.Errorf("reading go list's output for %s: %v", displayPath(base, root), err)
		}
		res.Packages++
		switch {
		case p.Error != nil:
			res.Errors = append(res.Errors, fmt.Errorf("cannot analyze Go package %s: %s; its other findings are not reported", p.ImportPath, offlineHint(firstLine(p.Error.Err), displayPath(base, root))))
		case len(p.DepsErrors) > 0:
			res.Errors = append(res.Errors, fmt.Errorf("cannot analyze Go package %s: a dependency does not load: %s; its other findings are not reported", p.ImportPath, offlineHint(firstLine(p.DepsErrors[0].Err), displayPath(base, root))))
		default:
			good = append(good, p.ImportPath)
			if res.Inventory != nil && p.Module != nil {
				res.Inventory.Modules = append(res.Inventory.Modules, InventoryModule{p.Module.Path, displayPath(base, p.Module.Dir)})
			}
			for _, f := range slices.Concat(p.GoFiles, p.CgoFiles) {
				abs := filepath.Join(p.Dir, f)
				res.Sources = append(res.Sources, Source{Path: displayPath(base, abs), Abs: abs, Format: "go"})
			}
		}
	}
	return good, nil
}

// runVet runs go vet with atflint as its tool on the packages, and
// returns its JSON output and the packages it could not analyze.
func runVet(root, tool, manifests string, pkgs []string) ([]byte, []error) {
	args := append([]string{"vet", "-vettool=" + tool, "-json", "-atfagent.manifests=" + manifests}, pkgs...)
	cmd := goCommand(root, args...)
	cmd.Env = append(cmd.Env, vettool.Env+"=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err == nil {
		return out, nil
	}
	// go vet prints "# import/path" before what went wrong with a package;
	// go 1.26 prints "# [import/path]" too, right after it, before the
	// message.
	var errs []error
	pkg, msg := "", ""
	flush := func() {
		if pkg != "" && msg != "" {
			errs = append(errs, fmt.Errorf("cannot analyze Go package %s: %s; its other findings are not reported", pkg, strings.TrimPrefix(msg, "vet: ")))
		}
		pkg, msg = "", ""
	}
	for _, line := range strings.Split(stderr.String(), "\n") {
		switch {
		case strings.HasPrefix(line, "# "):
			flush()
			pkg = strings.Trim(strings.TrimPrefix(line, "# "), "[]")
		case pkg != "" && msg == "" && strings.TrimSpace(line) != "":
			msg = line
		}
	}
	flush()
	if len(errs) == 0 {
		errs = append(errs, fmt.Errorf("go vet failed under %s: %v: %s", root, err, firstLine(stderr.String())))
	}
	return out, errs
}

// goCommand is the go command in dir, kept offline: atflint reads a
// repository and downloads nothing on its behalf, neither the modules its
// go.mod names (GOPROXY=off: those in the module cache or vendor serve)
// nor a toolchain a go or toolchain line asks for (GOTOOLCHAIN=local),
// which go would otherwise fetch and run. On a machine where downloading
// is fine, go mod download before atflint fills the cache.
func goCommand(dir string, args ...string) *exec.Cmd {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOTOOLCHAIN=local")
	return cmd
}

// offlineHint says what to do about a module missing from the cache.
func offlineHint(msg, dir string) string {
	if strings.Contains(msg, "GOPROXY=off") {
		return msg + " (atflint downloads no modules: run go mod download in " + dir + " first)"
	}
	return msg
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// vetDiagnostic is a diagnostic in go vet's JSON output.
type vetDiagnostic struct {
	Category string `json:"category"`
	Posn     string `json:"posn"`
	End      string `json:"end"`
	Message  string `json:"message"`
	Related  []struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	} `json:"related"`
}

// readVet turns go vet's JSON output, one object per package mapping each
// analyzer to its diagnostics or its error, into findings and the
// inventory.
func readVet(out []byte, files *sourceFiles, base string, res *Result) []finding.Finding {
	var fs []finding.Finding
	// A package is analysed again with its tests, and reports the same.
	seen := map[string]bool{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err != nil {
			res.Errors = append(res.Errors, fmt.Errorf("reading go vet's output: %v", err))
			res.Internal = true
			return fs
		}
		for _, pkg := range slices.Sorted(maps.Keys(tree)) {
			for _, name := range slices.Sorted(maps.Keys(tree[pkg])) {
				var diags []vetDiagnostic
				if err := json.Unmarshal(tree[pkg][name], &diags); err != nil {
					var failed struct{ Error string }
					_ = json.Unmarshal(tree[pkg][name], &failed)
					res.Errors = append(res.Errors, fmt.Errorf("analyzing Go package %s (%s): %s", pkg, name, failed.Error))
					continue
				}
				for _, d := range diags {
					if d.Category == vettool.InventoryCategory {
						if res.Inventory != nil {
							res.Inventory.addGo(files, base, d.Message)
						}
						continue
					}
					key := d.Category + "\x00" + d.Posn + "\x00" + d.End + "\x00" + d.Message
					if !seen[key] {
						seen[key] = true
						fs = append(fs, files.finding(base, d))
					}
				}
			}
		}
	}
	return fs
}

// sourceFiles reads Go files once, to count columns in code points.
type sourceFiles struct {
	mu   sync.Mutex
	data map[string][]byte
}

func (s *sourceFiles) finding(base string, d vetDiagnostic) finding.Finding {
	f := finding.Finding{Rule: d.Category, Severity: finding.Error, Message: d.Message}
	if r := rules.Lookup(d.Category); r != nil && len(r.ATF) > 0 {
		// A finding in code evidences the rule's main requirement.
		f.Severity, f.ATF = r.Severity, r.ATF[:1]
	}
	f.File, f.Span = s.span(base, d.Posn, d.End)
	for _, rel := range d.Related {
		file, span := s.span(base, rel.Posn, rel.End)
		f.Related = append(f.Related, finding.Related{File: file, Span: span, Message: rel.Message})
	}
	return f
}

// span converts go vet's positions, file:line:column with columns that
// count bytes, into a span whose columns count code points like every
// other finding's.
func (s *sourceFiles) span(base, posn, end string) (string, syntax.Span) {
	start := position.Parse(posn)
	stop := start
	if e := position.Parse(end); e.Line > 0 {
		stop = e
	}
	return displayPath(base, start.Filename), syntax.Span{
		Start: syntax.Pos{Line: start.Line, Col: s.column(start)},
		End:   syntax.Pos{Line: stop.Line, Col: s.column(stop)},
	}
}

func (s *sourceFiles) column(p token.Position) int {
	s.mu.Lock()
	src, ok := s.data[p.Filename]
	if !ok {
		src, _ = syntax.ReadFile(p.Filename)
		s.data[p.Filename] = src
	}
	s.mu.Unlock()
	lines := bytes.SplitN(src, []byte("\n"), p.Line+1)
	if p.Line < 1 || p.Line > len(lines) || p.Column < 1 {
		return max(p.Column, 1)
	}
	line := lines[p.Line-1]
	if p.Column-1 > len(line) {
		return p.Column
	}
	return utf8.RuneCount(line[:p.Column-1]) + 1
}
