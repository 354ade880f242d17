// Package store is the module's own storage interface and the type that
// implements it, in a package the tools' package imports.
package store

import "os"

type Store interface {
	Drop(name string) error
	Size(name string) (int64, error)
}

type Disk struct{ Root string }

func (d *Disk) Drop(name string) error { return os.Remove(d.Root + "/" + name) }

func (d *Disk) Size(name string) (int64, error) {
	fi, err := os.Stat(d.Root + "/" + name)
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}
