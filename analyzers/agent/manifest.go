package agent

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"

	"github.com/atflint/atflint/atf"
)

// A Manifest is what the analyzers need of an ATF manifest. The driver
// reads the manifests and passes them in the analyzer's -manifests flag:
// an analysis pass reads no file but its package's.
type Manifest struct {
	Path         string         `json:"path"`            // absolute
	Level        string         `json:"level,omitempty"` // intern, junior, senior, principal
	Code         []string       `json:"code,omitempty"`  // agent.code package patterns
	Capabilities []string       `json:"capabilities,omitempty"`
	Tools        []ManifestTool `json:"tools,omitempty"`
	// Guards are the functions, by full name (pkg/path.Func,
	// (*pkg/path.Type).Method), whose result is a person's approval.
	Guards []string `json:"guards,omitempty"`
}

// A ManifestTool is a manifest's entry for one tool.
type ManifestTool struct {
	Name         string   `json:"name"`
	Approval     string   `json:"approval,omitempty"`
	Capabilities []string `json:"capabilities,omitempty"`
}

// AgentLevel is the level the manifest declares; 0 when none.
func (m *Manifest) AgentLevel() atf.Level {
	l, _ := atf.ParseLevel(m.Level)
	return l
}

// Tool returns the manifest's entry for a tool, or nil.
func (m *Manifest) Tool(name string) *ManifestTool {
	for i := range m.Tools {
		if m.Tools[i].Name == name {
			return &m.Tools[i]
		}
	}
	return nil
}

// Declares reports whether the manifest declares a capability for a tool
// or for the whole agent. A scoped declaration (fs.write:/tmp) declares
// the capability.
func (m *Manifest) Declares(tool *ManifestTool, capability string) bool {
	lists := [][]string{m.Capabilities}
	if tool != nil {
		lists = append(lists, tool.Capabilities)
	}
	for _, l := range lists {
		for _, c := range l {
			name, _, _ := strings.Cut(c, ":")
			if name == capability || name == "*" {
				return true
			}
		}
	}
	return false
}

// Manifests is the value of the analyzer's -manifests flag: the
// manifests of the module, as a JSON array.
type Manifests []*Manifest

func (ms *Manifests) String() string {
	if ms == nil || len(*ms) == 0 {
		return ""
	}
	b, _ := json.Marshal(*ms)
	return string(b)
}

func (ms *Manifests) Set(s string) error {
	var v []*Manifest
	if s != "" {
		if err := json.Unmarshal([]byte(s), &v); err != nil {
			return err
		}
	}
	*ms = v
	return nil
}

// manifests are the manifests the driver passed.
var manifests Manifests

func init() {
	Analyzer.Flags.Var(&manifests, "manifests", "the ATF manifests of the module, as a JSON array of {path, level, code, capabilities, tools}; drivers set it")
}

// manifestFor links a package to its manifest: among the manifests in
// the package's directory and its parents, the nearest whose agent.code
// patterns match the package, else the nearest.
func manifestFor(ms Manifests, dir, pkgPath string) *Manifest {
	var nearest *Manifest
	depth := -1
	for _, m := range ms {
		mdir := filepath.Dir(m.Path)
		if mdir != dir && !strings.HasPrefix(dir, mdir+string(filepath.Separator)) {
			continue
		}
		d := strings.Count(mdir, string(filepath.Separator))
		if matchesCode(m, dir, pkgPath) {
			return m
		}
		if d > depth || d == depth && m.Path < nearest.Path {
			nearest, depth = m, d
		}
	}
	return nearest
}

// matchesCode reports whether one of the manifest's agent.code patterns,
// relative to the manifest's directory or an import path, names the
// package.
func matchesCode(m *Manifest, pkgDir, pkgPath string) bool {
	base := filepath.Dir(m.Path)
	return slices.ContainsFunc(m.Code, func(pattern string) bool {
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
