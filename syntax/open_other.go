//go:build !unix

package syntax

import (
	"io/fs"
	"os"
)

// A systemFile is a file open for reading.
type systemFile struct{ *os.File }

// openNoWait opens a file for reading. Outside Unix a file system holds
// no FIFO to wait on, and the stat of the open file refuses what is not a
// regular file.
func openNoWait(path string) (systemFile, error) {
	f, err := os.Open(path)
	return systemFile{f}, err
}

// stat returns the file's type and size.
func (f systemFile) stat() (fs.FileMode, int64, error) {
	info, err := f.Stat()
	if err != nil {
		return 0, 0, err
	}
	return info.Mode().Type(), info.Size(), nil
}
