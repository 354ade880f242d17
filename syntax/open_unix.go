//go:build unix

package syntax

import (
	"os"
	"syscall"
)

// openNoWait opens a file for reading without blocking: a FIFO with no
// writer would otherwise hold the open until one comes.
func openNoWait(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
