package lsp

import (
	"bytes"
	"github.com/atflint/atflint/syntax"
	"path/filepath"
	"strings"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/atflint/atflint/filter"
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/ruledoc"
	"github.com/atflint/atflint/rules"
)

var severities = map[finding.Severity]protocol.DiagnosticSeverity{
	finding.Error:   protocol.DiagnosticSeverityError,
	finding.Warning: protocol.DiagnosticSeverityWarning,
	finding.Note:    protocol.DiagnosticSeverityInformation,
}

// diagnostics are the document's findings as the protocol has them. The
// caller holds s.mu.
func (s *server) diagnostics(d *document) []protocol.Diagnostic {
	out := []protocol.Diagnostic{}
	source := "atflint"
	texts := map[string][]byte{} // of the files related locations are in
	for _, f := range d.findings {
		sev := severities[f.Severity]
		diag := protocol.Diagnostic{
			Range:           span(d.checked, f.Span),
			Severity:        &sev,
			Code:            &protocol.IntegerOrString{Value: f.Rule},
			CodeDescription: &protocol.CodeDescription{HRef: ruledoc.URLAt(f.Rule, s.opt.DocRef)},
			Source:          &source,
			Message:         f.Message,
		}
		for _, r := range f.Related {
			path := s.abs(r.File)
			if _, ok := texts[path]; !ok {
				texts[path] = s.textOf(path)
			}
			diag.RelatedInformation = append(diag.RelatedInformation, protocol.DiagnosticRelatedInformation{
				Location: protocol.Location{URI: uriOf(path), Range: span(texts[path], r.Span)},
				Message:  r.Message,
			})
		}
		out = append(out, diag)
	}
	return out
}

// abs is the absolute path of a finding's file, which is relative to the
// workspace's directory. The caller holds s.mu.
func (s *server) abs(file string) string {
	p := filepath.FromSlash(file)
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(s.root, p)
}

// textOf is a file's text: the open document's, else the file's, else
// none (positions then go unconverted past column 1). The caller holds
// s.mu.
func (s *server) textOf(path string) []byte {
	for _, d := range s.docs {
		if d.path == path {
			return d.checked
		}
	}
	text, _ := syntax.ReadFile(path)
	return text
}

// at returns the open document and its findings whose range overlaps r.
func (s *server) at(uri string, r protocol.Range) (*document, []finding.Finding) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[uri]
	if d == nil {
		return nil, nil
	}
	var fs []finding.Finding
	for _, f := range d.findings {
		if overlaps(span(d.checked, f.Span), r) {
			fs = append(fs, f)
		}
	}
	return d, fs
}

// hover explains the findings under the cursor: each one's message, then
// its rule's documentation, as atflint explain gives it.
func (s *server) hover(_ *glsp.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	_, fs := s.at(p.TextDocument.URI, protocol.Range{Start: p.Position, End: p.Position})
	if len(fs) == 0 {
		return nil, nil
	}
	var b strings.Builder
	seen := map[string]bool{}
	for _, f := range fs {
		b.WriteString("**" + f.Rule + "** (" + f.Severity.String() + "): " + f.Message + "\n\n")
	}
	for _, f := range fs {
		if r := rules.Lookup(f.Rule); r != nil && !seen[f.Rule] {
			seen[f.Rule] = true
			b.WriteString("---\n\n" + r.Markdown() + "\n")
		}
	}
	return &protocol.Hover{Contents: protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: b.String()}}, nil
}

// codeAction offers, for each finding in the range, its rule's fix where
// it has one, and a suppression comment on the line above it, with a
// placeholder reason the suppression is invalid with until it is
// replaced.
func (s *server) codeAction(_ *glsp.Context, p *protocol.CodeActionParams) (any, error) {
	d, fs := s.at(p.TextDocument.URI, p.Range)
	actions := []protocol.CodeAction{}
	if d == nil {
		return actions, nil
	}
	quickfix := protocol.CodeActionKindQuickFix
	for _, f := range fs {
		if f.Fix != nil {
			edits := make([]protocol.TextEdit, len(f.Fix.Edits))
			for i, e := range f.Fix.Edits {
				edits[i] = protocol.TextEdit{Range: span(d.checked, e.Span), NewText: e.Text}
			}
			preferred := true
			actions = append(actions, protocol.CodeAction{
				Title: f.Fix.Title, Kind: &quickfix, IsPreferred: &preferred,
				Edit: &protocol.WorkspaceEdit{Changes: map[protocol.DocumentUri][]protocol.TextEdit{d.uri: edits}},
			})
		}
		if f.Rule == filter.InvalidSuppression || f.Rule == filter.UnusedSuppression {
			continue // a suppression of a suppression's finding hides a mistake
		}
		if edit, ok := suppression(d.path, d.checked, f); ok {
			actions = append(actions, protocol.CodeAction{
				Title: "Suppress " + f.Rule + " here with an atflint:ignore comment",
				Kind:  &quickfix,
				Edit:  &protocol.WorkspaceEdit{Changes: map[protocol.DocumentUri][]protocol.TextEdit{d.uri: {edit}}},
			})
		}
	}
	return actions, nil
}

// suppression is the edit that inserts an atflint:ignore comment for f
// alone on the line above it, indented as that line is, in the file's
// comment syntax. Plain JSON has none: a comment would break the file for
// the tool that reads it, so none is offered there (the configuration's
// ignores serve).
func suppression(path string, text []byte, f finding.Finding) (protocol.TextEdit, bool) {
	open, end, ok := commentSyntax(path, text, f.Span.Start.Line)
	if !ok {
		return protocol.TextEdit{}, false
	}
	line := lineAt(text, f.Span.Start.Line)
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	indent := line[:len(line)-len(bytes.TrimLeft(line, " \t"))]
	start := protocol.Position{Line: protocol.UInteger(f.Span.Start.Line - 1)}
	comment := string(indent) + open + "atflint:ignore[" + f.Rule + "] " + filter.ReasonPlaceholder + end + lineEnd(text)
	return protocol.TextEdit{Range: protocol.Range{Start: start, End: start}, NewText: comment}, true
}

// commentSyntax is how a comment alone on a line opens and ends in the
// file at the given line: what filter reads suppressions from.
func commentSyntax(path string, text []byte, line int) (open, end string, ok bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml", ".toml":
		return "# ", "", true
	case ".jsonc":
		return "// ", "", true
	case ".md", ".markdown":
		if line <= frontMatterEnd(text) {
			return "# ", "", true
		}
		return "<!-- ", " -->", true
	}
	return "", "", false
}

// frontMatterEnd is the line of the --- that closes a Markdown file's
// YAML front matter, 0 when it has none.
func frontMatterEnd(text []byte) int {
	lines := strings.Split(string(text), "\n")
	if len(lines) == 0 || strings.TrimRight(lines[0], "\r") != "---" {
		return 0
	}
	for i := 1; i < len(lines); i++ {
		if strings.TrimRight(lines[i], "\r") == "---" {
			return i + 1
		}
	}
	return 0
}

// lineEnd is the file's line ending.
func lineEnd(text []byte) string {
	if bytes.Contains(text, []byte("\r\n")) {
		return "\r\n"
	}
	return "\n"
}
