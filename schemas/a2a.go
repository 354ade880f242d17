package schemas

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

// a2aCardSchema is the agent card part of the A2A protocol's published
// JSON Schema; published/a2a/PROVENANCE.md says where it comes from.
//
//go:embed published/a2a/agent-card.schema.json
var a2aCardSchema []byte

// a2aCardSchemaID names the schema inside the compiler; nothing is fetched.
const a2aCardSchemaID = "https://github.com/atflint/atflint/schemas/published/a2a/agent-card.schema.json"

// a2aCard compiles the schema once, on first use, with the general JSON
// Schema implementation: cards are few, and its verdicts are the
// reference. The schema is built in, so failing to compile it is a bug of
// atflint's, which a test rules out.
var a2aCard = sync.OnceValue(func() *jsonschema.Schema {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(a2aCardSchema))
	if err != nil {
		panic(fmt.Sprintf("the built-in A2A card schema: %v", err))
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(a2aCardSchemaID, doc); err != nil {
		panic(fmt.Sprintf("the built-in A2A card schema: %v", err))
	}
	return c.MustCompile(a2aCardSchemaID)
})

var english = message.NewPrinter(language.English)

// ValidateA2ACard checks an A2A agent card against the protocol's schema
// and returns what breaks it, at the value at fault, in file order.
func ValidateA2ACard(root *syntax.Node) []model.Problem {
	verr, ok := a2aCard().Validate(root.Interface()).(*jsonschema.ValidationError)
	if !ok {
		return nil
	}
	var problems []model.Problem
	for _, e := range failures(verr) {
		n := lookup(root, e.InstanceLocation)
		msg := e.ErrorKind.LocalizedString(english)
		switch e.ErrorKind.(type) {
		case *kind.AnyOf, *kind.OneOf:
			msg = "it matches none of the forms the schema allows"
		}
		problems = append(problems, model.Problem{
			Kind:    model.SchemaViolation,
			Span:    problemSpan(n),
			Message: fmt.Sprintf("%s breaks the A2A agent card schema: %s", cardField(e.InstanceLocation), msg),
		})
	}
	slices.SortStableFunc(problems, func(a, b model.Problem) int {
		if a.Span.Start != b.Span.Start {
			if a.Span.Start.Before(b.Span.Start) {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Message, b.Message)
	})
	return slices.Compact(problems)
}

// failures returns the errors to report: the leaves of the error tree,
// where a value fails a keyword itself. A value that fits none of the
// alternatives of an anyOf or oneOf is reported by the failures of the
// alternative it comes nearest to, the one with fewest, which is most
// often the one its author meant: an apiKey scheme with a bad "in" is
// told about "in", not about every other kind of scheme. With a tie, the
// anyOf itself is the failure.
func failures(e *jsonschema.ValidationError) []*jsonschema.ValidationError {
	switch e.ErrorKind.(type) {
	case *kind.Group, *kind.Schema, *kind.Reference, *kind.AllOf:
		var out []*jsonschema.ValidationError
		for _, c := range e.Causes {
			out = append(out, failures(c)...)
		}
		return out
	case *kind.AnyOf, *kind.OneOf:
		var best []*jsonschema.ValidationError
		tie := false
		for _, c := range e.Causes {
			f := failures(c)
			switch {
			case best == nil || len(f) < len(best):
				best, tie = f, false
			case len(f) == len(best):
				tie = true
			}
		}
		if best != nil && !tie {
			return best
		}
	}
	return []*jsonschema.ValidationError{e}
}

// lookup returns the node at a JSON pointer's tokens, or the deepest one
// that exists on the way.
func lookup(root *syntax.Node, tokens []string) *syntax.Node {
	n := root
	for _, tok := range tokens {
		next := child(n, tok)
		if next == nil {
			break
		}
		n = next
	}
	return n
}

func child(n *syntax.Node, tok string) *syntax.Node {
	switch n.Kind {
	case syntax.Mapping:
		if e, ok := n.Lookup(tok); ok {
			return e.Value
		}
	case syntax.Sequence:
		if i, err := strconv.Atoi(tok); err == nil && i >= 0 && i < len(n.Items) {
			return n.Items[i]
		}
	}
	return nil
}

// problemSpan points at a scalar's text, or at where a collection starts.
func problemSpan(n *syntax.Node) syntax.Span {
	if n.Kind == syntax.Scalar {
		return n.Span
	}
	return syntax.At(n.Span.Start)
}

func cardField(path []string) string {
	if len(path) == 0 {
		return "the agent card"
	}
	return fieldName(path)
}
