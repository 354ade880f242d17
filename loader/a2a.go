package loader

import (
	"strings"

	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/schemas"
	"github.com/atflint/atflint/syntax"
)

// FormatA2A names A2A agent cards.
const FormatA2A = "a2a-card"

// isA2ACard tells an A2A agent card by its content: a name, skills, and
// the modes or capabilities of the protocol. A file at
// .well-known/agent.json is often something else.
func isA2ACard(root *syntax.Node) bool {
	_, name := root.Lookup("name")
	skills, hasSkills := root.Lookup("skills")
	_, modes := root.Lookup("defaultInputModes")
	_, caps := root.Lookup("capabilities")
	return name && hasSkills && skills.Value.Kind == syntax.Sequence && (modes || caps)
}

// loadA2A reads an A2A agent card: a remote agent, its endpoint, its
// provider and how callers authenticate.
func loadA2A(f *model.File, root *syntax.Node) {
	a := describedAgent(f, FormatA2A, root)
	a.Version = str(root, "version")
	a.Endpoint = str(root, "url")
	if !a.Endpoint.Present() {
		// A2A 1.0 lists its endpoints under supportedInterfaces.
		if e, ok := root.Lookup("supportedInterfaces"); ok && e.Value.Kind == syntax.Sequence && len(e.Value.Items) > 0 {
			a.Endpoint = str(e.Value.Items[0], "url")
		}
	}
	if a.Purpose.Present() {
		a.Controls["I-4"] = model.Control{State: model.Declared, Field: "description", Span: a.Purpose.Span}
	}
	// I-3: the provider owns the agent.
	if p, span := section(root, "provider"); p != nil && str(p, "organization").Present() {
		a.Controls["I-3"] = model.Control{State: model.Declared, Field: "provider", Span: span}
	} else {
		a.Controls["I-3"] = model.Control{Field: "provider", Span: syntax.At(root.Span.Start)}
	}
	// I-2: callers authenticate with one of the card's security schemes.
	schemes, schemesSpan := section(root, "securitySchemes")
	required := false
	for _, key := range []string{"security", "securityRequirements"} {
		if e, ok := root.Lookup(key); ok && meaningful(e.Value) == model.Declared {
			required = true
		}
	}
	c := model.Control{Field: "securitySchemes", Span: a.Endpoint.Span}
	if !c.Span.IsValid() {
		c.Span = syntax.At(root.Span.Start)
	}
	switch {
	case schemes != nil && len(schemes.Entries) > 0 && required:
		c = model.Control{State: model.Declared, Field: "securitySchemes", Span: schemesSpan}
	case schemes != nil && len(schemes.Entries) > 0:
		c.Note = "the card defines security schemes but requires none (security)"
	}
	a.Controls["I-2"] = c
	if protocol0x(root) {
		f.Problems = append(f.Problems, schemas.A2ACard.Validate(root)...)
	}
}

// protocol0x reports a card of the 0.x protocol, which the schema atflint
// ships describes: it has no supportedInterfaces, which 1.0 introduced,
// and its protocolVersion, if any, starts with 0.
func protocol0x(root *syntax.Node) bool {
	if _, ok := root.Lookup("supportedInterfaces"); ok {
		return false
	}
	e, ok := root.Lookup("protocolVersion")
	return !ok || e.Value.Kind != syntax.Scalar || strings.HasPrefix(e.Value.Value, "0.")
}
