package loader

import (
	"testing"

	"github.com/atflint/atflint/syntax"
)

func parseYAML(t *testing.T, src string) *syntax.Node {
	t.Helper()
	docs, err := syntax.ParseYAML([]byte(src))
	if err != nil || len(docs) != 1 {
		t.Fatalf("parse %q: %v", src, err)
	}
	return docs[0].Root
}

// TestStructuredShape checks which loader a policy of structured rules is
// held to: the one that alone reads some of its keys, or either.
func TestStructuredShape(t *testing.T) {
	const either = "an agent-os or agent-mesh trust policy"
	for _, tc := range []struct{ name, src, want string }{
		{"agent-os top-level key", "tool_allowlist: [read_file]\nrules: []", agtAgentOS.name},
		{"agent-os default", "defaults: {action: deny}", agtAgentOS.name},
		{"agent-os rule key", "rules: [{name: a, message: no}]", agtAgentOS.name},
		{"trust default", "defaults: {min_trust_score: 700}", agtTrust.name},
		{"trust rule key", "rules: [{name: a, description: no}]", agtTrust.name},
		{"keys of both", "defaults: {action: deny, min_trust_score: 700}", either},
		{"keys both read", "name: p\nrules: [{name: a, condition: {}, action: deny, priority: 1}]", either},
		{"keys neither reads", "defaults: {acton: allow}\nrules: [{name: a, enabled: false}]", either},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := structuredShape(parseYAML(t, tc.src)).name; got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

// TestNeverMatches checks which conditions can never hold, and where the
// finding points.
func TestNeverMatches(t *testing.T) {
	for _, tc := range []struct {
		name, cond string
		operators  []string
		want       string
		col        int
	}{
		{"a list for in", "{field: ns, operator: in, value: [core]}", agtAgentOS.operators, "", 0},
		{"a string for not_in tests substrings", "{field: ns, operator: not_in, value: trusted}", agtAgentOS.operators, "", 0},
		{"a mapping for in tests its keys", "{field: ns, operator: in, value: {core: 1}}", agtAgentOS.operators, "", 0},
		{"a number for in", "{field: ns, operator: in, value: 7}", agtAgentOS.operators, "in needs a list of values, not a number", 27},
		{"null for not_in", "{field: ns, operator: not_in, value: }", agtAgentOS.operators, "not_in needs a list of values, not null", 31},
		{"contains in agent-os", "{field: ns, operator: contains, value: core}", agtAgentOS.operators, "", 0},
		{"contains in a trust policy", "{field: ns, operator: contains, value: core}", agtTrust.operators,
			`the toolkit accepts no operator "contains", only eq, ne, gt, gte, lt, lte, in, not_in, matches`, 13},
		{"another engine's name", "{field: ns, operator: neq, value: core}", agtAgentOS.operators,
			`the toolkit accepts no operator "neq" (did you mean "ne"?), only eq, ne, gt, lt, gte, lte, in, not_in, matches, contains`, 13},
		{"a misspelt operator", "{field: n, operator: matchs, value: x}", agtTrust.operators,
			`the toolkit accepts no operator "matchs" (did you mean "matches"?), only eq, ne, gt, gte, lt, lte, in, not_in, matches`, 12},
		{"no operator", "{field: ns, value: core}", agtAgentOS.operators, "its condition has no operator", 1},
		{"a blank field", `{field: " ", operator: eq, value: core}`, agtAgentOS.operators, "its condition names no field", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, at := neverMatches(parseYAML(t, tc.cond), tc.operators)
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if at.Start.Col != tc.col {
				t.Errorf("points at column %d, want %d", at.Start.Col, tc.col)
			}
		})
	}
}
