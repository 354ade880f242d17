package schemas

import (
	"testing"

	"github.com/atflint/atflint/internal/manifestgen"
	"github.com/atflint/atflint/syntax"
)

// BenchmarkValidateManifest validates a synthetic manifest of about 2 KB
// against the manifest schema.
func BenchmarkValidateManifest(b *testing.B) {
	docs, err := syntax.ParseYAML([]byte(manifestgen.Manifest(4824)))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if problems, err := Validate(docs[0].Root); err != nil || len(problems) > 0 {
			b.Fatal(err, problems)
		}
	}
}
