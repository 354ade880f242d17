package rules

import (
	"sync"

	"github.com/atflint/atflint/syntax"
)

// treeText is what the rules that read every string of a file need of its
// tree, gathered by one walk the rules share: three walks of their own
// were a third of the time of checking a manifest.
type treeText struct {
	values []treeString // string scalars, in file order
	keys   []*syntax.Node
	lists  []treeList
}

// A treeString is a string scalar of a tree.
type treeString struct {
	node  *syntax.Node
	entry *syntax.Entry // the entry it is the value of; nil for a list item or the root
	near  string        // the nearest mapping key above it, "" if none
}

// A treeList is a sequence of a tree, with the nearest mapping key above
// it: an argument list may hold a flag and its value apart.
type treeList struct {
	node *syntax.Node
	near string
}

// text returns the file's treeText, gathered on the first call of the
// rules' pass over the file.
func (p *Pass) text() *treeText {
	if p.tree == nil {
		p.tree = treeTexts.Get().(*treeText)
		p.tree.gather(p.File.Root, nil, "")
	}
	return p.tree
}

// treeTexts keeps the lists of files checked before for the next: a run
// checks one file after another on each worker.
var treeTexts = sync.Pool{New: func() any { return new(treeText) }}

// release hands the lists back, cleared: they point into a tree the run
// is about to drop.
func (t *treeText) release() {
	clear(t.values)
	clear(t.keys)
	clear(t.lists)
	t.values, t.keys, t.lists = t.values[:0], t.keys[:0], t.lists[:0]
	treeTexts.Put(t)
}

func (t *treeText) gather(n *syntax.Node, entry *syntax.Entry, near string) {
	if n == nil {
		return
	}
	switch n.Kind {
	case syntax.Mapping:
		for i := range n.Entries {
			e := &n.Entries[i]
			t.keys = append(t.keys, e.Key)
			t.gather(e.Value, e, nearer(near, e.Key.Value))
		}
	case syntax.Sequence:
		t.lists = append(t.lists, treeList{n, near})
		for _, it := range n.Items {
			t.gather(it, nil, near)
		}
	default:
		if n.Type == syntax.String {
			t.values = append(t.values, treeString{n, entry, near})
		}
	}
}

// nearer is the nearest key below near: key, unless it is a number, which
// names a list's item more often than a setting ("0": ...).
func nearer(near, key string) string {
	for i := 0; i < len(key); i++ {
		if !isDigit(key[i]) {
			return key
		}
	}
	if key == "" {
		return key
	}
	return near
}

// span is where a finding about the string points: its entry, key and
// value, or the value alone.
func (s treeString) span() syntax.Span {
	if s.entry != nil {
		return s.entry.Span()
	}
	return s.node.Span
}
