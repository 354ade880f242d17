package filter

import (
	"testing"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/syntax"
)

func TestParseDiff(t *testing.T) {
	const diff = `diff --git a/a.yaml b/a.yaml
--- a/a.yaml
+++ b/a.yaml
@@ -3 +3 @@ x
@@ -7,2 +6,0 @@
@@ -10,0 +10,3 @@
diff --git "a/sp ace\303\251.json" "b/sp ace\303\251.json"
new file mode 100644
--- /dev/null
+++ "b/sp ace\303\251.json"
@@ -0,0 +1,2 @@
`
	c := parseDiff(diff)
	for _, tc := range []struct {
		file string
		line int
		want bool
	}{
		{"a.yaml", 3, true}, {"a.yaml", 4, false}, {"a.yaml", 6, false}, {"a.yaml", 10, true}, {"a.yaml", 12, true}, {"a.yaml", 13, false},
		{"sp aceé.json", 40, true}, {"b.yaml", 1, false},
	} {
		f := finding.Finding{File: tc.file, Span: syntax.Span{Start: syntax.Pos{Line: tc.line, Col: 1}}}
		if got := len(c.Keep([]finding.Finding{f})) == 1; got != tc.want {
			t.Errorf("%s:%d kept %v, want %v", tc.file, tc.line, got, tc.want)
		}
	}
}
