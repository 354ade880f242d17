package loader

import (
	"testing"

	"github.com/atflint/atflint/model"
)

// TestControls checks how fields count as declared, off or absent.
func TestControls(t *testing.T) {
	f := LoadATF("m.atf.yaml", []byte(`atf: "0.9"
agent:
  id: urn:acme:agent:x
  level: junior
  owner: {team: t}
behavior:
  logging: {format: json}
  attribution: false
  baseline: {enabled: false, window: 7d}
  anomalyDetection: {}
  explainability: ""
tools:
  - name: a
    actions: [read]
    capabilities: [db.read]
`))
	if len(f.Agents) != 1 {
		t.Fatalf("problems: %v", f.Problems)
	}
	cs := f.Agents[0].Controls
	c := func(id string) model.Control {
		ctl, _ := cs.Of(id)
		return ctl
	}
	for id, want := range map[string]model.ControlState{
		"I-1": model.Declared, "I-3": model.Absent, "I-5": model.Declared, "S-2": model.Declared,
		"B-1": model.Declared, "B-2": model.Off, "B-3": model.Off, "B-4": model.Absent, "B-5": model.Absent,
		"R-2": model.Absent,
	} {
		if c(id).State != want {
			t.Errorf("%s: state %d, want %d (%+v)", id, c(id).State, want, c(id))
		}
	}
	if c("I-3").Note != "agent.owner names no accountable person" {
		t.Errorf("I-3 note %q", c("I-3").Note)
	}
	if got := c("R-2").Span.Start; got.Line != 1 {
		t.Errorf("an absent section points at %v, want the start of the file", got)
	}
	if got := c("B-4").Span.Start; got.Line != 10 || got.Col != 3 {
		t.Errorf("an empty field points at %v, want 10:3", got)
	}
}
