// Package atfmanifest is for drivers of atflint's analyzers: it finds and
// reads the ATF manifests of a module into what the analyzers need, and
// writes them as the value of the atfagent analyzer's -manifests flag. An
// analysis pass reads no file but its package's, so the driver does this.
//
// It reads only the fields the analyzers use, with the syntax package's
// YAML and JSON parsers; the manifest is validated by atflint check, not
// here, so that atfvet links no schema or loader code.
package atfmanifest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/atflint/atflint/analyzers/agent"
	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/syntax"
)

// Read reads one manifest. A file that does not parse, or declares no
// agent, is an error.
func Read(path string) (*agent.Manifest, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	src, err := syntax.ReadFile(abs)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	var root *syntax.Node
	if strings.HasSuffix(abs, ".json") {
		doc, err := syntax.ParseJSON(src)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		root = doc.Root
	} else {
		docs, err := syntax.ParseYAML(src)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		if len(docs) != 1 {
			return nil, fmt.Errorf("%s: %d YAML documents; a manifest is one", path, len(docs))
		}
		root = docs[0].Root
	}
	a, ok := root.Lookup("agent")
	if !ok || a.Value.Kind != syntax.Mapping {
		return nil, fmt.Errorf("%s: no agent section", path)
	}
	m := &agent.Manifest{Path: abs, Code: strs(a.Value, "code"), Guards: strs(a.Value, "guards"), Capabilities: strs(root, "capabilities")}
	if l, ok := atf.ParseLevel(str(a.Value, "level")); ok {
		m.Level = l.String()
	}
	if tools, ok := root.Lookup("tools"); ok {
		for _, t := range tools.Value.Items {
			if t.Kind == syntax.Mapping {
				m.Tools = append(m.Tools, agent.ManifestTool{Name: str(t, "name"), Approval: str(t, "approval"), Capabilities: strs(t, "capabilities")})
			}
		}
	}
	return m, nil
}

func str(n *syntax.Node, key string) string {
	if e, ok := n.Lookup(key); ok && e.Value.Kind == syntax.Scalar && e.Value.Type != syntax.Null {
		return e.Value.Value
	}
	return ""
}

func strs(n *syntax.Node, key string) []string {
	e, ok := n.Lookup(key)
	if !ok {
		return nil
	}
	var out []string
	for _, it := range e.Value.Items {
		if it.Kind == syntax.Scalar && it.Type != syntax.Null {
			out = append(out, it.Value)
		}
	}
	return out
}

// skipDirs hold no manifest of the module's.
var skipDirs = map[string]bool{".git": true, "vendor": true, "node_modules": true}

// Discover finds the manifests a package under dir may belong to: those
// in dir's parents up to the module root (the nearest go.mod), and those
// in dir and below it. Manifests that cannot be read are returned as
// errors, the others all the same. The order is stable.
func Discover(dir string) ([]*agent.Manifest, []error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, []error{err}
	}
	return ReadAll(append(Above(dir), Below(dir)...))
}

// Below lists the manifests in dir, an absolute path, and under it, but
// for those in .git, vendor and node_modules, in walk order.
func Below(dir string) []string {
	var paths []string
	_ = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil // an unreadable folder holds nothing to link
		case e.IsDir() && p != dir && skipDirs[e.Name()]:
			return filepath.SkipDir
		case !e.IsDir() && atf.IsManifestName(e.Name()):
			paths = append(paths, p)
		}
		return nil
	})
	return paths
}

// Above lists the manifests in the parents of dir, an absolute path, up
// to the module root; none when dir is the module root. A driver that has
// walked dir already needs only these.
func Above(dir string) []string {
	var paths []string
	if !exists(filepath.Join(dir, "go.mod")) {
		for d := filepath.Dir(dir); ; d = filepath.Dir(d) {
			paths = append(paths, manifestsIn(d)...)
			if exists(filepath.Join(d, "go.mod")) || filepath.Dir(d) == d {
				break
			}
		}
	}
	return paths
}

// ReadAll reads the manifests at paths, in sorted order; those that
// cannot be read are errors.
func ReadAll(paths []string) ([]*agent.Manifest, []error) {
	paths = slices.Clone(paths)
	slices.Sort(paths)
	paths = slices.Compact(paths)
	var ms []*agent.Manifest
	var errs []error
	for _, p := range paths {
		m, err := Read(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ms = append(ms, m)
	}
	return ms, errs
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func manifestsIn(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		if !e.IsDir() && atf.IsManifestName(e.Name()) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out
}

// Flag writes manifests as the atfagent analyzer's -manifests flag's value.
func Flag(ms []*agent.Manifest) string {
	v := agent.Manifests(ms)
	return v.String()
}

// Hash is a digest of the manifests, for a build cache's key: go vet
// reuses a package's results while the tool and its flags are the same.
func Hash(ms []*agent.Manifest) string {
	sum := sha256.Sum256([]byte(Flag(ms)))
	return hex.EncodeToString(sum[:8])
}
