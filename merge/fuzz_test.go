package merge

import (
	"testing"

	"github.com/atflint/atflint/internal/fuzzseed"
)

// FuzzRead: no result file makes merge panic; it is merged or is an error.
func FuzzRead(f *testing.F) {
	fuzzseed.Add(f, "check.json", "inventory.json", "tools.json")
	f.Fuzz(func(t *testing.T, src []byte) {
		rep, err := Read([]string{fuzzseed.TempFile(t, "o__r.json", src)})
		if err == nil && len(rep.Repositories) != 1 {
			t.Fatalf("%d repositories from one file", len(rep.Repositories))
		}
	})
}
