package syntax

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml/token"
)

// parseBlockYAML parses the plain block style manifests are written in:
// mappings and lists by indentation, one-line plain and quoted scalars,
// one-line flow collections, literal and folded block scalars, comments,
// and one leading "---". It is many times faster than the general YAML
// parser, which is most of the time of a run. On anything else (anchors,
// tags, scalars over several lines, several documents, any syntax error)
// it returns false and
// the general parser takes over, so it never reports an error itself; a
// test checks that whatever it accepts, it builds the tree the general
// parser builds.
func parseBlockYAML(a *Arena, src []byte) (Document, bool) {
	p := &blockParser{src: string(src), Arena: a}
	// What a parse that gave up left pending is no part of this one.
	a.pendingEntries, a.pendingItems = a.pendingEntries[:0], a.pendingItems[:0]
	defer p.keepScratch()
	var doc Document
	if !p.split(&doc) || len(p.lines) == 0 || p.lines[0].indent != 0 {
		return Document{}, false
	}
	root, ok := p.mapping(0)
	if !ok || p.i != len(p.lines) {
		return Document{}, false
	}
	doc.Root = root
	if !doc.Pos.IsValid() {
		doc.Pos = root.Span.Start
	}
	return doc, true
}

// A blockLine is one line with content; blank and comment lines are gone.
type blockLine struct {
	num    int
	indent int    // the column before text, in runes
	text   string // from the first non-space character to the end of line
	ascii  bool
	next   int // the offset in the source of the line after it
}

type blockParser struct {
	src   string
	lines []blockLine
	i     int // the next line to read
	// inFlowMapping counts the flow mappings ({...}) being read.
	inFlowMapping int
	*Arena
}

// An Arena is the memory the fast YAML parser builds trees in, kept from
// one tree to the next. A document's nodes and collections live and die
// together, so they come out of slabs, one allocation for many; and a run
// over many files drops each tree once it is checked, so the same slabs
// serve the next file after Reset, where allocating them anew made the
// parser the largest source of garbage and of collection time. Entries
// and items are gathered on the pending stacks while the nested values
// are read, then copied to a slab at their final length. The zero Arena
// is ready to use; it is not safe for use by several goroutines at once.
type Arena struct {
	nodes          slabs[Node]
	entries        slabs[Entry]
	items          slabs[*Node]
	lines          []blockLine
	pendingEntries []Entry
	pendingItems   []*Node
}

// ParseYAML is ParseYAML building the trees in the arena, where they stay
// valid until the next Reset.
func (a *Arena) ParseYAML(src []byte) ([]Document, error) {
	src, err := prepare(src)
	if err != nil {
		return nil, err
	}
	if doc, ok := parseBlockYAML(a, src); ok {
		return []Document{doc}, nil
	}
	// The fast parser refuses lists nested on one line, the general one
	// recurses into them.
	if p, ok := tooDeep(src); ok {
		return nil, &Error{p, fmt.Sprintf("collections nested deeper than %d levels", MaxDepth)}
	}
	return parseYAMLLibrary(src)
}

// Reset makes the memory of every tree built in the arena free for the
// next: none of them may be used after it.
func (a *Arena) Reset() {
	a.nodes.reset()
	a.entries.reset()
	a.items.reset()
}

// keepScratch gives the arena back the line buffer, grown, and drops the
// scratch buffers a huge file grew past maxKept.
func (p *blockParser) keepScratch() {
	clear(p.lines) // they hold the source, which the next file need not keep
	p.Arena.lines = p.lines[:0]
	if cap(p.lines) > maxKept {
		p.Arena.lines = nil
	}
	if cap(p.pendingEntries) > maxKept {
		p.pendingEntries = nil
	}
	if cap(p.pendingItems) > maxKept {
		p.pendingItems = nil
	}
}

// slabSize is the number of elements a slab holds at least.
const slabSize = 64

// maxKept bounds the elements of the slabs and buffers an arena keeps
// through a Reset: a huge file once does not hold its memory for the rest
// of the run.
const maxKept = 1 << 14

// slabs hands out pieces of larger slices.
type slabs[T any] struct {
	cur  []T   // the slab being handed out, up to its length
	used [][]T // the slabs handed out before cur
	free [][]T // slabs kept through a Reset, for after cur
}

// take returns n elements, which may hold what the last tree left there,
// that no append can spill from.
func (s *slabs[T]) take(n int) []T {
	if n > cap(s.cur)-len(s.cur) {
		s.next(n)
	}
	start := len(s.cur)
	s.cur = s.cur[:start+n]
	return s.cur[start : start+n : start+n]
}

// next makes cur a slab with room for n more.
func (s *slabs[T]) next(n int) {
	if s.cur != nil {
		s.used = append(s.used, s.cur)
	}
	if k := len(s.free); k > 0 && cap(s.free[k-1]) >= n {
		s.cur, s.free = s.free[k-1], s.free[:k-1]
		return
	}
	// A new slab, never a grown one: elements handed out stay.
	s.cur = make([]T, 0, max(slabSize, n))
}

// reset keeps what was handed out to hand out again. It is not cleared:
// whoever takes an element writes all of it, and what an element still
// points at (the text of an earlier file) is held until it is taken again,
// a few files' text per arena at most.
func (s *slabs[T]) reset() {
	if s.cur != nil {
		s.used = append(s.used, s.cur)
		s.cur = nil
	}
	kept := 0
	for _, f := range s.free {
		kept += cap(f)
	}
	for _, u := range s.used {
		if kept += cap(u); kept <= maxKept {
			s.free = append(s.free, u[:0])
		}
	}
	clear(s.used)
	s.used = s.used[:0]
}

// node returns a new node of a kind, type and value, at span, its weight
// one. Every field is written: the slab may hold a node of the last tree.
func (p *blockParser) node(kind Kind, typ Type, value string, span Span) *Node {
	if len(p.nodes.cur) == cap(p.nodes.cur) {
		p.nodes.next(len(p.lines))
	}
	s := &p.nodes
	s.cur = s.cur[:len(s.cur)+1]
	n := &s.cur[len(s.cur)-1]
	n.Kind, n.Type, n.Value, n.Span, n.weight = kind, typ, value, span, 1
	// Left from the last tree, or nil in a new slab: reading them costs
	// less than writing them, which a collection in progress slows.
	if n.Entries != nil {
		n.Entries = nil
	}
	if n.Items != nil {
		n.Items = nil
	}
	return n
}

// settle moves the elements pending from index from to the slab and
// returns them as a slice no append can spill from into its neighbours.
func settle[T any](slab *slabs[T], pending *[]T, from int) []T {
	gathered := (*pending)[from:]
	if len(gathered) == 0 {
		return nil
	}
	out := slab.take(len(gathered))
	copy(out, gathered)
	*pending = (*pending)[:from]
	return out
}

// split cuts the source into content lines. It records a leading "---"
// in doc and refuses what the fast path does not handle line by line.
func (p *blockParser) split(doc *Document) bool {
	p.lines = p.Arena.lines[:0] // grown by the files before
	num, off := 0, 0
	for off < len(p.src) {
		num++
		line, _ := nextLine(p.src[off:])
		off += len(line) + 1
		text := strings.TrimLeft(line, " ")
		if text == "" || text[0] == '#' {
			continue
		}
		ascii, plain := plainText(text)
		if text[0] == '%' || strings.HasPrefix(line, "...") || !plain {
			return false
		}
		if strings.HasPrefix(line, "---") && (len(line) == 3 || line[3] == ' ') {
			if len(p.lines) > 0 || doc.Pos.IsValid() || strings.TrimSpace(strings.SplitN(line[3:], "#", 2)[0]) != "" {
				return false // a second document, or content after ---
			}
			doc.Pos = Pos{num, 1}
			continue
		}
		p.lines = append(p.lines, blockLine{num: num, indent: len(line) - len(text), text: text, ascii: ascii, next: min(off, len(p.src))})
	}
	return true
}

// nextLine returns the first line of s, without its line break, and
// whether it has one.
func nextLine(s string) (line string, broken bool) {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i], true
	}
	return s, false
}

// plainText reports whether a line's text holds no tab, control
// character or space other than ' ', whose handling by the general parser
// is its own, and whether it is ASCII: one pass over it, for both.
func plainText(text string) (ascii, plain bool) {
	for i := 0; i < len(text); i++ {
		if c := text[i]; c < 0x20 || c == 0x7f {
			return false, false
		} else if c >= utf8.RuneSelf {
			for _, r := range text[i:] {
				if r != ' ' && (unicode.IsSpace(r) || unicode.IsControl(r) || r == '\uFEFF') {
					return false, false
				}
			}
			return false, true
		}
	}
	return true, true
}

// pos is the position of byte off of a line's text.
func (l *blockLine) pos(off int) Pos {
	if l.ascii {
		return Pos{l.num, l.indent + 1 + off}
	}
	return Pos{l.num, l.indent + 1 + utf8.RuneCountInString(l.text[:off])}
}

func isItem(text string) bool { return text == "-" || strings.HasPrefix(text, "- ") }

// mapping reads a block mapping whose keys are at indent.
func (p *blockParser) mapping(indent int) (*Node, bool) {
	m := p.node(Mapping, 0, "", Span{})
	from := len(p.pendingEntries)
	for p.i < len(p.lines) {
		l := &p.lines[p.i]
		if l.indent < indent || l.indent == indent && isItem(l.text) {
			break
		}
		if l.indent > indent {
			return nil, false
		}
		k, off, ok := p.blockKey(l, 0)
		if !ok {
			return nil, false
		}
		if len(p.pendingEntries) == from {
			m.Span = At(k.Span.Start)
		}
		v, ok := p.value(l, off, indent)
		if !ok {
			return nil, false
		}
		p.pendingEntries = append(p.pendingEntries, Entry{k, v})
		m.weight += k.weight + v.weight
	}
	m.Entries = settle(&p.entries, &p.pendingEntries, from)
	if len(m.Entries) == 0 || checkDuplicateKeys(m.Entries) != nil {
		return nil, false
	}
	return m, true
}

// sequence reads a block list whose dashes are at indent.
func (p *blockParser) sequence(indent int) (*Node, bool) {
	s := p.node(Sequence, 0, "", Span{})
	from := len(p.pendingItems)
	for p.i < len(p.lines) {
		l := &p.lines[p.i]
		if l.indent < indent || l.indent == indent && !isItem(l.text) {
			break
		}
		if l.indent > indent {
			return nil, false
		}
		if len(p.pendingItems) == from {
			s.Span = At(l.pos(0))
		}
		rest := l.text[1:]
		content := strings.TrimLeft(rest, " ")
		var item *Node
		var ok bool
		switch {
		case content == "" || content[0] == '#':
			p.i++
			item, ok = p.nested(indent, false)
		case isItem(content):
			return nil, false // "- - a": lists nested on one line
		default:
			if _, _, isKey := p.blockKey(l, 1+len(rest)-len(content)); isKey {
				// "- name: x": a mapping whose first key follows the dash;
				// its other keys line up with that one.
				shift := 1 + len(rest) - len(content)
				l.indent += shift
				l.text = content
				item, ok = p.mapping(l.indent)
			} else {
				item, ok = p.scalarOrFlow(l, 1+len(rest)-len(content), indent)
			}
		}
		if !ok {
			return nil, false
		}
		p.pendingItems = append(p.pendingItems, item)
		s.weight += item.weight
	}
	s.Items = settle(&p.items, &p.pendingItems, from)
	return s, true
}

// value reads what follows a key at byte off of line l, whose mapping is
// at indent: a value on the same line, or a block on the lines below.
func (p *blockParser) value(l *blockLine, off, indent int) (*Node, bool) {
	rest := l.text[off:]
	if trimmed := strings.TrimLeft(rest, " "); trimmed == "" || trimmed[0] == '#' && len(trimmed) < len(rest) {
		p.i++
		return p.nested(indent, true)
	}
	return p.scalarOrFlow(l, off+len(rest)-len(strings.TrimLeft(rest, " ")), indent)
}

// scalarOrFlow reads the value at byte off of line l, in a collection at
// indent: a block scalar, or what inline reads.
func (p *blockParser) scalarOrFlow(l *blockLine, off, indent int) (*Node, bool) {
	if c := l.text[off]; c == '|' || c == '>' {
		return p.blockScalar(l, off, indent)
	}
	return p.inline(l, off)
}

// blockScalar reads a literal (|) or folded (>) block scalar whose header
// is at byte off of line l, in a collection at indent: its lines are the
// ones below, indented as the first of them, further than indent. It takes
// the default and the strip (-) chomping; a header with "+" or an
// indentation digit, an empty scalar, a folded scalar with a more indented
// line, a stripped scalar whose last line ends in spaces, or a last line
// with no line break are left to the general parser.
func (p *blockParser) blockScalar(l *blockLine, off, indent int) (*Node, bool) {
	header := 1
	strip := off+1 < len(l.text) && l.text[off+1] == '-'
	if strip {
		header++
	}
	if !onlyComment(l.text[off+header:]) {
		return nil, false
	}
	folded := l.text[off] == '>'
	var lines []string // without their indentation; "" for empty ones
	contentIndent, last := -1, l.num
	for num, src := l.num, p.src[l.next:]; src != ""; {
		line, broken := nextLine(src)
		text := strings.TrimLeft(line, " ")
		spaces := len(line) - len(text)
		switch {
		case text == "" && spaces > max(contentIndent, 0):
			return nil, false // spaces past the indentation: content of their own
		case text == "":
			lines = append(lines, "")
		case contentIndent < 0 && spaces <= indent:
			return nil, false // an empty scalar: the general parser has its own ways
		case contentIndent >= 0 && spaces < contentIndent:
			src = "" // the first line after the scalar
			continue
		case !broken:
			return nil, false
		default:
			if contentIndent < 0 {
				contentIndent = spaces
			}
			if folded && spaces > contentIndent {
				return nil, false
			}
			lines = append(lines, line[contentIndent:])
		}
		num++
		if text != "" {
			last = num
		}
		src = src[min(len(line)+1, len(src)):]
	}
	if contentIndent < 0 {
		return nil, false
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1] // trailing empty lines: chomped
	}
	if strip && strings.HasSuffix(lines[len(lines)-1], " ") {
		return nil, false // the general parser strips the spaces too
	}
	var b strings.Builder
	for i, line := range lines {
		// Folding turns a line break between two lines into a space, and
		// keeps the break of an empty line.
		switch {
		case folded && line == "":
			b.WriteByte('\n')
		case folded && i > 0 && lines[i-1] != "":
			b.WriteByte(' ')
		case !folded && i > 0:
			b.WriteByte('\n')
		}
		b.WriteString(line)
	}
	if !strip {
		b.WriteByte('\n')
	}
	// The scalar's lines that split took for content are the scalar's.
	for p.i++; p.i < len(p.lines) && p.lines[p.i].num <= last; p.i++ {
	}
	return p.node(Scalar, String, b.String(), Span{l.pos(off), l.pos(off + header)}), true
}

// nested reads the block below a key or a dash at indent. A list may sit
// at the same indent as its key.
func (p *blockParser) nested(indent int, underKey bool) (*Node, bool) {
	if p.i >= len(p.lines) {
		return nil, false // an empty value: null
	}
	next := &p.lines[p.i]
	switch {
	case next.indent > indent && isItem(next.text):
		return p.sequence(next.indent)
	case next.indent > indent:
		return p.mapping(next.indent)
	case next.indent == indent && underKey && isItem(next.text):
		return p.sequence(indent)
	}
	return nil, false
}

// inline reads a scalar or flow collection at byte off that must end the
// line, but for a comment.
func (p *blockParser) inline(l *blockLine, off int) (*Node, bool) {
	var n *Node
	var end int
	var ok bool
	switch c := l.text[off]; {
	case c == '[' || c == '{':
		n, end, ok = p.flow(l, off, 0)
	case c == '"' || c == '\'':
		n, end, ok = p.quoted(l, off)
	default:
		n, end, ok = p.plain(l, off, false)
	}
	if !ok || !onlyComment(l.text[end:]) {
		return nil, false
	}
	p.i++
	return n, true
}

// onlyComment reports whether the rest of a line is blank or a comment
// that a space sets apart.
func onlyComment(rest string) bool {
	t := strings.TrimLeft(rest, " ")
	return t == "" || t[0] == '#' && len(t) < len(rest)
}

// key reads "key:" at byte off of line l and returns the key and the
// offset just past the colon.
func (p *blockParser) blockKey(l *blockLine, off int) (*Node, int, bool) {
	text := l.text
	if off >= len(text) {
		return nil, 0, false
	}
	var k *Node
	var end int
	var ok bool
	if c := text[off]; c == '"' || c == '\'' {
		k, end, ok = p.quoted(l, off)
	} else {
		k, end, ok = p.plain(l, off, false)
	}
	if !ok || end >= len(text) || text[end] != ':' || end+1 < len(text) && text[end+1] != ' ' || plainKeyWithColon(text[off], k) {
		return nil, 0, false
	}
	return k, end + 1, true
}

// flow reads a flow list or mapping on one line.
func (p *blockParser) flow(l *blockLine, off, depth int) (*Node, int, bool) {
	if depth > MaxDepth {
		return nil, 0, false
	}
	text := l.text
	open := text[off]
	n := p.node(0, 0, "", At(l.pos(off)))
	closer := byte(']')
	if open == '{' {
		n.Kind, closer = Mapping, '}'
		p.inFlowMapping++
		defer func() { p.inFlowMapping-- }()
	} else {
		n.Kind = Sequence
	}
	i := skipSpaces(text, off+1)
	if i < len(text) && text[i] == closer {
		return n, i + 1, true
	}
	entriesFrom, itemsFrom := len(p.pendingEntries), len(p.pendingItems)
	for {
		var k *Node
		if n.Kind == Mapping {
			var ok bool
			start := i
			if k, i, ok = p.flowScalar(l, i); !ok || i >= len(text) || text[i] != ':' || plainKeyWithColon(text[start], k) {
				return nil, 0, false
			}
			if i+1 >= len(text) || text[i+1] != ' ' {
				return nil, 0, false
			}
			i = skipSpaces(text, i+1)
		}
		if i >= len(text) {
			return nil, 0, false
		}
		var v *Node
		var ok bool
		if c := text[i]; c == '[' || c == '{' {
			v, i, ok = p.flow(l, i, depth+1)
		} else {
			v, i, ok = p.flowScalar(l, i)
		}
		if !ok {
			return nil, 0, false
		}
		if k != nil {
			p.pendingEntries = append(p.pendingEntries, Entry{k, v})
			n.weight += k.weight
		} else {
			p.pendingItems = append(p.pendingItems, v)
		}
		n.weight += v.weight
		i = skipSpaces(text, i)
		if i >= len(text) {
			return nil, 0, false
		}
		switch text[i] {
		case ',':
			if i = skipSpaces(text, i+1); i < len(text) && text[i] == closer {
				return nil, 0, false // a trailing comma
			}
		case closer:
			n.Entries = settle(&p.entries, &p.pendingEntries, entriesFrom)
			n.Items = settle(&p.items, &p.pendingItems, itemsFrom)
			if n.Kind == Mapping && checkDuplicateKeys(n.Entries) != nil {
				return nil, 0, false
			}
			return n, i + 1, true
		default:
			return nil, 0, false
		}
	}
}

// plainKeyWithColon reports an unquoted key with a colon inside ("a:b: c"),
// which parsers split in different places.
func plainKeyWithColon(first byte, k *Node) bool {
	return first != '"' && first != '\'' && strings.IndexByte(k.Value, ':') >= 0
}

func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

func (p *blockParser) flowScalar(l *blockLine, off int) (*Node, int, bool) {
	if off >= len(l.text) {
		return nil, 0, false
	}
	if c := l.text[off]; c == '"' || c == '\'' {
		return p.quoted(l, off)
	}
	return p.plain(l, off, true)
}

// flowIndicator and indicator are sets of bytes, as tables: plain runs
// on every byte of every plain scalar.
var flowIndicator, indicator = byteSet(",[]{}"), byteSet(",[]{}#&*!|>'\"%@`")

// plainStops and flowPlainStops are the bytes a plain scalar may end at,
// or that make it one the fast parser refuses, outside and inside a flow
// collection.
var plainStops, flowPlainStops = byteSet(" :<"), byteSet(" :<,[]{}")

func byteSet(chars string) (set [256]bool) {
	for i := 0; i < len(chars); i++ {
		set[chars[i]] = true
	}
	return set
}

// plain reads a plain scalar at byte off: to the end of the line, a " #"
// comment or, in a flow collection, a flow indicator or ": ".
func (p *blockParser) plain(l *blockLine, off int, inFlow bool) (*Node, int, bool) {
	text := l.text
	// An indicator cannot start a plain scalar, but "-", "?" and ":" can
	// when what follows is not a space: -1, --db-path.
	if c := text[off]; c == '-' || c == '?' || c == ':' {
		// In a flow collection the general parser takes ":0" for a key
		// left out: that is its to read.
		if off+1 == len(text) || text[off+1] == ' ' || inFlow && (c == ':' || flowIndicator[text[off+1]]) {
			return nil, 0, false
		}
	} else if indicator[c] {
		return nil, 0, false
	}
	// The loop stops only at the bytes that may end the scalar or refuse
	// it: it runs on every byte of every plain scalar.
	stops := &plainStops
	if inFlow {
		stops = &flowPlainStops
	}
	end := off
	merge := false // "<<" merges keys, even inside a word
scan:
	for {
		for end < len(text) && !stops[text[end]] {
			end++
		}
		if end >= len(text) {
			break
		}
		next := byte(0)
		if end+1 < len(text) {
			next = text[end+1]
		}
		switch c := text[end]; {
		case c == ' ' && next == '#':
			break scan
		case c == ':' && (next == 0 || next == ' ' || inFlow && flowIndicator[next]):
			break scan
		case inFlow && flowIndicator[c]:
			break scan
		case c == '<' && next == '<':
			merge = true
		}
		end++
	}
	value := strings.TrimRight(text[off:end], " ")
	end = off + len(value)
	if value == "" || merge || strings.HasSuffix(value, ":") {
		return nil, 0, false // "a::" is ambiguous
	}
	if inFlow && p.inFlowMapping > 0 && strings.IndexByte(value, ':') >= 0 {
		return nil, 0, false // within {...}, the general parser reads [0:0] as {0: 0}
	}
	n := p.node(Scalar, 0, value, Span{l.pos(off), l.pos(end)})
	var ok bool
	if n.Type, ok = plainType(value); !ok {
		return nil, 0, false
	}
	switch n.Type {
	case Null:
		n.Value = ""
	case Bool:
		n.Value = strings.ToLower(value)
	}
	return n, end, true
}

// plainType resolves a plain scalar's type by the general parser's own
// rules, so both paths agree on 0.9, 1.4.0, 0x1F, ~ and True. Only a
// digit, sign, dot or tilde can start anything but a string or a keyword,
// which spares the general rules for most values.
func plainType(v string) (Type, bool) {
	switch c := v[0]; {
	case c >= '0' && c <= '9', c == '+', c == '-', c == '.', c == '~':
	case v == "null" || v == "Null" || v == "NULL":
		return Null, true
	case v == "true" || v == "True" || v == "TRUE" || v == "false" || v == "False" || v == "FALSE":
		return Bool, true
	default:
		return String, true
	}
	if t, ok := decimal(v); ok {
		return t, true
	}
	if !numberLike(v) {
		return String, true
	}
	return tokenType(v)
}

// tokenType types a plain scalar as the general parser's tokenizer does.
func tokenType(v string) (Type, bool) {
	switch token.New(v, v, &token.Position{}).Type {
	case token.StringType:
		return String, true
	case token.NullType:
		return Null, true
	case token.BoolType:
		return Bool, true
	case token.IntegerType, token.BinaryIntegerType, token.OctetIntegerType, token.HexIntegerType:
		return Int, true
	case token.FloatType, token.InfinityType, token.NanType:
		return Float, true
	}
	return 0, false
}

// decimal types the plain numbers manifests are full of (5, 0.9, and
// versions such as 1.4.0, which are strings) as the tokenizer would, for
// a fraction of its cost.
func decimal(v string) (Type, bool) {
	dots := 0
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= '0' && c <= '9':
		case c == '.':
			dots++
		default:
			return 0, false
		}
	}
	switch {
	case dots == 0 && len(v) > 18:
		return 0, false // past 64 bits, an integer is a string to the tokenizer
	case dots == 0 && (len(v) == 1 || v[0] != '0'):
		return Int, true
	case dots == 1 && v[0] != '.' && v[len(v)-1] != '.' && (v[0] != '0' || v[1] == '.'):
		return Float, true
	case dots > 1 && v[0] != '.':
		return String, true
	}
	return 0, false
}

// numberLike reports whether v holds only bytes that a YAML number, null,
// infinity or timestamp can be written with (0x1F, -.inf, .NaN, 1_000,
// 1:30, 2001-12-14 21:59:43Z), so a value such as 15m or 3 days is a
// string without the general parser's tokenizer, which costs a failed
// strconv parse, and its error, each time.
func numberLike(v string) bool {
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= '0' && c <= '9', c >= 'a' && c <= 'f', c >= 'A' && c <= 'F':
		case strings.IndexByte("xXoOiInNtTzZ+-._~: \t", c) >= 0:
		default:
			return false
		}
	}
	return true
}

// quoted reads a single- or double-quoted scalar that ends on its line.
func (p *blockParser) quoted(l *blockLine, off int) (*Node, int, bool) {
	text := l.text
	q := text[off]
	// Most quoted scalars hold no escape and no doubled quote: they are
	// their text.
	if end := strings.IndexByte(text[off+1:], q) + off + 1; end > off {
		body := text[off+1 : end]
		doubled := q == '\'' && end+1 < len(text) && text[end+1] == '\''
		if !doubled && (q == '\'' || strings.IndexByte(body, '\\') < 0) {
			return p.node(Scalar, String, body, Span{l.pos(off), l.pos(end + 1)}), end + 1, true
		}
	}
	var b strings.Builder
	i := off + 1
	for {
		if i >= len(text) {
			return nil, 0, false // it goes on to the next line
		}
		c := text[i]
		switch {
		case c == q && q == '\'' && i+1 < len(text) && text[i+1] == '\'':
			b.WriteByte('\'')
			i += 2
			continue
		case c == q:
			return p.node(Scalar, String, b.String(), Span{l.pos(off), l.pos(i + 1)}), i + 1, true
		case c == '\\' && q == '"':
			if i+1 >= len(text) {
				return nil, 0, false
			}
			r, size, ok := unescape(text[i+1:])
			if !ok {
				return nil, 0, false
			}
			b.WriteRune(r)
			i += 1 + size
			continue
		}
		b.WriteByte(c)
		i++
	}
}

// unescape reads the escape after a backslash; the rarer YAML escapes are
// left to the general parser.
func unescape(s string) (rune, int, bool) {
	switch s[0] {
	case '"', '\\', '/':
		return rune(s[0]), 1, true
	case 'n':
		return '\n', 1, true
	case 't':
		return '\t', 1, true
	case 'r':
		return '\r', 1, true
	case 'b':
		return '\b', 1, true
	case 'f':
		return '\f', 1, true
	case '0':
		return 0, 1, true
	}
	return 0, 0, false
}
