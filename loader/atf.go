// Package loader reads each supported file format into the agent model,
// one file per format, keeping the exact span of every value.
package loader

import (
	"fmt"
	"strings"

	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/schemas"
	"github.com/atflint/atflint/syntax"
)

// LoadATF reads an ATF agent manifest. It never fails: what it cannot read
// becomes a Problem of the returned file.
func LoadATF(name string, src []byte) *model.File {
	return loadATF(name, src, nil)
}

func loadATF(name string, src []byte, arena *syntax.Arena) *model.File {
	f := &model.File{Path: name, Format: model.FormatATF}
	root, ok := parse(f, src, arena, strings.HasSuffix(name, ".json"), true)
	if !ok {
		return f
	}
	return manifestFrom(f, root)
}

// manifestFrom reads a parsed manifest into f.
func manifestFrom(f *model.File, root *syntax.Node) *model.File {
	f.Format = model.FormatATF
	if root.Kind != syntax.Mapping {
		addProblem(f, model.Invalid, syntax.At(root.Span.Start), "a manifest is a mapping of keys (atf, agent, tools, ...), not a %s", root.KindName())
		return f
	}
	f.Root = root
	problems, err := schemas.Validate(root)
	if err != nil {
		addProblem(f, model.Invalid, syntax.At(root.Span.Start), "cannot validate the manifest: %v", err)
	}
	f.Problems = append(f.Problems, problems...)
	f.Agents = []*model.Agent{decodeATF(root)}
	return f
}

// parse parses a file, YAML in the arena if there is one, and returns its
// first document. With oneDoc, a second document is a problem, as in a
// manifest.
func parse(f *model.File, src []byte, arena *syntax.Arena, isJSON, oneDoc bool) (*syntax.Node, bool) {
	format := "YAML"
	var docs []syntax.Document
	var err error
	if isJSON {
		format = "JSON"
		var d syntax.Document
		d, err = syntax.ParseJSON(src)
		docs = []syntax.Document{d}
	} else {
		if arena == nil {
			arena = new(syntax.Arena)
		}
		docs, err = arena.ParseYAML(src)
	}
	if err != nil {
		if se, ok := err.(*syntax.Error); ok {
			addProblem(f, model.Invalid, syntax.At(se.Pos), "invalid %s: %s", format, se.Msg)
		} else {
			addProblem(f, model.Invalid, syntax.At(syntax.Pos{Line: 1, Col: 1}), "invalid %s: %v", format, err)
		}
		return nil, false
	}
	var nonEmpty []syntax.Document
	for _, d := range docs {
		if d.Root != nil {
			nonEmpty = append(nonEmpty, d)
		}
	}
	if len(nonEmpty) == 0 {
		addProblem(f, model.Invalid, syntax.At(syntax.Pos{Line: 1, Col: 1}), "%s", emptyMessage(f.Format))
		return nil, false
	}
	if oneDoc {
		for _, d := range nonEmpty[1:] {
			addProblem(f, model.Invalid, syntax.At(d.Pos), "a manifest holds one agent, but this file has %d YAML documents; only the first is checked", len(nonEmpty))
		}
	}
	return nonEmpty[0].Root, true
}

// emptyMessage says what an empty file or front matter lacks.
func emptyMessage(format model.Format) string {
	switch format {
	case model.FormatATF:
		return "the file is empty; a manifest declares at least atf and agent"
	case model.FormatClaudeAgent, model.FormatCopilotAgent, model.FormatOpenCodeAgent:
		return "the front matter is empty; an agent's front matter declares at least its description"
	}
	return "the file is empty"
}

func addProblem(f *model.File, k model.ProblemKind, span syntax.Span, format string, args ...any) {
	f.Problems = append(f.Problems, model.Problem{Kind: k, Span: span, Message: fmt.Sprintf(format, args...)})
}
