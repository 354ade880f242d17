package agent

import (
	"path/filepath"
	"syscall"
	"testing"
)

// TestLoadManifestFIFO checks that a manifest that is not a regular file
// is passed over rather than waited on.
func TestLoadManifestFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), "agent.atf.yaml")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	if m := loadManifest(p); m != nil {
		t.Errorf("loadManifest(FIFO) = %+v; want none", m)
	}
}
