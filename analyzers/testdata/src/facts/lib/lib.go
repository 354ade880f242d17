// Package lib's functions reach capabilities that code elsewhere uses.
package lib

import (
	"net/http"
	"os"
)

func Delete(path string) error { // want Delete:"reaches fs.delete"
	return os.Remove(path)
}

// Approved takes its decision as a function value, which is not followed:
// it guards nothing.
func Approved(path string, approve func(string) bool) error { // want Approved:"reaches fs.delete"
	if !approve(path) {
		return nil
	}
	return os.Remove(path)
}

// deleteAll reaches through Delete, in the same package. No other package
// can call it, so it has no fact of its own; Clear, which can, does.
func deleteAll(paths []string) {
	for _, p := range paths {
		Delete(p)
	}
}

func Clear(paths []string) { // want Clear:"reaches fs.delete"
	deleteAll(paths)
}

func Fetch(url string) { // want Fetch:"reaches net.outbound"
	http.Get(url)
}

func Recurse(n int) { // want Recurse:"reaches fs.write"
	if n > 0 {
		Recurse(n - 1)
	}
	os.WriteFile("x", nil, 0o600)
}

func Pure(a, b int) int { return a + b }

// Store is generic: a call of an instance's method reaches what the
// method does.
type Store[T any] struct{ root string }

func (s Store[T]) Drop(path string) error { // want Drop:"reaches fs.delete"
	return os.Remove(s.root + path)
}

func DropAll(paths []string) { // want DropAll:"reaches fs.delete"
	var s Store[int]
	for _, p := range paths {
		s.Drop(p)
	}
}
