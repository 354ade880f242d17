// Package schema is a stub of Eino's schema types, for tests.
package schema

type ToolInfo struct {
	Name string
	Desc string
}
