package golangci

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/atflint/atflint/analyzers/agent"
)

func writeManifest(t *testing.T, dir, body string) string {
	t.Helper()
	path := filepath.Join(dir, "agent.atf.yaml")
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestSettings: the named manifests reach the atfagent analyzer, the
// level fills in where a manifest declares none, and the cache key
// changes with the manifests.
func TestSettings(t *testing.T) {
	dir := t.TempDir()
	path := writeManifest(t, dir, "agent: {id: urn:acme:agent:a, code: [\"./...\"]}\n")
	p, err := New(map[string]any{"manifests": []any{path}, "level": "intern"})
	if err != nil {
		t.Fatal(err)
	}
	as, _ := p.BuildAnalyzers()
	if p.GetLoadMode() != "typesinfo" {
		t.Errorf("load mode %q, want typesinfo", p.GetLoadMode())
	}
	flag := agent.Analyzer.Flags.Lookup("manifests").Value.String()
	if !strings.Contains(flag, `"level":"intern"`) || !strings.Contains(flag, filepath.ToSlash(path)) {
		t.Errorf("manifests flag = %s, want the manifest at level intern", flag)
	}
	key := as[len(as)-1].Name

	writeManifest(t, dir, "agent: {id: urn:acme:agent:a, level: senior, code: [\"./...\"]}\n")
	p, err = New(map[string]any{"manifests": []any{path}, "level": "intern"})
	if err != nil {
		t.Fatal(err)
	}
	as2, _ := p.BuildAnalyzers()
	if as2[len(as2)-1].Name == key {
		t.Error("the cache key analyzer's name does not change with the manifest")
	}
	if flag := agent.Analyzer.Flags.Lookup("manifests").Value.String(); !strings.Contains(flag, `"level":"senior"`) {
		t.Errorf("manifests flag = %s: the setting's level overrode the declared one", flag)
	}
	if len(as2) != len(as) || len(as) < 2 {
		t.Errorf("%d analyzers then %d", len(as), len(as2))
	}
}

func TestBadSettings(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		settings map[string]any
		want     string
	}{
		{map[string]any{"manifest": "a.atf.yaml"}, "unknown field"},
		{map[string]any{"level": "expert"}, `level "expert"`},
		{map[string]any{"manifests": []any{filepath.Join(dir, "none.atf.yaml")}}, "none.atf.yaml"},
		{map[string]any{"manifests": "a.atf.yaml"}, "cannot unmarshal"},
	} {
		_, err := New(tc.settings)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New(%v) = %v, want an error saying %q", tc.settings, err, tc.want)
		}
	}
}
