package review

import (
	"testing"

	"github.com/atflint/atflint/internal/fuzzseed"
)

// FuzzAddedLines: no patch GitHub sends makes the reader of added lines
// panic, and every line it returns is a line number.
func FuzzAddedLines(f *testing.F) {
	f.Add("@@ -1,2 +1,3 @@\n a\n+b\n c\n\\ No newline at end of file\n")
	f.Add("@@ -0,0 +1 @@\n+x")
	f.Fuzz(func(t *testing.T, patch string) {
		for line := range addedLines(patch) {
			if line < 1 {
				t.Fatalf("added line %d", line)
			}
		}
	})
}

// FuzzReadEvent: no event file makes ReadEvent panic; a pull request it
// reads names its repository and number.
func FuzzReadEvent(f *testing.F) {
	f.Add([]byte(`{"pull_request": {"number": 7, "head": {"sha": "abc"}, "base": {"sha": "def"}}, "repository": {"full_name": "o/r"}}`))
	fuzzseed.Add(f, "event.json")
	f.Fuzz(func(t *testing.T, src []byte) {
		pr, err := ReadEvent(fuzzseed.TempFile(t, "event.json", src))
		if err == nil && (pr.Owner == "" || pr.Repo == "" || pr.Number == 0) {
			t.Fatalf("read %+v from %q", pr, src)
		}
	})
}
