package loader

import (
	"testing"

	"github.com/atflint/atflint/internal/manifestgen"
	"github.com/atflint/atflint/syntax"
)

// BenchmarkLoadManifest loads a synthetic manifest of about 2 KB as a run
// does, its tree in an arena reset from one file to the next: parse,
// schema, and the agent model.
func BenchmarkLoadManifest(b *testing.B) {
	src := []byte(manifestgen.Manifest(4824))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	var arena syntax.Arena
	for b.Loop() {
		if f := Load("agent.atf.yaml", src, Options{Arena: &arena}); len(f.Agents) != 1 {
			b.Fatalf("%d agents", len(f.Agents))
		}
		arena.Reset()
	}
}
