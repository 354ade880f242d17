// Package lsp is atflint's language server: it speaks the Language Server
// Protocol over a stream (stdio for atflint lsp), and shows an editor the
// findings of the documents open in it as the author types.
//
// The protocol's types and the dispatch of its methods to handlers are
// tliron/glsp's protocol_3_16, the most complete Go rendering of the 3.16
// protocol; the JSON-RPC transport is sourcegraph/jsonrpc2, which glsp
// itself is built on. glsp's own server is not used: it serves only the
// process's stdin and stdout and logs through a global logger, where atflint
// serves the streams its Main is given and tests drive it in-process.
//
// It lints nothing itself: Options.Check is the linter, the same run and
// filters as atflint check, with the open documents' unsaved text in
// place of their files. Checks run off the connection's read loop, one at
// a time, on the newest text: an edit that comes while one runs is checked
// next, and edits in between are not checked on their own.
package lsp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/url"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/sourcegraph/jsonrpc2"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/atflint/atflint/finding"
)

// Check lints the documents, given by absolute path with their text, in
// the workspace at root, and returns the findings for each, by absolute
// path. A path with no findings may be left out. rescan is true on the
// first check and on the first after a document was saved: what it read
// of the workspace's files on disk may have changed since; between
// saves, only the documents' text has.
type Check func(root string, docs map[string][]byte, rescan bool) (map[string][]finding.Finding, error)

// Options configure the server.
type Options struct {
	Check   Check
	Version string // the server's version, told to the client
	// DocRef is the git ref of atflint's repository the rule pages linked
	// from diagnostics are read at; "" is main.
	DocRef string
}

// Serve serves one client on in and out until it exits or the stream
// ends. It returns an error when the client exited without shutting the
// server down first, as the protocol counts an unclean exit.
func Serve(ctx context.Context, in io.Reader, out io.Writer, opt Options) error {
	s := &server{opt: opt, docs: map[string]*document{}, dirty: make(chan struct{}, 1), saved: true}
	s.handler = protocol.Handler{
		Initialize:             s.initialize,
		Initialized:            func(*glsp.Context, *protocol.InitializedParams) error { return nil },
		Shutdown:               s.shutdownRequest,
		SetTrace:               func(*glsp.Context, *protocol.SetTraceParams) error { return nil },
		TextDocumentDidOpen:    s.didOpen,
		TextDocumentDidChange:  s.didChange,
		TextDocumentDidSave:    s.didSave,
		TextDocumentDidClose:   s.didClose,
		TextDocumentHover:      s.hover,
		TextDocumentCodeAction: s.codeAction,
	}
	stream := jsonrpc2.NewBufferedStream(pipe{in, out}, jsonrpc2.VSCodeObjectCodec{})
	conn := jsonrpc2.NewConn(ctx, stream, jsonrpc2.HandlerWithError(s.handle))
	s.conn = conn
	checked := make(chan struct{})
	go func() {
		defer close(checked)
		s.checkLoop(ctx)
	}()
	select {
	case <-conn.DisconnectNotify():
	case <-ctx.Done():
		conn.Close()
	}
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	close(s.dirty)
	<-checked
	if !s.shutdown.Load() {
		return errors.New("the client exited without asking the server to shut down")
	}
	return nil
}

// pipe makes a reader and a writer one stream for jsonrpc2. Closing it
// closes neither: they are the process's, or a test's.
type pipe struct {
	io.Reader
	io.Writer
}

func (pipe) Close() error { return nil }

type server struct {
	opt     Options
	handler protocol.Handler
	conn    *jsonrpc2.Conn

	mu       sync.Mutex
	root     string               // the workspace's directory
	docs     map[string]*document // open documents by URI
	closed   bool                 // the connection is gone
	saved    bool                 // a document was saved since the last check
	shutdown atomic.Bool
	// dirty holds a token while the open documents have text not yet
	// checked.
	dirty chan struct{}
}

type document struct {
	uri      string
	path     string // absolute
	text     []byte
	version  int32
	findings []finding.Finding // of the text last checked
	checked  []byte            // that text
}

// handle is the connection's handler: glsp's dispatch, but exit closes
// the connection.
func (s *server) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
	gc := &glsp.Context{
		Method: req.Method,
		Notify: func(method string, params any) { _ = conn.Notify(ctx, method, params) },
		Call:   func(method string, params, result any) { _ = conn.Call(ctx, method, params, result) },
	}
	if req.Params != nil {
		gc.Params = *req.Params
	}
	if req.Method == protocol.MethodExit {
		return nil, conn.Close()
	}
	r, validMethod, validParams, err := s.handler.Handle(gc)
	switch {
	case !validMethod:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "atflint's language server does not handle " + req.Method}
	case !validParams:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: fmt.Sprintf("%s: %v", req.Method, err)}
	}
	return r, err
}

func (s *server) initialize(_ *glsp.Context, p *protocol.InitializeParams) (any, error) {
	root := ""
	switch {
	case len(p.WorkspaceFolders) > 0:
		root = p.WorkspaceFolders[0].URI
	case p.RootURI != nil:
		root = *p.RootURI
	case p.RootPath != nil:
		root = *p.RootPath
	}
	dir, err := pathOf(root)
	if root == "" || err != nil {
		dir, err = filepath.Abs(".")
		if err != nil {
			return nil, err
		}
	}
	s.mu.Lock()
	s.root = dir
	s.mu.Unlock()
	caps := s.handler.CreateServerCapabilities()
	full := protocol.TextDocumentSyncKindFull
	caps.TextDocumentSync = &protocol.TextDocumentSyncOptions{
		OpenClose: &protocol.True,
		Change:    &full,
		Save:      &protocol.SaveOptions{IncludeText: &protocol.False},
	}
	caps.CodeActionProvider = &protocol.CodeActionOptions{CodeActionKinds: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix}}
	return protocol.InitializeResult{
		Capabilities: caps,
		ServerInfo:   &protocol.InitializeResultServerInfo{Name: "atflint", Version: &s.opt.Version},
	}, nil
}

func (s *server) shutdownRequest(*glsp.Context) error {
	s.shutdown.Store(true)
	return nil
}

func (s *server) didOpen(_ *glsp.Context, p *protocol.DidOpenTextDocumentParams) error {
	path, err := pathOf(p.TextDocument.URI)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.docs[p.TextDocument.URI] = &document{uri: p.TextDocument.URI, path: path, text: []byte(p.TextDocument.Text), version: p.TextDocument.Version}
	s.mu.Unlock()
	s.markDirty()
	return nil
}

func (s *server) didChange(_ *glsp.Context, p *protocol.DidChangeTextDocumentParams) error {
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	if d != nil {
		for _, c := range p.ContentChanges {
			// The server asks for whole documents; a client that sends a
			// range anyway is applied as it says.
			switch c := c.(type) {
			case protocol.TextDocumentContentChangeEventWhole:
				d.text = []byte(c.Text)
			case protocol.TextDocumentContentChangeEvent:
				d.text = applyChange(d.text, c)
			}
		}
		d.version = p.TextDocument.Version
	}
	s.mu.Unlock()
	if d == nil {
		return fmt.Errorf("%s changed but was never opened", p.TextDocument.URI)
	}
	s.markDirty()
	return nil
}

// didSave checks again: a saved manifest can change what the other open
// documents are held to.
func (s *server) didSave(*glsp.Context, *protocol.DidSaveTextDocumentParams) error {
	s.mu.Lock()
	s.saved = true
	s.mu.Unlock()
	s.markDirty()
	return nil
}

func (s *server) didClose(gc *glsp.Context, p *protocol.DidCloseTextDocumentParams) error {
	s.mu.Lock()
	delete(s.docs, p.TextDocument.URI)
	s.mu.Unlock()
	gc.Notify(protocol.ServerTextDocumentPublishDiagnostics, protocol.PublishDiagnosticsParams{URI: p.TextDocument.URI, Diagnostics: []protocol.Diagnostic{}})
	return nil
}

func (s *server) markDirty() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	select {
	case s.dirty <- struct{}{}:
	default: // a check of the newest text is due already
	}
}

// checkLoop checks the open documents each time they change, until the
// connection closes.
func (s *server) checkLoop(ctx context.Context) {
	for range s.dirty {
		s.mu.Lock()
		root := s.root
		texts := make(map[string][]byte, len(s.docs))
		for _, d := range s.docs {
			texts[d.path] = d.text
		}
		rescan := s.saved && len(texts) > 0
		if rescan {
			s.saved = false
		}
		s.mu.Unlock()
		if len(texts) == 0 {
			continue
		}
		found, err := s.opt.Check(root, texts, rescan)
		if err != nil {
			_ = s.conn.Notify(ctx, protocol.ServerWindowShowMessage, protocol.ShowMessageParams{Type: protocol.MessageTypeError, Message: "atflint: " + err.Error()})
			continue
		}
		s.mu.Lock()
		var publish []protocol.PublishDiagnosticsParams
		for _, uri := range slices.Sorted(maps.Keys(s.docs)) {
			d := s.docs[uri]
			checked, ok := texts[d.path]
			if !ok || string(checked) != string(d.text) {
				continue // changed since: the next check publishes it
			}
			d.findings, d.checked = found[d.path], checked
			version := protocol.UInteger(d.version)
			publish = append(publish, protocol.PublishDiagnosticsParams{URI: uri, Version: &version, Diagnostics: s.diagnostics(d)})
		}
		s.mu.Unlock()
		for _, p := range publish {
			_ = s.conn.Notify(ctx, protocol.ServerTextDocumentPublishDiagnostics, p)
		}
	}
}

// pathOf is the absolute path of a file: URI, or of a plain path.
func pathOf(uri string) (string, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", fmt.Errorf("%q is not a URI: %w", uri, err)
	}
	switch u.Scheme {
	case "file":
		p := u.Path
		if runtime.GOOS == "windows" {
			p = strings.TrimPrefix(p, "/") // file:///C:/x
		}
		return filepath.Abs(filepath.FromSlash(p))
	case "":
		return filepath.Abs(uri)
	}
	return "", fmt.Errorf("%s: only file: documents are checked", uri)
}

// uriOf is the file: URI of an absolute path.
func uriOf(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
