package rules

import (
	"testing"

	"github.com/atflint/atflint/internal/manifestgen"
	"github.com/atflint/atflint/loader"
)

// BenchmarkCheckManifest runs every rule on a synthetic manifest of about
// 2 KB, and takes its keys for the rules across files, as a run does.
func BenchmarkCheckManifest(b *testing.B) {
	f := loader.Load("agent.atf.yaml", []byte(manifestgen.Manifest(4824)), loader.Options{})
	b.ReportAllocs()
	for b.Loop() {
		CheckFile(f)
		Keys(f)
	}
}
