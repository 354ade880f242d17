package owasp

import (
	"testing"

	"github.com/atflint/atflint/atf"
)

func TestRisks(t *testing.T) {
	rs := Risks()
	if len(rs) != 10 || rs[0].ID != "ASI01" || rs[9].ID != "ASI10" {
		t.Fatalf("risks %v", rs)
	}
	for req, ids := range byRequirement {
		if _, ok := atf.Lookup(req); !ok {
			t.Errorf("%s is no ATF requirement", req)
		}
		for _, id := range ids {
			if _, ok := Lookup(id); !ok {
				t.Errorf("%s maps to %s, which is no risk", req, id)
			}
		}
	}
}
