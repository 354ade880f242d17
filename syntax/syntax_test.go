package syntax

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/atflint/atflint/internal/fuzzseed"
)

// spans lists "path value span" for every scalar, to compare trees briefly.
func spans(n *Node) []string {
	var out []string
	Walk(n, func(path []string, parent *Entry, n *Node) {
		if n.Kind != Scalar {
			return
		}
		line := fmt.Sprintf("%s=%q %v-%v", strings.Join(path, "."), n.Value, n.Span.Start, n.Span.End)
		if parent != nil {
			line += fmt.Sprintf(" key %v-%v", parent.Key.Span.Start, parent.Key.Span.End)
		}
		out = append(out, line)
	})
	return out
}

func TestYAMLPositions(t *testing.T) {
	src := "\ufeffa: b\r\nnäme: \"x\\ny\"  # comment\r\nlist:\r\n  - 'it''s'\r\n  - &x {k: 1}\r\n  - *x\r\nempty:\nmulti: a\n  b c\nt: !!str 12\ntab:\t\tv\n"
	docs, err := ParseYAML([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`a="b" 1:4-1:5 key 1:1-1:2`,
		`näme="x\ny" 2:7-2:13 key 2:1-2:5`,
		`list.0="it's" 4:5-4:12`,
		`list.1.k="1" 5:12-5:13 key 5:9-5:10`,
		`list.2.k="1" 5:12-5:13 key 5:9-5:10`,
		`empty="" 7:7-7:7 key 7:1-7:6`,
		`multi="a b c" 8:8-9:6 key 8:1-8:6`,
		`t="12" 10:4-10:12 key 10:1-10:2`,
		`tab="v" 11:7-11:8 key 11:1-11:4`,
	}
	if got := spans(docs[0].Root); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	e, _ := docs[0].Root.Lookup("a")
	if got := e.Span(); got != (Span{Pos{1, 1}, Pos{1, 5}}) {
		t.Errorf("entry span of a = %v, want 1:1-1:5", got)
	}
	e, _ = docs[0].Root.Lookup("t")
	if e.Value.Type != String {
		t.Errorf("!!str 12 has type %v, want string", e.Value.Type)
	}
}

func TestYAMLMergeAndDocuments(t *testing.T) {
	docs, err := ParseYAML([]byte("base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n---\nsecond: true\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[1].Pos != (Pos{5, 1}) {
		t.Fatalf("got %d documents, second at %v; want 2, at 5:1", len(docs), docs[len(docs)-1].Pos)
	}
	m, _ := docs[0].Root.Lookup("m")
	got, _ := json.Marshal(m.Value.Interface())
	if string(got) != `{"x":1,"y":3}` {
		t.Errorf("merged mapping = %s, want the written y to win", got)
	}
}

func TestYAMLErrors(t *testing.T) {
	for _, tc := range []struct {
		src  string
		pos  Pos
		text string
	}{
		{"a: [1,\nb: 2\n", Pos{1, 4}, "']'"},
		{"a:\n\tb: 1\n", Pos{2, 1}, "cannot start any token"},
		{"a: 1\na: 2\n", Pos{2, 1}, `"a"`},
		{"k: \xff\n", Pos{1, 4}, "UTF-8"},
		{"a: *nowhere\n", Pos{1, 4}, "nowhere"},
		{strings.Repeat("[", 300), Pos{1, 257}, "nested"},
		{strings.Repeat("- ", 300) + "x\n", Pos{1, 513}, "nested"},
		// Brackets in quotes and comments neither hide nor add nesting.
		{"a: " + strings.Repeat(`["]", `, 300) + "1" + strings.Repeat("]", 300), Pos{1, 4 + 256*6}, "nested"},
		{"# " + strings.Repeat("]", 300) + "\na: " + strings.Repeat("[", 300), Pos{2, 260}, "nested"},
		{"a: ['" + strings.Repeat("[", 300) + "']\nb: &x 1\n", Pos{}, ""},
		{strings.Repeat("k: &a v\n", MaxAnchors+1), Pos{MaxAnchors + 1, 4}, "anchors"},
		{"a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n", Pos{4, 7}, "alias"},
	} {
		_, err := ParseYAML([]byte(tc.src))
		if tc.text == "" {
			if err != nil {
				t.Errorf("ParseYAML(%.30q) = %v; want no error", tc.src, err)
			}
			continue
		}
		se, ok := err.(*Error)
		if !ok || se.Pos != tc.pos || !strings.Contains(se.Msg, tc.text) {
			t.Errorf("ParseYAML(%.30q) = %v; want an error at %v mentioning %s", tc.src, err, tc.pos, tc.text)
		}
	}
}

func TestYAMLEmpty(t *testing.T) {
	for _, src := range []string{"", "# only a comment\n", "\ufeff"} {
		docs, err := ParseYAML([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			if d.Root != nil {
				t.Errorf("ParseYAML(%q) has a root %v", src, d.Root.Kind)
			}
		}
	}
}

func TestJSON(t *testing.T) {
	src := "{\n  // a comment\n  \"a\": [1, 2.5, true, null, \"\\u00fc\\ud83d\\ude00\",],\n  /* another */ \"b\": {\"c\": -1e3},\n}\n"
	doc, err := ParseJSON([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`a.0="1" 3:9-3:10`,
		`a.1="2.5" 3:12-3:15`,
		`a.2="true" 3:17-3:21`,
		`a.3="" 3:23-3:27`,
		`a.4="ü😀" 3:29-3:49`,
		`b.c="-1e3" 4:28-4:32 key 4:23-4:26`,
	}
	if got := spans(doc.Root); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	got, _ := json.Marshal(doc.Root.Interface())
	if string(got) != `{"a":[1,2.5,true,null,"ü😀"],"b":{"c":-1000}}` {
		t.Errorf("Interface() = %s", got)
	}
}

func TestJSONErrors(t *testing.T) {
	for _, tc := range []struct {
		src  string
		pos  Pos
		text string
	}{
		{`{"a":1,"a":2}`, Pos{1, 8}, `"a" is set twice`},
		{`{"a" 1}`, Pos{1, 6}, "expected :"},
		{`[01]`, Pos{1, 2}, "malformed number"},
		{`{"a": tru}`, Pos{1, 7}, `"tru"`},
		{`"abc`, Pos{1, 1}, "not closed"},
		{"{}\n x", Pos{2, 2}, "after the end"},
		{"{\"a\": \"x\ny\"}", Pos{1, 9}, "line break"},
		{"/* open", Pos{1, 1}, "*/"},
		{strings.Repeat("[", 300), Pos{1, 257}, "nested"},
		{"{\"k\": \"\xff\"}", Pos{1, 8}, "UTF-8"},
	} {
		_, err := ParseJSON([]byte(tc.src))
		se, ok := err.(*Error)
		if !ok || se.Pos != tc.pos || !strings.Contains(se.Msg, tc.text) {
			t.Errorf("ParseJSON(%.30q) = %v; want an error at %v mentioning %s", tc.src, err, tc.pos, tc.text)
		}
	}
}

// TestDuplicateKeys checks a key set twice is an error at its second
// place, in mappings of few keys and of many, which the fast parser
// checks in two ways before the general parser reports it.
func TestDuplicateKeys(t *testing.T) {
	for _, keys := range []int{2, 16, 17, 40} {
		var lines []string
		for i := range keys - 1 {
			lines = append(lines, fmt.Sprintf("k%d: %d", i, i))
		}
		dup := fmt.Sprintf("k%d", keys/2-1)
		lines = append(lines, dup+": again")
		block := strings.Join(lines, "\n") + "\n"
		flow := "{" + strings.Join(lines, ", ") + "}"
		for _, tc := range []struct {
			src string
			at  Pos
		}{
			{block, Pos{keys, 1}},
			{flow, Pos{1, len(flow) - len(dup+": again}") + 1}},
		} {
			_, err := ParseYAML([]byte(tc.src))
			if se, ok := err.(*Error); !ok || se.Pos != tc.at || !strings.Contains(se.Msg, strconv.Quote(dup)) {
				t.Errorf("%d keys, %.20q: got %v, want an error at %v about %q", keys, tc.src, err, tc.at, dup)
			}
		}
	}
}

// FuzzParseYAML checks that no input makes the YAML parser panic, hang or
// build a tree whose walk is unbounded.
func FuzzParseYAML(f *testing.F) {
	for _, s := range []string{"a: b\n", "a: &x [1]\nb: *x\n", "- [a, {b: c}]\n", "a: |\n  x\n", "<<: {a: 1}\n"} {
		f.Add([]byte(s))
	}
	fuzzseed.Add(f, ".yaml", ".yml", ".md")
	f.Fuzz(func(t *testing.T, src []byte) {
		docs, err := ParseYAML(src)
		if err != nil {
			return
		}
		for _, d := range docs {
			if d.Root != nil {
				d.Root.Interface()
			}
		}
	})
}

// FuzzParseJSON checks that no input makes the JSON parser panic.
func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{`{"a": [1, "x", null]}`, "{\n// c\n\"a\": 1,\n}", `"\ud83d"`, `[-0.5e+3]`} {
		f.Add([]byte(s))
	}
	fuzzseed.Add(f, ".json", ".jsonc", ".sarif", ".lock")
	f.Fuzz(func(t *testing.T, src []byte) {
		if doc, err := ParseJSON(src); err == nil && doc.Root != nil {
			doc.Root.Interface()
		}
	})
}

// commentNames are names of every kind of file Comments reads.
var commentNames = []string{"a.yaml", "a.toml", "a.json", "a.go", "a.md", "a.txt"}

// FuzzComments: no input makes a comment scanner panic, and every comment
// it finds lies in the file.
func FuzzComments(f *testing.F) {
	for _, src := range fuzzseed.Files(f, ".yaml", ".yml", ".toml", ".json", ".jsonc", ".go", ".md") {
		f.Add(src, uint8(0))
	}
	f.Fuzz(func(t *testing.T, src []byte, which uint8) {
		name := commentNames[int(which)%len(commentNames)]
		cs, _ := Comments(name, src)
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, c := range cs {
			if c.Pos.Line < 1 || c.Pos.Line > lines || c.Pos.Col < 1 {
				t.Fatalf("%s: a comment at %v in %d lines", name, c.Pos, lines)
			}
		}
	})
}

// FuzzParseLooseMapping: no input makes the lenient front-matter reader
// panic, and what it reads lies in the text.
func FuzzParseLooseMapping(f *testing.F) {
	fuzzseed.Add(f, ".md")
	f.Fuzz(func(t *testing.T, src []byte) {
		m := ParseLooseMapping(src)
		if m == nil {
			return
		}
		lines := bytes.Count(src, []byte("\n")) + 1
		Walk(m, func(_ []string, _ *Entry, n *Node) {
			if n.Span.Start.Line < 1 || n.Span.End.Line > lines {
				t.Fatalf("a node at %v-%v in %d lines", n.Span.Start, n.Span.End, lines)
			}
		})
	})
}

// Walk, for the tests, calls fn for every node under n, depth first, with the path of keys
// and indexes that leads to it. Aliased nodes are visited once per use.
// The path's array is reused from node to node: fn copies what it keeps.
func Walk(n *Node, fn func(path []string, parent *Entry, n *Node)) {
	var walk func(path []string, parent *Entry, n *Node)
	walk = func(path []string, parent *Entry, n *Node) {
		if n == nil {
			return
		}
		fn(path, parent, n)
		switch n.Kind {
		case Mapping:
			for i := range n.Entries {
				e := &n.Entries[i]
				walk(append(path, e.Key.Value), e, e.Value)
			}
		case Sequence:
			for i, it := range n.Items {
				walk(append(path, strconv.Itoa(i)), nil, it)
			}
		}
	}
	walk(make([]string, 0, 32), nil, n)
}
