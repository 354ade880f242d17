package syntax

import (
	"fmt"
	"strings"
	"testing"
)

func TestComments(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string // line:col text, with * for a trailing comment
	}{
		{"a.yaml", "# top\nkey: value # trailing\nq: \"a # not\" # after\ns: 'it''s # not' # after2\nurl: http://x/#frag\n", []string{"1:1 top", "2:12* trailing", "3:14* after", "4:18* after2"}},
		{"a.yml", "run: |\n  echo # text\n  more\n# back\nlist:\n  - >-\n    folded # text\n", []string{"4:1 back"}},
		{"a.yaml", "name: é # accent\n", []string{"1:9* accent"}},
		{"a.toml", "a = \"x # no\" # yes\nb = '''\n# inside\n''' # after\n# alone\n", []string{"1:14* yes", "4:5* after", "5:1 alone"}},
		{"a.json", "{\n  // above\n  \"k\": \"// not\", // after\n  /* block */ \"v\": 1\n}\n", []string{"2:3 above", "3:18* after", "4:3 block"}},
		{"a.go", "package p\n\n// doc\nvar s = \"// not\" // after\n//atflint:ignore[x] why\nvar r = `/* not */`\n", []string{"3:1 doc", "4:18* after", "5:1 atflint:ignore[x] why"}},
		{"a.md", "# Title\n<!-- one --> text\n```\n<!-- fenced -->\n```\ntext <!-- two -->\n", []string{"2:1 one", "6:6* two"}},
		{"b.md", "---\nname: x\ntools: all # front\n---\n# Heading\n", []string{"3:12* front"}},
		{"a.txt", "# none\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs, _ := Comments(tc.name, []byte(tc.src))
			var got []string
			for _, c := range cs {
				mark := ""
				if c.Trailing {
					mark = "*"
				}
				got = append(got, fmt.Sprintf("%d:%d%s %s", c.Pos.Line, c.Pos.Col, mark, c.Text))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// A file that does not parse still gives its comments, and no input
// makes a scanner fail.
func TestCommentsBadInput(t *testing.T) {
	for _, name := range []string{"a.yaml", "a.toml", "a.json", "a.go", "a.md"} {
		for _, src := range []string{"", "\"unterminated # x", "'''\nnever closed", "/* open", "<!-- open", "\x00\xff\xfe", "```\n", "key: |\n"} {
			Comments(name, []byte(src))
		}
	}
	cs, _ := Comments("a.go", []byte("package p\nfunc ( {\n// still\n"))
	if len(cs) != 1 || cs[0].Text != "still" {
		t.Errorf("comments of a Go file that does not parse: %+v", cs)
	}
}
