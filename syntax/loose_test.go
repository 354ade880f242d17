package syntax

import (
	"fmt"
	"strings"
	"testing"
)

func TestParseLooseMapping(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // the entries, one per line: key@pos=value@start-end, or key@pos=[items]
	}{
		{
			name: "a colon in a plain description",
			src:  "---\nname: reviewer\ndescription: Use it. Examples: <example>Context: a PR</example>\nmodel: inherit\n",
			want: "name@2:1=reviewer@2:7-2:15\ndescription@3:1=Use it. Examples: <example>Context: a PR</example>@3:14-3:64\nmodel@4:1=inherit@4:8-4:15",
		},
		{
			name: "continuation lines fold into the value",
			src:  "description: first: line\n  second line\ntools: Read, Grep\n",
			want: "description@1:1=first: line second line@1:14-2:14\ntools@3:1=Read, Grep@3:8-3:18",
		},
		{
			name: "items, indented or not",
			src:  "tools:\n  - Read\n- Bash\nname: x\n",
			want: "tools@1:1=[Read@2:5-2:9 Bash@3:3-3:7]\nname@4:1=x@4:7-4:8",
		},
		{
			name: "quotes dropped, columns in characters",
			src:  "name: \"é-agent\"\ndescription: 'naïve: yes'\n",
			want: "name@1:1=é-agent@1:7-1:16\ndescription@2:1=naïve: yes@2:14-2:26",
		},
		{
			name: "comments, blank and indented stray lines skipped",
			src:  "# a comment\n\n  stray: line\nname: x\n",
			want: "name@4:1=x@4:7-4:8",
		},
		{name: "no key at all", src: "just text\n- item\n", want: ""},
		{name: "not a plain key", src: "a b: c\n\"q\": d\n", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := ParseLooseMapping([]byte(tt.src))
			if got := looseString(m); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// looseString writes a mapping's entries as TestParseLooseMapping wants
// them; "" for nil.
func looseString(m *Node) string {
	if m == nil {
		return ""
	}
	var lines []string
	for _, e := range m.Entries {
		v := e.Value
		if v.Kind == Sequence {
			var items []string
			for _, it := range v.Items {
				items = append(items, fmt.Sprintf("%s@%v-%v", it.Value, it.Span.Start, it.Span.End))
			}
			lines = append(lines, fmt.Sprintf("%s@%v=[%s]", e.Key.Value, e.Key.Span.Start, strings.Join(items, " ")))
			continue
		}
		lines = append(lines, fmt.Sprintf("%s@%v=%s@%v-%v", e.Key.Value, e.Key.Span.Start, v.Value, v.Span.Start, v.Span.End))
	}
	return strings.Join(lines, "\n")
}
