package syntax

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadFile checks what ReadFile takes and refuses, and that it reads a
// file whole when the file is longer than stat said, as /proc files are.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(small, []byte("a: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if src, err := ReadFile(small); err != nil || string(src) != "a: 1\n" {
		t.Errorf("ReadFile = %q, %v", src, err)
	}
	if _, err := ReadFile(dir); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("a directory: %v", err)
	}
	if _, err := ReadFile(filepath.Join(dir, "missing.yaml")); err == nil || strings.Contains(err.Error(), dir) {
		t.Errorf("a missing file: %v; want an error without the path", err)
	}
	if info, err := os.Stat("/proc/self/status"); err == nil && info.Size() == 0 {
		if src, err := ReadFile("/proc/self/status"); err != nil || !strings.Contains(string(src), "Pid:") {
			t.Errorf("a file longer than its stat: %d bytes, %v", len(src), err)
		}
	}
}
