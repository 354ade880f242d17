package manifestgen

import (
	"testing"

	"github.com/atflint/atflint/loader"
	"github.com/atflint/atflint/model"
)

// TestManifests checks that the synthetic manifests are the size the
// benchmarks promise and load without schema problems.
func TestManifests(t *testing.T) {
	total := 0
	for i := range 100 {
		m := Manifest(i)
		total += len(m)
		f := loader.LoadATF("m.atf.yaml", []byte(m))
		for _, p := range f.Problems {
			if p.Kind == model.Invalid || p.Kind == model.UnknownKey {
				t.Fatalf("manifest %d: %v: %s", i, p.Span.Start, p.Message)
			}
		}
	}
	if avg := total / 100; avg < 1800 || avg > 2300 {
		t.Errorf("average size %d bytes, want about 2 KB", avg)
	}
}
