// Package cuederive_test derives atf.schema.json from atf.cue and checks the
// committed one is up to date. It is a package of its own so that no other
// test binary of the schemas links CUE: the fuzzing engine scans every
// coverage counter of its binary after each input, and CUE's make the
// schemas package's fuzz target run a few inputs a second.
package cuederive_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"testing"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/cuecontext"
	"cuelang.org/go/encoding/jsonschema"

	"github.com/atflint/atflint/schemas"
)

var update = flag.Bool("update", false, "rewrite atf.schema.json from atf.cue")

// deriveJSONSchema derives the JSON Schema of #Manifest from the CUE.
func deriveJSONSchema() ([]byte, error) {
	ctx := cuecontext.New()
	v := ctx.CompileBytes(schemas.CUE(), cue.Filename("atf.cue"))
	if err := v.Err(); err != nil {
		return nil, fmt.Errorf("compile atf.cue: %w", err)
	}
	expr, err := jsonschema.Generate(v.LookupPath(cue.ParsePath("#Manifest")), &jsonschema.GenerateConfig{})
	if err != nil {
		return nil, fmt.Errorf("generate JSON Schema: %w", err)
	}
	gen := ctx.BuildExpr(expr)
	if err := gen.Err(); err != nil {
		return nil, fmt.Errorf("build JSON Schema: %w", err)
	}
	var schema map[string]any
	if err := gen.Decode(&schema); err != nil {
		return nil, fmt.Errorf("decode JSON Schema: %w", err)
	}
	schema["$id"] = schemas.SchemaID
	schema["title"] = "ATF agent manifest v1"
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(schema); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// TestJSONSchemaUpToDate fails when atf.schema.json was not regenerated
// after a change to atf.cue. Run "go generate ./schemas" to fix it.
func TestJSONSchemaUpToDate(t *testing.T) {
	want, err := deriveJSONSchema()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("../atf.schema.json", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(want, schemas.JSONSchema()) {
		t.Errorf("atf.schema.json is stale; run: go generate ./schemas")
	}
}
