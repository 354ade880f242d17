package syntax

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/atflint/atflint/internal/fuzzseed"
)

// usedArenaText fills an arena before the parse sameAsLibrary checks, so
// that what a Reset fails to clear shows in the tree built after it.
const usedArenaText = `a: [1, {b: c}, "d"]
e:
  - f: g
    h: [i, j]
  - k
l: {m: [n, o], p: q}
`

// sameAsLibrary checks that when the fast parser accepts src, it builds
// exactly the tree of the general parser, in an arena that held another.
func sameAsLibrary(t *testing.T, name string, src []byte) (accepted bool) {
	t.Helper()
	src, err := prepare(src)
	if err != nil {
		return false
	}
	arena := new(Arena)
	if _, ok := parseBlockYAML(arena, []byte(usedArenaText)); !ok {
		t.Fatal("the fast parser refuses the arena's first text")
	}
	arena.Reset()
	fast, ok := parseBlockYAML(arena, src)
	if !ok {
		return false
	}
	docs, err := parseYAMLLibrary(src)
	if err != nil {
		t.Errorf("%s: the fast parser accepted what the general one rejects: %v", name, err)
		return true
	}
	if len(docs) != 1 || !reflect.DeepEqual(docs[0], fast) {
		t.Errorf("%s: trees differ\nfast:    %s\ngeneral: %s", name, dump(fast), dumpDocs(docs))
	}
	return true
}

func dumpDocs(docs []Document) string {
	var parts []string
	for _, d := range docs {
		parts = append(parts, dump(d))
	}
	return strings.Join(parts, " | ")
}

func dump(d Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "doc@%v ", d.Pos)
	var node func(n *Node)
	node = func(n *Node) {
		if n == nil {
			b.WriteString("nil")
			return
		}
		fmt.Fprintf(&b, "%d/%d%q%v-%v w%d", n.Kind, n.Type, n.Value, n.Span.Start, n.Span.End, n.weight)
		if n.Kind == Mapping {
			b.WriteString("{")
			for _, e := range n.Entries {
				node(e.Key)
				b.WriteString(": ")
				node(e.Value)
				b.WriteString(", ")
			}
			b.WriteString("}")
		}
		if n.Kind == Sequence {
			b.WriteString("[")
			for _, it := range n.Items {
				node(it)
				b.WriteString(", ")
			}
			b.WriteString("]")
		}
	}
	node(d.Root)
	return b.String()
}

// TestBlockYAMLMatchesLibrary runs both parsers on every YAML file the
// project ships and on constructs at the edge of what the fast one takes.
func TestBlockYAMLMatchesLibrary(t *testing.T) {
	accepted := 0
	filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() && (d.Name() == ".git" || d.Name() == "out") {
			return filepath.SkipDir
		}
		if !strings.HasSuffix(p, ".yaml") && !strings.HasSuffix(p, ".yml") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if sameAsLibrary(t, p, src) {
			accepted++
		}
		return nil
	})
	if accepted < 50 {
		t.Errorf("the fast parser took only %d of the shipped YAML files", accepted)
	}
	for _, src := range []string{
		"a: 1\nb: 0.9\nc: \"0.9\"\nd: 1.4.0\ne: ~\nf: True\ng: 0x1F\nh: .inf\ni: 60/min\nj: null\n",
		"--- # doc\nk: v\n",
		"list:\n- a\n- b\nafter: x\n",
		"tools:\n  - name: x   # c\n    actions: [read, 'it''s', \"q\\\"\"]\n  -  name: y\n     n: {a: 1, b: [x, {c: d}]}\n",
		"url: https://example.com/a:b\nhash: a#b\nweird key: v\n\"quoted key\": 'v'\n",
		"nä: ünï\nx: \"ä\\tb\"\n",
		"a:\n  b:\n    c: d\n  e: f\n",
		"a: []\nb: {}\nc: [ ]\n",
		"empty:\n",
		"a: b: c\n",
		"a: &x 1\n",
		"a: |\n  x\n",
		"a: [1,\n  2]\n",
		"a: 'x\n  y'\n",
		"a: 1\n---\nb: 2\n",
		"- a\n",
		"a: -1\n",
		"a: [1, 2, ]\n",
		"a: {b: 1, b: 2}\n",
		"a: 1\na: 2\n",
		"k: \"\\u00e9\"\n",
		"1: one\ntrue: yes\n",
		"a: |-\n  x\n\n  y\n\n\nb: 1\n",
		"a: >\n  x\n  y\n\n  z\nb: 1\n",
		"a: |\n  x\n  # not a comment\n# comment\nb: 1\n",
		"l:\n  - |\n    x\n  - name: >-\n      y\n    k: 2\n",
		"a: | # c\n  x\n",
		"a: |\n  x",
		"a: |\n\n  x\n    y\n",
		"a: |\nb: 1\n",
		"a: >\n  x\n   more\n",
		"a: |+\n  x\n\n",
		"a: |2\n   x\n",
		"a: |\n    x\n  # c\nb: 1\n",
		"args:\n  - --db-path\n  - -1\n  - -\n-k: ?v\n:x: [-a, -]\n",
		"d: a — b\nc: |\n  x \n  y  \n",
		"a: >-\n  x \n",
	} {
		sameAsLibrary(t, fmt.Sprintf("%q", src), []byte(src))
	}
}

// FuzzBlockYAML checks the fast parser against the general one.
func FuzzBlockYAML(f *testing.F) {
	for _, s := range []string{
		"a: 1\nb: [x, 'y']\nc:\n  - d: e\n    f: {g: h}\n",
		"--- \nk: \"v\\n\" # c\nl:\n- 1\n- 2.5\n",
		"a: |\n  x\n\n  # y\nb:\n  - >-\n    z\n    w\n",
	} {
		f.Add([]byte(s))
	}
	fuzzseed.Add(f, ".yaml", ".yml")
	f.Fuzz(func(t *testing.T, src []byte) {
		sameAsLibrary(t, fmt.Sprintf("%q", src), src)
	})
}

// TestPlainTypeShortcuts holds decimal and numberLike to their promise:
// what they decide, the general parser's tokenizer decides the same way.
// Every value of up to three bytes over the bytes that matter, and some
// longer ones, are tried.
func TestPlainTypeShortcuts(t *testing.T) {
	alphabet := "0123456789abefinotxzABEFINOTXZmsy+-._~: \t"
	var values []string
	for _, a := range alphabet {
		values = append(values, string(a))
		for _, b := range alphabet {
			values = append(values, string(a)+string(b))
			for _, c := range alphabet {
				values = append(values, string(a)+string(b)+string(c))
			}
		}
	}
	values = append(values, "15m", "3 days", "1e5x", "2001-12-14t21:59:43.10-05:00", "0x1Fg", ".infinity", "1_000s", "12:30pm",
		"1.4.0", "0.9", "500", "0500", "00.5", "10.25", "1..2", "1.2.3.4", "0.0.1",
		"999999999999999999", "9223372036854775807", "18446744073709551615", "18446744073709551616", "123456789012345678901234567890")
	decided, turnedAway := 0, 0
	for _, v := range values {
		want, wantOK := tokenType(v)
		if got, ok := decimal(v); ok {
			decided++
			if got != want || !wantOK {
				t.Errorf("decimal(%q) = %v, but the tokenizer reads %v, %v", v, got, want, wantOK)
			}
		}
		if !numberLike(v) {
			turnedAway++
			if want != String || !wantOK {
				t.Errorf("numberLike(%q) = false, but the tokenizer reads %v, %v", v, want, wantOK)
			}
		}
	}
	if decided < 100 || turnedAway < 1000 {
		t.Fatalf("decimal decided %d values, numberLike turned away %d: the test tries too little", decided, turnedAway)
	}
}
