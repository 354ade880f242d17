package sarif

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/internal/sarifcheck"
	"github.com/atflint/atflint/rules"
	"github.com/atflint/atflint/syntax"
)

func span(line, col, endLine, endCol int) syntax.Span {
	return syntax.Span{Start: syntax.Pos{Line: line, Col: col}, End: syntax.Pos{Line: endLine, Col: endCol}}
}

type report struct {
	Runs []struct {
		ColumnKind string `json:"columnKind"`
		Tool       struct {
			Driver struct {
				Rules []struct {
					ID, Name         string
					ShortDescription struct{ Text string } `json:"shortDescription"`
					FullDescription  struct{ Text string } `json:"fullDescription"`
					Help             struct{ Text, Markdown string }
					HelpURI          string `json:"helpUri"`
					Properties       struct {
						Tags             []string `json:"tags"`
						SecuritySeverity string   `json:"security-severity"`
					} `json:"properties"`
					Relationships []struct {
						Target struct {
							ID            string `json:"id"`
							Index         int    `json:"index"`
							ToolComponent struct {
								Name  string `json:"name"`
								Index int    `json:"index"`
							} `json:"toolComponent"`
						} `json:"target"`
					} `json:"relationships"`
				} `json:"rules"`
				Version string `json:"version"`
			} `json:"driver"`
		} `json:"tool"`
		Taxonomies []struct {
			Name string `json:"name"`
			Taxa []struct {
				ID, Name string
			} `json:"taxa"`
		} `json:"taxonomies"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region struct{ StartLine, StartColumn, EndLine, EndColumn int } `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			RelatedLocations []struct {
				ID int `json:"id"`
			} `json:"relatedLocations"`
		} `json:"results"`
	} `json:"runs"`
}

func write(t *testing.T, fs []finding.Finding, opt Options) (report, []byte, int) {
	t.Helper()
	if opt.Rules == nil {
		opt.Rules = rules.All()
	}
	var b bytes.Buffer
	dropped, err := Write(&b, fs, opt)
	if err != nil {
		t.Fatal(err)
	}
	sarifcheck.Validate(t, b.Bytes())
	var r report
	if err := json.Unmarshal(b.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	return r, b.Bytes(), dropped
}

func TestRules(t *testing.T) {
	r, _, _ := write(t, nil, Options{Version: "v1.2.3", Ref: "v1.2.3"})
	got := r.Runs[0].Tool.Driver.Rules
	mc := rules.Lookup("missing-control")
	if want := len(rules.All()) - 1 + len(mc.ATF); len(got) != want {
		t.Fatalf("%d rules, want %d: every enabled rule, missing-control once per requirement", len(got), want)
	}
	taxa := map[string][]string{}
	for _, tx := range r.Runs[0].Taxonomies {
		for _, t := range tx.Taxa {
			taxa[tx.Name] = append(taxa[tx.Name], t.ID)
		}
	}
	if len(taxa["ATF"]) != 25 || len(taxa["OWASP Agentic Top 10"]) != 10 {
		t.Fatalf("taxonomies %v", taxa)
	}
	for i, d := range got {
		base, _, _ := strings.Cut(d.ID, "/")
		if prev, _, _ := strings.Cut(got[max(i-1, 0)].ID, "/"); i > 0 && prev > base {
			t.Errorf("rules not sorted by id at %s", d.ID)
		}
		if d.Name == "" || d.Name == d.ID || d.ShortDescription.Text == "" || d.FullDescription.Text == "" ||
			len(d.FullDescription.Text) > 1024 || d.Help.Text == "" || d.Help.Markdown == "" ||
			d.HelpURI != "https://github.com/atflint/atflint/blob/v1.2.3/docs/rules/"+base+".md" {
			t.Errorf("rule %s is incomplete: %+v", d.ID, d)
		}
		p := d.Properties
		if len(p.Tags) == 0 || p.Tags[0] != "security" || len(p.Tags) > 10 || p.SecuritySeverity == "" {
			t.Errorf("rule %s properties: %+v", d.ID, p)
		}
		if len(d.Relationships) == 0 {
			t.Errorf("rule %s relates to no ATF requirement", d.ID)
		}
		for _, rel := range d.Relationships {
			ids := taxa[rel.Target.ToolComponent.Name]
			if rel.Target.Index >= len(ids) || ids[rel.Target.Index] != rel.Target.ID {
				t.Errorf("rule %s: relationship %+v points at no taxon", d.ID, rel.Target)
			}
		}
	}
	if r.Runs[0].Tool.Driver.Version != "v1.2.3" {
		t.Errorf("driver version %q", r.Runs[0].Tool.Driver.Version)
	}
}

// TestByRequirement checks that each requirement of missing-control is a
// rule of its own, with its own security severity, and that a result
// names it.
func TestByRequirement(t *testing.T) {
	fs := []finding.Finding{
		{Rule: "missing-control", Severity: finding.Warning, Message: "S-3 missing", File: "a.atf.yaml", Span: span(1, 1, 1, 2), ATF: []string{"S-3"}},
		{Rule: "missing-control", Severity: finding.Error, Message: "I-3 missing", File: "a.atf.yaml", Span: span(1, 1, 1, 2), ATF: []string{"I-3"}},
	}
	r, _, _ := write(t, fs, Options{})
	severity := map[string]string{}
	for _, d := range r.Runs[0].Tool.Driver.Rules {
		severity[d.ID] = d.Properties.SecuritySeverity
	}
	// I-3 is a MUST at every level, S-3 at three: more is at stake.
	if severity["missing-control/I-3"] != "7.0" || severity["missing-control/S-3"] != "6.0" {
		t.Errorf("security severities %s, %s", severity["missing-control/I-3"], severity["missing-control/S-3"])
	}
	for i, want := range []string{"missing-control/S-3", "missing-control/I-3"} {
		res := r.Runs[0].Results[i]
		if res.RuleID != want || r.Runs[0].Tool.Driver.Rules[res.RuleIndex].ID != want {
			t.Errorf("result %d: rule %s at index %d, want %s", i, res.RuleID, res.RuleIndex, want)
		}
	}
	if r.Runs[0].Results[0].Level != "warning" {
		t.Error("the result's level must stay the keyword's at the agent's level")
	}
}

func TestResults(t *testing.T) {
	fs := []finding.Finding{
		{Rule: "missing-identity", Severity: finding.Error, Message: "no id [really]", File: "dir with space/ägent.atf.yaml", Span: span(3, 5, 3, 9), ATF: []string{"I-1"}},
		{Rule: "duplicate-agent-id", Severity: finding.Error, Message: "agent id x is taken", File: "b.atf.yaml", Span: span(4, 3, 4, 3),
			Related: []finding.Related{{File: "a.atf.yaml", Span: span(4, 3, 4, 10), Message: "first declared here"}}},
		{Rule: "missing-identity", Severity: finding.Error, Message: "m", File: "prod:bot.atf.yaml", Span: span(1, 1, 1, 2)},
	}
	r, _, _ := write(t, fs, Options{})
	run := r.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" || len(run.Results) != 3 {
		t.Fatalf("run: %+v", run)
	}
	first := run.Results[0]
	loc := first.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "dir%20with%20space/%C3%A4gent.atf.yaml" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
		t.Errorf("location %+v", loc.ArtifactLocation)
	}
	// A colon, legal in a file name, must not read as a URI scheme.
	if uri := run.Results[2].Locations[0].PhysicalLocation.ArtifactLocation.URI; uri != "prod%3Abot.atf.yaml" {
		t.Errorf("a colon in a file name: URI %q", uri)
	}
	if run.Tool.Driver.Rules[first.RuleIndex].ID != first.RuleID || first.Level != "error" {
		t.Errorf("result %+v", first)
	}
	if first.Message.Text != `no id \[really\].` {
		t.Errorf("message %q", first.Message.Text)
	}
	second := run.Results[1]
	if reg := second.Locations[0].PhysicalLocation.Region; reg.EndColumn != 4 {
		t.Errorf("an empty region should grow to one character: %+v", reg)
	}
	if len(second.RelatedLocations) != 1 || !strings.HasSuffix(second.Message.Text, "See [first declared here](1).") {
		t.Errorf("related location not linked from the message: %q", second.Message.Text)
	}
}

func TestOutsideRepository(t *testing.T) {
	for _, file := range []string{"../x.atf.yaml", "/etc/x.atf.yaml", "a/../../x.atf.yaml", `C:\x.atf.yaml`, "D:/x.atf.yaml"} {
		var b bytes.Buffer
		_, err := Write(&b, []finding.Finding{{Rule: "missing-identity", Severity: finding.Error, Message: "m", File: file, Span: span(1, 1, 1, 2)}}, Options{Rules: rules.All()})
		if err == nil || !strings.Contains(err.Error(), "outside") {
			t.Errorf("%s: err = %v, want a refusal", file, err)
		}
	}
}

func TestLimit(t *testing.T) {
	var fs []finding.Finding
	for i := range 10 {
		sev := finding.Warning
		if i%3 == 0 {
			sev = finding.Error
		}
		fs = append(fs, finding.Finding{Rule: "unknown-key", Severity: sev, Message: "m", File: "a.atf.yaml", Span: span(i+1, 1, i+1, 2)})
	}
	r, _, dropped := write(t, fs, Options{MaxResults: 5})
	if dropped != 5 || len(r.Runs[0].Results) != 5 {
		t.Fatalf("dropped %d, kept %d", dropped, len(r.Runs[0].Results))
	}
	errors := 0
	for i, res := range r.Runs[0].Results {
		if res.Level == "error" {
			errors++
		}
		if line := res.Locations[0].PhysicalLocation.Region.StartLine; i > 0 && line < r.Runs[0].Results[i-1].Locations[0].PhysicalLocation.Region.StartLine {
			t.Error("results out of file order")
		}
	}
	if errors != 4 {
		t.Errorf("kept %d errors of 4; the most severe must be kept", errors)
	}
}

func TestTags(t *testing.T) {
	if got := strings.Join(tags([]string{"I-1", "I-2"}, []string{"ASI03"}), " "); got != "security identity atf/I-1 atf/I-2 owasp/ASI03" {
		t.Errorf("tags = %s", got)
	}
	got := tags(rules.Lookup("missing-control").ATF, nil)
	if len(got) > 10 || got[len(got)-1] != "atf/incident" {
		t.Errorf("many requirements' tags = %v", got)
	}
}

func TestHugeMessage(t *testing.T) {
	msg := strings.Repeat("x", 10<<20)
	r, out, _ := write(t, []finding.Finding{{Rule: "unknown-key", Severity: finding.Warning, Message: msg, File: "a.atf.yaml", Span: span(1, 1, 1, 2)}}, Options{})
	if len(out) > 1<<20 || !strings.HasSuffix(r.Runs[0].Results[0].Message.Text, "….") {
		t.Errorf("a 10 MB message gave %d bytes of SARIF", len(out))
	}
}

func TestSuppressed(t *testing.T) {
	fs := []finding.Finding{{Rule: "unknown-key", Severity: finding.Warning, Message: "m", File: "a.atf.yaml", Span: span(1, 1, 1, 2),
		Suppression: &finding.Suppression{InSource: true, Justification: "read by our portal"}}}
	_, out, _ := write(t, fs, Options{}) // validated against the schema
	if !strings.Contains(string(out), `"suppressions": [`) || !strings.Contains(string(out), `"kind": "inSource"`) || !strings.Contains(string(out), `"justification": "read by our portal"`) {
		t.Errorf("no suppression in:\n%s", out[len(out)-600:])
	}
}
