// Package jsonschema is a stub of google/jsonschema-go, for tests.
package jsonschema

type Schema struct {
	Type        string
	Description string
	Properties  map[string]*Schema
}
