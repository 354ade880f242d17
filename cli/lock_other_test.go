//go:build !unix

package cli

import "errors"

// lockFile is not written for this system; stableCopy then uses a
// temporary directory.
func lockFile(string) (func(), error) {
	return nil, errors.New("no file locks on this system")
}
