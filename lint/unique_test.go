package lint

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestSharedKeys checks a value two files share is reported once, at the
// later file, and that hashes that meet for values that differ report
// nothing: the values are compared, not the hashes.
func TestSharedKeys(t *testing.T) {
	dir := t.TempDir()
	manifest := func(id string) string {
		return strings.Replace(cleanManifest, "urn:acme:agent:x", id, 1)
	}
	write(t, filepath.Join(dir, "a.atf.yaml"), manifest("urn:acme:agent:one"))
	write(t, filepath.Join(dir, "b.atf.yaml"), manifest("urn:acme:agent:two"))
	write(t, filepath.Join(dir, "c.atf.yaml"), manifest("urn:acme:agent:one"))
	res, err := Run([]string{dir}, Options{BaseDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	var shared []string
	for _, f := range res.Findings {
		if f.Rule == "duplicate-agent-id" {
			shared = append(shared, f.File+" after "+f.Related[0].File)
		}
	}
	if got := strings.Join(shared, ", "); got != "c.atf.yaml after a.atf.yaml" {
		t.Errorf("duplicate-agent-id: got %q, want c.atf.yaml after a.atf.yaml", got)
	}

	// a and b, of different ids, as if their hashes were one.
	files := []input{
		{abs: filepath.Join(dir, "a.atf.yaml"), display: "a.atf.yaml"},
		{abs: filepath.Join(dir, "b.atf.yaml"), display: "b.atf.yaml"},
	}
	colliding := &keyHashes{hashes: []keyHash{{42, 1}, {42, 0}}}
	if fs := colliding.check(files, &Options{}); len(fs) != 0 {
		t.Errorf("hashes that meet for values that differ: got %v", fs)
	}
}
