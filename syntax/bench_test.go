package syntax

import (
	"testing"

	"github.com/atflint/atflint/internal/manifestgen"
)

// BenchmarkParseManifest parses a synthetic manifest of about 2 KB as a
// run does, in an arena reset from one file to the next; bench/run
// measures the whole linter.
func BenchmarkParseManifest(b *testing.B) {
	src := []byte(manifestgen.Manifest(4824))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	var arena Arena
	for b.Loop() {
		if _, err := arena.ParseYAML(src); err != nil {
			b.Fatal(err)
		}
		arena.Reset()
	}
}
