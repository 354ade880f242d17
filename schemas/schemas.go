// Package schemas holds the schema of the ATF agent manifest. atf.cue is
// the source of truth; atf.schema.json is derived from it and committed, for
// editors and for the validator atflint compiles once per run.
package schemas

import _ "embed"

//go:generate go test -run TestJSONSchemaUpToDate -update ./cuederive

// RawBase is where the files of atflint's repository are served as they
// are on its main branch: a schema's $id is the URL it is served at there,
// so that an editor, or SchemaStore's catalog, can fetch it by its $id.
const RawBase = "https://raw.githubusercontent.com/atflint/atflint/main/"

// SchemaID is the $id of the manifest's JSON Schema.
const SchemaID = RawBase + "schemas/atf.schema.json"

//go:embed atf.cue
var cueSource []byte

//go:embed atf.schema.json
var jsonSchema []byte

// CUE returns the CUE source of the manifest schema.
func CUE() []byte { return cueSource }

// JSONSchema returns the JSON Schema derived from the CUE.
func JSONSchema() []byte { return jsonSchema }
