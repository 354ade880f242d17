//go:build unix

package syntax

import (
	"io"
	"io/fs"
	"syscall"
)

// A systemFile is a file open for reading, read and closed with system
// calls alone: an os.File registers each file with the runtime's poller
// (a failing epoll_ctl on a regular file) and sets a cleanup on it, which
// cost a fifth of reading a small file.
type systemFile int

// openNoWait opens a file for reading without blocking: a FIFO with no
// writer would otherwise hold the open until one comes.
func openNoWait(path string) (systemFile, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
		if err == syscall.EINTR {
			continue
		}
		return systemFile(fd), err
	}
}

func (f systemFile) Read(p []byte) (int, error) {
	for {
		n, err := syscall.Read(int(f), p)
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return 0, err
		case n == 0 && len(p) > 0:
			return 0, io.EOF
		}
		return n, nil
	}
}

func (f systemFile) Close() error { return syscall.Close(int(f)) }

// stat returns the file's type and size.
func (f systemFile) stat() (fs.FileMode, int64, error) {
	var st syscall.Stat_t
	for {
		err := syscall.Fstat(int(f), &st)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return 0, 0, err
		}
		break
	}
	var mode fs.FileMode
	switch st.Mode & syscall.S_IFMT {
	case syscall.S_IFDIR:
		mode = fs.ModeDir
	case syscall.S_IFIFO:
		mode = fs.ModeNamedPipe
	case syscall.S_IFCHR:
		mode = fs.ModeDevice | fs.ModeCharDevice
	case syscall.S_IFBLK:
		mode = fs.ModeDevice
	case syscall.S_IFSOCK:
		mode = fs.ModeSocket
	case syscall.S_IFLNK:
		mode = fs.ModeSymlink
	}
	return mode, st.Size, nil
}
