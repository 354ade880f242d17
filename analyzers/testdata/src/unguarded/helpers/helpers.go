// Package helpers does a side effect on behalf of tools in other packages.
package helpers

import "os"

func Cleanup(dir string) error { return os.RemoveAll(dir) }

// CleanupApproved deletes only what its approver allows.
func CleanupApproved(dir string, approved func(string) bool) error {
	if !approved(dir) {
		return nil
	}
	return os.RemoveAll(dir)
}
