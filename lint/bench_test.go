package lint

import (
	"fmt"
	"testing"

	"github.com/atflint/atflint/internal/manifestgen"
)

// BenchmarkRun checks 1,000 and 10,000 synthetic manifests of about 2 KB.
// The time per file should stay flat from one size to the other: rules
// across files are linear. bench/run compares the whole command with a
// program that only reads the files, with YAML parsers, and with cue vet.
func BenchmarkRun(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			if err := manifestgen.Write(dir, n); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				res, err := Run([]string{dir}, Options{BaseDir: dir})
				if err != nil || res.Files != n {
					b.Fatalf("%v, %d files", err, res.Files)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/file")
		})
	}
}
