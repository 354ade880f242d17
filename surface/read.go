package surface

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/atflint/atflint/syntax"
)

// A Read is a lock as read from its file, with where each entry is.
type Read struct {
	*Lock
	Path string
	// ToolAt and ServerAt are where each entry of Tools and Servers is
	// written, for a finding to point at.
	ToolAt, ServerAt []syntax.Span
}

// Parse reads a lock file. A file that is not a lock of this version, or
// that a merge left conflict markers in, is an error that says where and
// what to do; nothing is overwritten.
func Parse(path string, data []byte) (*Read, error) {
	if line := conflictLine(data); line > 0 {
		return nil, fmt.Errorf("%s:%d: a merge left conflict markers in the lock; run atflint lock to write it from the tree", path, line)
	}
	doc, err := syntax.ParseJSON(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %v; run atflint lock to write it again", path, err)
	}
	if doc.Root == nil || doc.Root.Kind != syntax.Mapping {
		return nil, fmt.Errorf("%s: not an atflint lock (want a JSON object); run atflint lock to write one", path)
	}
	v, ok := doc.Root.Lookup("atflint_lock")
	if !ok {
		return nil, fmt.Errorf("%s: not an atflint lock (no atflint_lock version); run atflint lock to write one", path)
	}
	if v.Value.Kind != syntax.Scalar || v.Value.Value != fmt.Sprint(Version) {
		return nil, fmt.Errorf("%s:%d:%d: lock format %s, and this atflint reads %d; run this atflint's lock to write it in its format", path, v.Value.Span.Start.Line, v.Value.Span.Start.Col, v.Value.Value, Version)
	}
	r := &Read{Lock: &Lock{}, Path: path}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(r.Lock); err != nil {
		return nil, fmt.Errorf("%s: %v; run atflint lock to write it again", path, err)
	}
	r.ToolAt = itemSpans(doc.Root, "tools")
	r.ServerAt = itemSpans(doc.Root, "servers")
	return r, nil
}

func itemSpans(root *syntax.Node, key string) []syntax.Span {
	e, ok := root.Lookup(key)
	if !ok {
		return nil
	}
	var out []syntax.Span
	for _, it := range e.Value.Items {
		out = append(out, syntax.At(it.Span.Start))
	}
	return out
}

// conflictLine is the line of the first merge-conflict marker, 0 when
// there is none.
func conflictLine(data []byte) int {
	for i, line := range bytes.Split(data, []byte("\n")) {
		for _, m := range []string{"<<<<<<< ", "=======", ">>>>>>> "} {
			if bytes.HasPrefix(line, []byte(m)) && (m != "=======" || len(bytes.TrimSpace(line)) == 7) {
				return i + 1
			}
		}
	}
	return 0
}
