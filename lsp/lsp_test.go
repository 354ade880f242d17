package lsp

import (
	"context"
	"io"
	"strconv"
	"strings"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/syntax"
)

// TestPositions: columns in code points become UTF-16 units, and back to
// byte offsets for edits, past line ends clamped.
func TestPositions(t *testing.T) {
	text := []byte("ab\r\né🔓x\n\nlast")
	for _, tc := range []struct {
		at   syntax.Pos
		want protocol.Position
		off  int
	}{
		{syntax.Pos{Line: 1, Col: 1}, protocol.Position{Line: 0, Character: 0}, 0},
		{syntax.Pos{Line: 1, Col: 9}, protocol.Position{Line: 0, Character: 2}, 2}, // past the end, before \r
		{syntax.Pos{Line: 2, Col: 3}, protocol.Position{Line: 1, Character: 3}, 10},
		{syntax.Pos{Line: 2, Col: 4}, protocol.Position{Line: 1, Character: 4}, 11},
		{syntax.Pos{Line: 4, Col: 5}, protocol.Position{Line: 3, Character: 4}, 17},
	} {
		got := position(text, tc.at)
		if got != tc.want {
			t.Errorf("position(%v) = %+v, want %+v", tc.at, got, tc.want)
		}
		if off := offset(text, got); off != tc.off {
			t.Errorf("offset(%+v) = %d, want %d", got, off, tc.off)
		}
	}
	edited := applyChange(text, protocol.TextDocumentContentChangeEvent{
		Range: &protocol.Range{Start: protocol.Position{Line: 1, Character: 1}, End: protocol.Position{Line: 1, Character: 3}}, Text: "-",
	})
	if string(edited) != "ab\r\né-x\n\nlast" {
		t.Errorf("applyChange = %q", edited)
	}
	if r := span(text, syntax.Span{Start: syntax.Pos{Line: 4, Col: 1}}); r.End.Character != 1 {
		t.Errorf("a span with no end is one character: %+v", r)
	}
}

// TestExitWithoutShutdown: the protocol counts it an error.
func TestExitWithoutShutdown(t *testing.T) {
	in := strings.NewReader(frame(`{"jsonrpc":"2.0","method":"exit"}`))
	err := Serve(context.Background(), in, io.Discard, Options{Check: func(string, map[string][]byte, bool) (map[string][]finding.Finding, error) { return nil, nil }})
	if err == nil {
		t.Error("no error for an exit before shutdown")
	}
}

func frame(body string) string {
	return "Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body
}

// TestBadInput: what a broken or hostile client sends gives an error
// answer, a finding or nothing, never a crash or a hang.
func TestBadInput(t *testing.T) {
	check := func(string, map[string][]byte, bool) (map[string][]finding.Finding, error) { return nil, nil }
	msgs := []string{
		`{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}}`, // before initialize
		`{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"rootUri":"file:///nonexistent","capabilities":{}}}`,
		`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"untitled:Untitled-1","text":"x"}}}`,
		`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///never/opened.json"},"contentChanges":[{"text":"{}"}]}}`,
		`{"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///never/opened.json"},"position":{"line":99,"character":99}}}`,
		`{"jsonrpc":"2.0","id":4,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///never/opened.json"},"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"context":{"diagnostics":[]}}}`,
		`{"jsonrpc":"2.0","id":5,"method":"workspace/noSuchMethod","params":{}}`,
		`{"jsonrpc":"2.0","id":6,"method":"textDocument/hover","params":"not an object"}`,
		`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///x/.mcp.json","text":"` + strings.Repeat("\\u200b", 100000) + `"}}}`,
		`{"jsonrpc":"2.0","id":7,"method":"shutdown"}`,
		`{"jsonrpc":"2.0","method":"exit"}`,
	}
	var in strings.Builder
	for _, m := range msgs {
		in.WriteString(frame(m))
	}
	var out strings.Builder
	if err := Serve(context.Background(), strings.NewReader(in.String()), &out, Options{Check: check}); err != nil {
		t.Fatalf("Serve: %v", err)
	}
	for _, want := range []string{`"id":1,"error"`, `"id":5,"error"`, `"id":6,"error"`, `"id":3,"result":null`, `"id":4,"result":[]`, `"id":7,"result":null`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the answers lack %s:\n%.2000s", want, out.String())
		}
	}
}
