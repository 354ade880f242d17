package agent

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/atflint/atflint/loader"
	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

// A Manifest is the ATF manifest a package belongs to.
type Manifest struct {
	Path  string // the file, as found on disk
	Agent *model.Agent
}

// Tool returns the manifest's entry for a tool, or nil.
func (m *Manifest) Tool(name string) *model.Tool {
	for _, t := range m.Agent.Tools {
		if t.Name.Value == name {
			return t
		}
	}
	return nil
}

// Declares reports whether the manifest declares a capability for a tool
// or for the whole agent. A scoped declaration (fs.write:/tmp) declares
// the capability.
func (m *Manifest) Declares(tool *model.Tool, capability string) bool {
	lists := []model.List{m.Agent.Capabilities}
	if tool != nil {
		lists = append(lists, tool.Capabilities)
	}
	for _, l := range lists {
		for _, c := range l.Items {
			name, _, _ := strings.Cut(c.Value, ":")
			if name == capability || name == "*" {
				return true
			}
		}
	}
	return false
}

// manifests caches loaded manifests for the whole process: many packages
// of one module share them.
var manifests sync.Map // path → *Manifest (nil when not a usable manifest)

// findManifest links a package to its manifest: among the manifests in
// the package's directory and its parents up to the module root, the
// nearest whose agent.code patterns match the package, else the nearest.
// A go/analysis pass can read only its package's files, so the manifest is
// read from disk here, once per process.
func findManifest(pass *analysis.Pass) *Manifest {
	if len(pass.Files) == 0 {
		return nil
	}
	dir := filepath.Dir(pass.Fset.File(pass.Files[0].Pos()).Name())
	var nearest *Manifest
	for d := dir; ; d = filepath.Dir(d) {
		for _, m := range manifestsIn(d) {
			if nearest == nil {
				nearest = m
			}
			if matchesCode(m, dir, pass.Pkg.Path()) {
				return m
			}
		}
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil || filepath.Dir(d) == d {
			return nearest
		}
	}
}

func manifestsIn(dir string) []*Manifest {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []*Manifest
	for _, e := range entries {
		if e.IsDir() || !loader.IsATFManifest(e.Name()) {
			continue
		}
		if m := loadManifest(filepath.Join(dir, e.Name())); m != nil {
			out = append(out, m)
		}
	}
	return out
}

func loadManifest(path string) *Manifest {
	if m, ok := manifests.Load(path); ok {
		return m.(*Manifest)
	}
	var m *Manifest
	if src, err := syntax.ReadFile(path); err == nil {
		if f := loader.LoadATF(path, src); len(f.Agents) == 1 {
			m = &Manifest{Path: path, Agent: f.Agents[0]}
		}
	}
	actual, _ := manifests.LoadOrStore(path, m)
	return actual.(*Manifest)
}

// matchesCode reports whether one of the manifest's agent.code patterns,
// relative to the manifest's directory or an import path, names the
// package.
func matchesCode(m *Manifest, pkgDir, pkgPath string) bool {
	base := filepath.Dir(m.Path)
	return slices.ContainsFunc(m.Agent.Code, func(p model.Field[string]) bool {
		pattern := p.Value
		if strings.HasPrefix(pattern, ".") || filepath.IsAbs(pattern) {
			return matchPattern(filepath.ToSlash(filepath.Join(base, pattern)), filepath.ToSlash(pkgDir))
		}
		return matchPattern(pattern, pkgPath)
	})
}

// matchPattern matches a Go package pattern: a path, or a path ending in
// /... for it and everything below.
func matchPattern(pattern, path string) bool {
	if prefix, ok := strings.CutSuffix(pattern, "/..."); ok {
		return path == prefix || strings.HasPrefix(path, prefix+"/")
	}
	return path == pattern
}
