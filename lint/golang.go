package lint

import (
	"bytes"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/atflint/atflint/analyzers/agent"
	"github.com/atflint/atflint/analyzers/suite"
	"github.com/atflint/atflint/finding"
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

// checkGo loads the Go packages under each root and runs the analyzers.
// A package that does not load or type-check is an error of the result;
// the others are analyzed all the same.
func checkGo(roots []string, base string, res *Result, progress func(done, total int, what string)) []finding.Finding {
	var fs []finding.Finding
	files := &sourceFiles{data: map[string][]byte{}}
	for i, root := range roots {
		if progress != nil {
			progress(i, len(roots), "Go module roots")
		}
		cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: root, Tests: false}
		pkgs, err := packages.Load(cfg, "./...")
		if err != nil {
			res.Errors = append(res.Errors, fmt.Errorf("cannot load the Go packages under %s: %v", displayPath(base, root), err))
			continue
		}
		var ok []*packages.Package
		res.Packages += len(pkgs)
		for _, p := range pkgs {
			if len(p.Errors) > 0 {
				res.Errors = append(res.Errors, fmt.Errorf("cannot analyze Go package %s: %v; its other findings are not reported", p.PkgPath, p.Errors[0]))
				continue
			}
			ok = append(ok, p)
		}
		if len(ok) == 0 {
			continue
		}
		analyzers := suite.Analyzers
		if res.Inventory != nil {
			analyzers = append(slices.Clone(analyzers), agent.Analyzer)
		}
		graph, err := checker.Analyze(analyzers, ok, nil)
		if err != nil {
			res.Errors = append(res.Errors, fmt.Errorf("analyzing the Go packages under %s: %v", displayPath(base, root), err))
			continue
		}
		for act := range graph.All() {
			if !act.IsRoot {
				continue
			}
			if act.Err != nil {
				res.Errors = append(res.Errors, fmt.Errorf("analyzing Go package %s: %v", act.Package.PkgPath, act.Err))
				continue
			}
			for _, d := range act.Diagnostics {
				fs = append(fs, files.finding(act.Package.Fset, base, d))
			}
			if ar, ok := act.Result.(*agent.Result); ok && res.Inventory != nil {
				res.Inventory.addGo(files, act.Package.Fset, base, ar)
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

func (s *sourceFiles) finding(fset *token.FileSet, base string, d analysis.Diagnostic) finding.Finding {
	f := finding.Finding{Rule: d.Category, Severity: finding.Error, Message: d.Message}
	if r := rules.Lookup(d.Category); r != nil && len(r.ATF) > 0 {
		// A finding in code evidences the rule's main requirement.
		f.Severity, f.ATF = r.Severity, r.ATF[:1]
	}
	f.File, f.Span = s.span(fset, base, d.Pos, d.End)
	for _, rel := range d.Related {
		file, span := s.span(fset, base, rel.Pos, rel.End)
		f.Related = append(f.Related, finding.Related{File: file, Span: span, Message: rel.Message})
	}
	return f
}

// span converts token positions, whose columns count bytes, into a span
// whose columns count code points like every other finding's.
func (s *sourceFiles) span(fset *token.FileSet, base string, pos, end token.Pos) (string, syntax.Span) {
	start := fset.Position(pos)
	stop := start
	if end.IsValid() {
		stop = fset.Position(end)
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
		src, _ = os.ReadFile(p.Filename)
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
