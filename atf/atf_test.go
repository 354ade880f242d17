package atf

import "testing"

func TestRequirements(t *testing.T) {
	reqs := Requirements()
	if len(reqs) != 25 {
		t.Fatalf("%d requirements, want 25", len(reqs))
	}
	perElement := map[string]int{}
	for _, r := range reqs {
		perElement[r.Element]++
		for _, l := range Levels {
			if r.At(l) == 0 {
				t.Errorf("%s has no keyword at %s", r.ID, l)
			}
			if l > Intern && r.At(l) < r.At(l-1) {
				t.Errorf("%s is weaker at %s than at %s", r.ID, l, l-1)
			}
		}
	}
	for _, e := range Elements {
		if perElement[e] != 5 {
			t.Errorf("element %s has %d requirements, want 5", e, perElement[e])
		}
	}
	if r, _ := Lookup("R-2"); r.Name != "Kill Switch" || r.At(Intern) != Must {
		t.Errorf("R-2 = %+v", r)
	}
	if r, _ := Lookup("D-5"); r.At(Senior) != Should || r.At(Principal) != Must {
		t.Errorf("D-5 keywords wrong: %+v", r)
	}
}

func TestParseLevel(t *testing.T) {
	for in, want := range map[string]Level{"intern": Intern, "2": Junior, "senior": Senior, "4": Principal} {
		if got, ok := ParseLevel(in); !ok || got != want {
			t.Errorf("ParseLevel(%q) = %v, %v", in, got, ok)
		}
	}
	for _, in := range []string{"", "Senior", "5", "0", "boss"} {
		if _, ok := ParseLevel(in); ok {
			t.Errorf("ParseLevel(%q) succeeded", in)
		}
	}
}

func TestIsManifestName(t *testing.T) {
	for name, want := range map[string]bool{
		"agent.atf.yaml": true, "dir/agent.atf.yml": true, `dir\agent.atf.json`: true,
		"atf.yaml": true, "atf.yml": true, "atf.json": true,
		".atf.yaml": false, "agent.yaml": false, "atf.yaml.bak": false, "my-atf.yaml": false, "agent.atf.toml": false,
	} {
		if got := IsManifestName(name); got != want {
			t.Errorf("atf.IsManifestName(%q) = %v, want %v", name, got, want)
		}
	}
}
