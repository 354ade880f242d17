// Package user reaches lib's capabilities through calls.
package user

import "facts/lib"

func Clean(p string) { // want Clean:"reaches fs.delete"
	lib.Delete(p)
}
