// Package atomicfile writes a file whole or not at all: to a temporary
// file beside it, renamed over it, so that a failed write never leaves
// half of a lock or a baseline that a later run would read.
package atomicfile

import (
	"os"
	"path/filepath"
)

// Write writes data to path, readable by all as a file to commit.
func Write(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
