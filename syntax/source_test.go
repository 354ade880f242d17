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

// TestReadListedFile checks a file the walk listed as regular is read
// whole into a buffer used again, whatever its size against the buffer,
// and a file too large is refused with its size, not read to the end.
func TestReadListedFile(t *testing.T) {
	dir := t.TempDir()
	var buf []byte
	for _, size := range []int{0, 5, 4095, 4096, 4097, 70000, 12} {
		path := filepath.Join(dir, "f.yaml")
		want := strings.Repeat("x", size)
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		src, err := ReadFileTo(path, buf, true)
		if err != nil || string(src) != want {
			t.Fatalf("%d bytes: got %d bytes, %v", size, len(src), err)
		}
		buf = src
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, 50<<20); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFileTo(big, buf, true); err == nil || !strings.Contains(err.Error(), "the file is 50.0 MB") {
		t.Errorf("a 50 MB file: %v", err)
	}
}
