package loader

import (
	"strings"

	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/schemas"
	"github.com/atflint/atflint/syntax"
)

// isA2ACard tells an A2A agent card by its content: a name, skills, and
// the modes or capabilities of the protocol. A file at
// .well-known/agent.json is often something else.
func isA2ACard(root *syntax.Node) bool {
	_, name := root.Lookup("name")
	skills, hasSkills := root.Lookup("skills")
	_, modes := root.Lookup("defaultInputModes")
	caps, hasCaps := root.Lookup("capabilities")
	if !name || !hasSkills || skills.Value.Kind != syntax.Sequence {
		return false
	}
	for _, it := range skills.Value.Items {
		if it.Kind != syntax.Mapping {
			return false // a card's skills are objects, not names
		}
	}
	return modes || hasCaps && caps.Value.Kind == syntax.Mapping
}

// loadA2A reads an A2A agent card: a remote agent, its endpoint, its
// provider and how callers authenticate.
func loadA2A(f *model.File, root *syntax.Node) {
	a := describedAgent(f, model.FormatA2A, root)
	a.Version = str(root, "version")
	a.Endpoint = str(root, "url")
	// A2A 1.0 lists its endpoints under supportedInterfaces, 0.x its
	// other transports under additionalInterfaces.
	for _, key := range []string{"supportedInterfaces", "additionalInterfaces"} {
		if e, ok := root.Lookup(key); ok && e.Value.Kind == syntax.Sequence {
			for _, it := range e.Value.Items {
				if u := str(it, "url"); u.Present() {
					a.OtherEndpoints = append(a.OtherEndpoints, u)
				}
			}
		}
	}
	if !a.Endpoint.Present() && len(a.OtherEndpoints) > 0 {
		a.Endpoint, a.OtherEndpoints = a.OtherEndpoints[0], a.OtherEndpoints[1:]
	}
	// I-3: the provider owns the agent.
	if p, span := section(root, "provider"); p != nil && str(p, "organization").Present() {
		a.Controls.Set("I-3", model.Control{State: model.Declared, Field: "provider", Span: span})
	} else {
		a.Controls.Set("I-3", model.Control{Field: "provider", Span: syntax.At(root.Span.Start)})
	}
	a.Controls.Set("I-2", authentication(root, a.Endpoint.Span))
	if protocol02(root) {
		f.Problems = append(f.Problems, schemas.A2ACard.Validate(root)...)
	}
}

// protocol02 reports a card of the 0.2 protocol, which the schema atflint
// ships describes: its protocolVersion, which that schema requires, is
// absent or starts with 0.2. Later versions added security schemes and
// fields the schema would reject; the drafts before 0.2 (authentication)
// and 1.0 (supportedInterfaces) have other shapes.
func protocol02(root *syntax.Node) bool {
	for _, key := range []string{"supportedInterfaces", "authentication"} {
		if _, ok := root.Lookup(key); ok {
			return false
		}
	}
	e, ok := root.Lookup("protocolVersion")
	if !ok || e.Value.Kind != syntax.Scalar {
		return true
	}
	v := e.Value.Value
	return v == "0.2" || strings.HasPrefix(v, "0.2.")
}

// authentication tells whether a card makes callers authenticate (I-2): it
// defines security schemes and requires them, with no requirement that
// lets a caller in without credentials. Cards of the first drafts name
// their schemes under authentication instead.
func authentication(root *syntax.Node, at syntax.Span) model.Control {
	if !at.IsValid() {
		at = syntax.At(root.Span.Start)
	}
	if old, span := section(root, "authentication"); old != nil {
		if e, ok := old.Lookup("schemes"); ok && e.Value.Kind == syntax.Sequence && len(e.Value.Items) > 0 {
			return model.Control{State: model.Declared, Field: "authentication", Span: span}
		}
	}
	c := model.Control{Field: "securitySchemes", Span: at}
	schemes, schemesSpan := section(root, "securitySchemes")
	if schemes == nil || len(schemes.Entries) == 0 {
		return c
	}
	key := "security"
	reqs, ok := root.Lookup(key)
	if !ok {
		key = "securityRequirements" // A2A 1.0
		reqs, ok = root.Lookup(key)
	}
	if !ok || reqs.Value.Kind != syntax.Sequence || len(reqs.Value.Items) == 0 {
		c.Note = "the card defines security schemes but requires none (security, or securityRequirements in A2A 1.0)"
		return c
	}
	for _, req := range reqs.Value.Items {
		names := req
		if inner, ok := req.Lookup("schemes"); ok && key == "securityRequirements" {
			names = inner.Value
		}
		if names.Kind != syntax.Mapping || len(names.Entries) == 0 {
			c.Span = syntax.At(req.Span.Start)
			c.Note = "an empty requirement in " + key + " lets callers in without credentials"
			return c
		}
		for _, n := range names.Entries {
			if _, defined := schemes.Lookup(n.Key.Value); !defined {
				c.Span = n.Key.Span
				c.Note = key + " requires the scheme \"" + n.Key.Value + "\", which securitySchemes does not define"
				return c
			}
		}
	}
	return model.Control{State: model.Declared, Field: "securitySchemes", Span: schemesSpan}
}
