package syntax

import (
	"strings"
	"testing"

	"github.com/atflint/atflint/internal/fuzzseed"
)

func TestParseTOML(t *testing.T) {
	src := `# Codex
approval_policy = "never"
sandbox_mode = 'danger-full-access'

[mcp_servers.docs]
command = "npx"
args = ["-y", "docs-mcp"]
env = { TOKEN = "x", "é" = 1 }

[[profiles.list]]
name = "a"
[[profiles.list]]
name = "ünï"
enabled = true
`
	root, err := ParseTOML([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	Walk(root, func(path []string, parent *Entry, n *Node) {
		if n.Kind == Scalar {
			got[strings.Join(path, ".")] = n.Value + " " + n.Span.Start.String() + "-" + n.Span.End.String()
		}
	})
	for k, want := range map[string]string{
		"approval_policy":          "never 2:19-2:26",
		"sandbox_mode":             "danger-full-access 3:16-3:36",
		"mcp_servers.docs.command": "npx 6:11-6:16",
		"mcp_servers.docs.args.1":  "docs-mcp 7:15-7:25",
		"mcp_servers.docs.env.é":   "1 8:28-8:29",
		"profiles.list.1.name":     "ünï 13:8-13:13",
	} {
		if got[k] != want {
			t.Errorf("%s: %q, want %q", k, got[k], want)
		}
	}
	e, _ := root.Lookup("mcp_servers")
	if d, _ := e.Value.Lookup("docs"); d.Key.Span.Start != (Pos{5, 14}) {
		t.Errorf("key docs at %v", d.Key.Span.Start)
	}
}

// TestParseTOML11: TOML 1.1's inline tables over several lines, with a
// trailing comma, as Codex configs write them, keep their positions.
func TestParseTOML11(t *testing.T) {
	root, err := ParseTOML([]byte("[mcp_servers.db]\nenv = {\n  TOKEN = \"x\",\n  HOST = \"h\",\n}\n"))
	if err != nil {
		t.Fatal(err)
	}
	servers, _ := root.Lookup("mcp_servers")
	db, _ := servers.Value.Lookup("db")
	env, _ := db.Value.Lookup("env")
	host, ok := env.Value.Lookup("HOST")
	if !ok || host.Value.Value != "h" || host.Value.Span.Start != (Pos{4, 10}) {
		t.Errorf("HOST = %+v", host.Value)
	}
}

func TestParseTOMLErrors(t *testing.T) {
	for src, want := range map[string]string{
		"a = 1\na = 2\n":         "2:1: a is defined twice",
		"[t]\nx = 1\n[t]\n":      "3:2: t is defined twice",
		"a = \n":                 "1:",
		"[[t]]\n[t]\n":           "2:2: t is defined twice",
		"a = [1, 2\n":            "1:10: array is incomplete",
		"a.b = 1\na.b.c = 2\n":   "2:3: b is not a table",
		"h = { x = '{' }\ny = {": "2:5: inline table is incomplete",
	} {
		if _, err := ParseTOML([]byte(src)); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%q: %v; want %q", src, err, want)
		}
	}
}

// FuzzParseTOML: any input parses or is an error, and a tree's positions
// lie in the document.
func FuzzParseTOML(f *testing.F) {
	for _, s := range []string{"a = 1\n", "[t]\nx = [1, {y = 'z'}]\n", "[[a.b]]\nc = 1979-05-27T07:32:00Z\n", "a = \"\\u00e9\"\n", "x = [\n", "h = { \n  x = 1\n}\n", "[[t]]\n[t]\n"} {
		f.Add([]byte(s))
	}
	fuzzseed.Add(f, ".toml")
	f.Fuzz(func(t *testing.T, src []byte) {
		root, err := ParseTOML(src)
		if err != nil {
			return
		}
		lines := strings.Count(string(src), "\n") + 1
		Walk(root, func(_ []string, _ *Entry, n *Node) {
			if n.Span.Start.Line < 1 || n.Span.Start.Line > lines {
				t.Fatalf("a node at %v in %d lines", n.Span.Start, lines)
			}
		})
	})
}
