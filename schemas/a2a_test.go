package schemas

import (
	"strings"
	"testing"

	"github.com/atflint/atflint/syntax"
)

// TestValidateA2ACard checks the problems of a few cards: where they
// point and what they say.
func TestValidateA2ACard(t *testing.T) {
	const valid = `{"name": "n", "description": "d", "url": "https://a.example", "version": "1", "protocolVersion": "0.3.0",
 "capabilities": {}, "defaultInputModes": ["text/plain"], "defaultOutputModes": ["text/plain"]`
	for _, tc := range []struct{ card, want string }{
		{valid + `, "skills": []}`, ""},
		// A card that is not even a mapping is one failure at its start.
		{"[]", "1:1 the agent card breaks the A2A agent card schema: got array, want object"},
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
		for _, p := range ValidateA2ACard(doc.Root) {
			got = append(got, p.Span.Start.String()+" "+p.Message)
		}
		if strings.Join(got, "\n") != tc.want {
			t.Errorf("%s:\ngot  %q\nwant %q", tc.card, got, tc.want)
		}
	}
}
