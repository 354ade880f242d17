package schemas

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/atflint/atflint/syntax"
)

// oracle is the manifest schema compiled by a general JSON Schema
// implementation, to check the hot-path validator's verdicts against.
func oracle(t testing.TB) *jsonschema.Schema {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(jsonSchema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(SchemaID, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(SchemaID)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// agree checks that the validator and the oracle agree on whether a tree
// fits the schema.
func agree(t *testing.T, o *jsonschema.Schema, name string, root *syntax.Node) {
	t.Helper()
	problems, err := Validate(root)
	if err != nil {
		t.Fatal(err)
	}
	oracleErr := o.Validate(root.Interface())
	if (len(problems) == 0) != (oracleErr == nil) {
		t.Errorf("%s: validator found %d problems %v, oracle says %v", name, len(problems), problems, oracleErr)
	}
}

// TestAgreesWithOracle runs both on every manifest the project ships.
func TestAgreesWithOracle(t *testing.T) {
	o := oracle(t)
	n := 0
	for _, dir := range []string{"testdata", "../rules/testdata", "../testdata", "../examples"} {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.Contains(d.Name(), ".atf.") {
				return nil
			}
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			var root *syntax.Node
			if strings.HasSuffix(p, ".json") {
				doc, err := syntax.ParseJSON(src)
				if err != nil {
					return nil
				}
				root = doc.Root
			} else {
				docs, err := syntax.ParseYAML(src)
				if err != nil || len(docs) == 0 {
					return nil
				}
				root = docs[0].Root
			}
			if root != nil && root.Kind == syntax.Mapping {
				agree(t, o, p, root)
				n++
			}
			return nil
		})
	}
	if n < 50 {
		t.Errorf("only %d manifests compared", n)
	}
}

// FuzzAgreesWithOracle mutates manifests and compares the verdicts.
func FuzzAgreesWithOracle(f *testing.F) {
	for _, p := range []string{"testdata/contract.atf.yaml", "../rules/testdata/levels/senior.atf.yaml", "../rules/testdata/invalid-manifest/wrong-types.atf.yaml"} {
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	o := oracle(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		docs, err := syntax.ParseYAML(src)
		if err != nil || len(docs) == 0 || docs[0].Root == nil || docs[0].Root.Kind != syntax.Mapping {
			return
		}
		agree(t, o, "input", docs[0].Root)
	})
}
