package agent

import (
	"encoding/json"
	"fmt"
	"net"
	"net/url"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/atflint/atflint/analyzers/internal/guard"
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

// Covers says whether the manifest declares what an effect of a tool
// does, for the tool or for the whole agent, and when it does not because
// of a scope, why. A declaration with no scope (fs.write) covers the
// capability; a scoped one (fs.write:/tmp, net.outbound:api.example.com)
// covers a call only when each path or host it acts on is a constant
// inside the scope, or a resource check keeps it inside.
func (m *Manifest) Covers(tool *ManifestTool, e Effect) (bool, string) {
	lists := [][]string{m.Capabilities}
	if tool != nil {
		lists = append(lists, tool.Capabilities)
	}
	var scopes []string
	declared := false
	for _, l := range lists {
		for _, c := range l {
			name, scope, scoped := strings.Cut(c, ":")
			if name != e.Capability && name != "*" {
				continue
			}
			declared = true
			if !scoped || scope == "" || scope == "*" || !hasTargets(e.Capability) {
				return true, ""
			}
			scopes = append(scopes, scope)
		}
	}
	if !declared {
		return false, ""
	}
	within := strings.Join(scopes, ", ")
	if e.Dynamic && e.Guard < guard.Resource {
		return false, fmt.Sprintf("on a target that is not a constant, so the declared scope (%s) cannot be checked: keep it inside with a check (a path compared after filepath.Clean, a host in a fixed allowlist), or declare %s without a scope", within, e.Capability)
	}
	for _, t := range e.Targets {
		if !slices.ContainsFunc(scopes, func(s string) bool { return inScope(e.Capability, t, s) }) {
			return false, fmt.Sprintf("on %q, outside the declared scope (%s)", t, within)
		}
	}
	return true, ""
}

// hasTargets reports the capabilities whose scope is a path or a host.
func hasTargets(capability string) bool {
	return strings.HasPrefix(capability, "fs.") || capability == "net.outbound"
}

// inScope reports whether a target is inside a scope: a path at or under
// the scope's path, a host equal to the scope's, or under a *. one.
func inScope(capability, target, scope string) bool {
	if strings.HasPrefix(capability, "fs.") {
		t, s := path.Clean(filepath.ToSlash(target)), path.Clean(filepath.ToSlash(scope))
		return t == s || strings.HasPrefix(t, strings.TrimSuffix(s, "/")+"/")
	}
	host := hostOf(target)
	scope = strings.ToLower(scope)
	if rest, ok := strings.CutPrefix(scope, "*."); ok {
		return strings.HasSuffix(host, "."+rest)
	}
	return host == scope
}

// hostOf is the host a URL or a network address names.
func hostOf(target string) string {
	if u, err := url.Parse(target); err == nil && u.Host != "" {
		return strings.ToLower(u.Hostname())
	}
	if h, _, err := net.SplitHostPort(target); err == nil {
		return strings.ToLower(h)
	}
	return strings.ToLower(target)
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
