package filter

import (
	"encoding/json"
	"testing"

	"github.com/atflint/atflint/internal/golden"
	"github.com/atflint/atflint/rules"
)

// TestConfigSchemaUpToDate derives config.schema.json from the rules, so
// that a new rule is a key it knows: go test -run TestConfigSchemaUpToDate
// -update ./filter rewrites it.
func TestConfigSchemaUpToDate(t *testing.T) {
	levels := []any{"intern", "junior", "senior", "principal"}
	severity := map[string]any{"enum": []any{"error", "warning", "note"}, "description": "A severity: error, warning or note."}
	globs := map[string]any{"type": "array", "items": map[string]any{"type": "string"},
		"description": "Paths relative to the directory atflint runs in: a file, a directory ending in /, or a glob (** matches any directories)."}
	rulesOf := func(ref string) map[string]any {
		props := map[string]any{}
		for _, r := range rules.All() {
			props[r.ID] = map[string]any{"$ref": "#/$defs/" + ref, "description": r.Title + "."}
		}
		return map[string]any{"type": "object", "properties": props, "additionalProperties": false,
			"description": "Settings of rules, by rule id ('atflint rules' lists them)."}
	}
	schema := map[string]any{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         ConfigSchemaID,
		"title":       "atflint configuration",
		"description": "The configuration of atflint: .atflint.yaml or .github/atflint.yaml, or the file --config names.",
		"type":        "object",
		"properties": map[string]any{
			"extends": map[string]any{
				"anyOf":       []any{map[string]any{"type": "string"}, map[string]any{"type": "array", "items": map[string]any{"type": "string"}}},
				"description": "Configuration files this one builds on, relative to it (an organisation's shared one); what this file says wins.",
			},
			"level":        map[string]any{"enum": levels, "description": "The level of agents that declare none: intern, junior, senior or principal."},
			"min-severity": map[string]any{"enum": []any{"error", "warning", "note"}, "description": "What is reported, as --min-severity (which wins): error, warning or note and above."},
			"fail-on":      map[string]any{"enum": []any{"error", "warning", "note", "never"}, "description": "Which reported findings fail the run, as --fail-on (which wins): error, warning, note or never."},
			"rules":        rulesOf("rule"),
			"overrides": map[string]any{
				"type":        "array",
				"description": "Settings for some paths only; later entries win over earlier ones, and all over the settings above.",
				"items": map[string]any{
					"type": "object", "required": []any{"paths"}, "additionalProperties": false,
					"description": "Settings for the files matching paths.",
					"properties": map[string]any{
						"paths": globs,
						"level": map[string]any{"enum": levels, "description": "The level of agents in these files that declare none."},
						"rules": rulesOf("ruleSettings"),
					},
				},
			},
		},
		"additionalProperties": false,
		"$defs": map[string]any{
			"rule": map[string]any{
				"type": "object", "additionalProperties": false, "description": "A rule's settings.",
				"properties": map[string]any{
					"disable":  map[string]any{"type": "boolean", "description": "Turn the rule off."},
					"severity": severity,
					"ignore": map[string]any{"type": "array", "items": map[string]any{"type": "string"},
						"description": "Findings not to report: a path, a directory ending in /, or a glob, with :line, :line:col, or #fingerprint (from the JSON output; it survives line shifts, for files without comments). One that matches nothing is reported."},
				},
			},
			"ruleSettings": map[string]any{
				"type": "object", "additionalProperties": false, "description": "A rule's settings for these paths.",
				"properties": map[string]any{
					"disable":  map[string]any{"type": "boolean", "description": "Turn the rule off here."},
					"severity": severity,
				},
			},
		},
	}
	got, err := json.MarshalIndent(schema, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "config.schema.json", append(got, '\n'))
}
