package schemas

import (
	"strings"
	"testing"

	"github.com/atflint/atflint/syntax"
)

// TestValidateA2ACard checks the problems of a few cards: where they
// point and what they say.
func TestA2ACard(t *testing.T) {
	const valid = `{"name": "n", "description": "d", "url": "https://a.example", "version": "1", "protocolVersion": "0.3.0",
 "capabilities": {}, "defaultInputModes": ["text/plain"], "defaultOutputModes": ["text/plain"]`
	for _, tc := range []struct{ card, want string }{
		{valid + `, "skills": []}`, ""},
		// A card that is not even a mapping is one failure at its start.
		{"[]", "1:1 the file breaks the A2A agent card schema: got array, want object"},
		{valid + `, "skills": [{"id": "s", "name": "n", "description": "d", "tags": [1]}]}`,
			"2:162 skills[0].tags[0] breaks the A2A agent card schema: got number, want string"},
		// No scheme is nearest: the anyOf itself fails.
		{valid + `, "skills": [], "securitySchemes": {"x": {}}}`,
			"2:136 securitySchemes.x breaks the A2A agent card schema: it matches none of the forms the schema allows"},
	} {
		doc, err := syntax.ParseJSON([]byte(tc.card))
		if err != nil {
			t.Fatalf("%s: %v", tc.card, err)
		}
		var got []string
		for _, p := range A2ACard.Validate(doc.Root) {
			got = append(got, p.Span.Start.String()+" "+p.Message)
		}
		if strings.Join(got, "\n") != tc.want {
			t.Errorf("%s:\ngot  %q\nwant %q", tc.card, got, tc.want)
		}
	}
}

// TestPublishedCompile compiles every published schema atflint ships, so
// that none can fail at run time.
func TestPublishedCompile(t *testing.T) {
	all := []*Published{A2ACard}
	for _, versions := range []map[string]*Published{m365Agents, m365Plugins} {
		for _, p := range versions {
			all = append(all, p)
		}
	}
	if len(all) != 13 {
		t.Errorf("%d published schemas, want the A2A card, 8 declarative agent and 4 API plugin versions", len(all))
	}
	for _, p := range all {
		p.schema()
	}
	if _, ok := M365Agent("v1.6"); !ok {
		t.Error("no declarative agent v1.6 schema")
	}
	if _, ok := M365Plugin("v9"); ok {
		t.Error("a schema for a plugin version that does not exist")
	}
}
