package filter

import (
	"archive/tar"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Snapshot writes the tree of the git revision rev, of the repository
// around the working directory, into a new temporary directory, and
// returns where the working directory's counterpart is in it, and how to
// remove it. Only regular files are written: a symbolic link in the
// revision could point anywhere, and a path that climbs out is refused.
func Snapshot(rev string) (dir string, remove func(), err error) {
	commit, err := commitOf("--diff", rev)
	if err != nil {
		return "", nil, err
	}
	prefix, err := git("rev-parse", "--show-prefix")
	if err != nil {
		return "", nil, fmt.Errorf("--diff %s: %v", rev, err)
	}
	root, err := os.MkdirTemp("", "atflint-rev-*")
	if err != nil {
		return "", nil, err
	}
	remove = func() { os.RemoveAll(root) }
	cmd := exec.Command("git", "archive", "--format=tar", commit)
	out, err := cmd.StdoutPipe()
	if err == nil {
		err = cmd.Start()
	}
	if err == nil {
		err = untar(out, root)
		if werr := cmd.Wait(); err == nil && werr != nil {
			err = werr
		}
	}
	if err != nil {
		remove()
		return "", nil, fmt.Errorf("--diff %s: reading the revision with git archive: %v", rev, err)
	}
	return filepath.Join(root, filepath.FromSlash(strings.TrimSpace(prefix))), remove, nil
}

// untar writes the regular files and directories of a tar stream under
// root.
func untar(r io.Reader, root string) error {
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		name := filepath.FromSlash(h.Name)
		if !filepath.IsLocal(name) {
			continue
		}
		path := filepath.Join(root, name)
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(path, 0o755); err != nil {
				return err
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return err
			}
			f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
			if err != nil {
				return err
			}
			_, err = io.Copy(f, tr)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
		}
	}
}
