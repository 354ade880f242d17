package schemas

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/atflint/atflint/syntax"
)

// TestContractExample checks that the example of the manifest contract,
// which uses every field the contract names, fits the schema.
func TestContractExample(t *testing.T) {
	src, err := os.ReadFile("testdata/contract.atf.yaml")
	if err != nil {
		t.Fatal(err)
	}
	docs, err := syntax.ParseYAML(src)
	if err != nil {
		t.Fatal(err)
	}
	problems, err := Validate(docs[0].Root)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("%v: %s", p.Span.Start, p.Message)
	}
}

// TestEveryFieldDocumented checks that every property of the schema has a
// description, which comes from its doc comment in atf.cue.
func TestEveryFieldDocumented(t *testing.T) {
	var schema map[string]any
	if err := json.Unmarshal(JSONSchema(), &schema); err != nil {
		t.Fatal(err)
	}
	var check func(path string, s map[string]any)
	check = func(path string, s map[string]any) {
		props, _ := s["properties"].(map[string]any)
		for name, p := range props {
			ps, _ := p.(map[string]any)
			if d, _ := ps["description"].(string); strings.TrimSpace(d) == "" {
				t.Errorf("%s.%s has no description; give it a doc comment in atf.cue", path, name)
			}
		}
	}
	check("#Manifest", schema)
	defs, _ := schema["$defs"].(map[string]any)
	for name, d := range defs {
		ds, _ := d.(map[string]any)
		if desc, _ := ds["description"].(string); desc == "" {
			t.Errorf("#%s has no description", name)
		}
		check("#"+name, ds)
	}
}

func TestProblems(t *testing.T) {
	src := `atf: "0.9"
Agent: {}
agent:
  level: seniro
  owner: {team: 1}
identity:
  credential: {ttl: 3 days}
behavior:
  attribution: "yes"
  logging: {formt: json}
`
	docs, err := syntax.ParseYAML([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	problems, err := Validate(docs[0].Root)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`2:1 unknown key "Agent" in the manifest; did you mean "agent"?`,
		`4:3 agent.level is "seniro"; it must be one of intern, junior, senior, principal, 1, 2, 3, 4; did you mean "senior"?`,
		`5:11 agent.owner.team must be a string, not a number`,
		`7:16 identity.credential.ttl is "3 days"; expected a duration such as 15m, the lifetime of one credential, or "request" for one credential per request`,
		`9:3 behavior.attribution must be a boolean or a mapping, not a string`,
		`10:13 unknown key "formt" in behavior.logging; did you mean "format"?`,
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.Span.Start.String()+" "+p.Message)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
