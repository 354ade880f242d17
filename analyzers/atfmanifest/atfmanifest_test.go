package atfmanifest

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/atflint/atflint/analyzers/agent"
	"github.com/atflint/atflint/internal/fuzzseed"
)

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRead(t *testing.T) {
	p := filepath.Join(t.TempDir(), "agent.atf.yaml")
	write(t, p, `atf: "0.9"
agent: {id: urn:acme:agent:a, level: junior, code: ["./..."]}
capabilities: [fs.read]
tools:
  - {name: delete_file, capabilities: [fs.delete], approval: required}
`)
	m, err := Read(p)
	if err != nil {
		t.Fatal(err)
	}
	if m.Level != "junior" || len(m.Code) != 1 || m.Capabilities[0] != "fs.read" || m.Tool("delete_file").Approval != "required" || !covers(m, "delete_file", "fs.delete") {
		t.Errorf("Read = %+v", m)
	}
}

// TestReadFIFO checks that a manifest that is not a regular file is
// refused rather than waited on.
func TestReadFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), "agent.atf.yaml")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	if _, err := Read(p); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("Read(FIFO) error = %v", err)
	}
}

// TestDiscover finds the manifests above a package up to its module's
// root, and below it, and reports the broken ones.
func TestDiscover(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "agent.atf.yaml"), "agent: {id: outside}\n")
	mod := filepath.Join(root, "mod")
	write(t, filepath.Join(mod, "go.mod"), "module m\n")
	write(t, filepath.Join(mod, "atf.yaml"), "agent: {level: senior}\n")
	write(t, filepath.Join(mod, "pkg", "sub", "tool.atf.yaml"), "agent: {level: intern}\n")
	write(t, filepath.Join(mod, "pkg", "broken.atf.yaml"), "agent: [\n")
	ms, errs := Discover(filepath.Join(mod, "pkg"))
	if len(ms) != 2 || ms[0].Level != "senior" || ms[1].Level != "intern" {
		t.Errorf("Discover = %v", Flag(ms))
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "broken.atf.yaml") {
		t.Errorf("errors = %v", errs)
	}
	if Hash(ms) == Hash(ms[:1]) {
		t.Error("Hash does not change with the manifests")
	}
}

func covers(m *agent.Manifest, tool, capability string) bool {
	ok, _ := m.Covers(m.Tool(tool), agent.Effect{Capability: capability})
	return ok
}

// FuzzRead: no manifest makes the analyzers' reader panic, and what it
// reads writes to the flag and back.
func FuzzRead(f *testing.F) {
	for _, src := range fuzzseed.Files(f, ".atf.yaml", ".atf.json") {
		f.Add(src, false)
	}
	f.Fuzz(func(t *testing.T, src []byte, json bool) {
		name := "agent.atf.yaml"
		if json {
			name = "agent.atf.json"
		}
		m, err := Read(fuzzseed.TempFile(t, name, src))
		if err != nil {
			return
		}
		var back agent.Manifests
		if err := back.Set(Flag([]*agent.Manifest{m})); err != nil || len(back) != 1 {
			t.Fatalf("the flag does not read back: %v", err)
		}
	})
}
