package loader

import (
	"fmt"
	"strings"
	"time"

	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

// decodeATF fills the agent model from a manifest's tree. Values of the
// wrong type are skipped: the schema has already reported them.
func decodeATF(root *syntax.Node) *model.Agent {
	a := &model.Agent{Span: syntax.At(root.Span.Start)}
	agent, agentSpan := section(root, "agent")
	if agent != nil {
		a.Span = agentSpan
	}
	a.ID = str(agent, "id")
	a.Name = str(agent, "name")
	a.Version = str(agent, "version")
	a.Purpose = str(agent, "purpose")
	a.Level = level(agent, "level")
	a.Code = list(agent, "code").Items
	a.Sources = list(root, "sources").Items
	if owner, span := section(agent, "owner"); owner != nil {
		a.Owner = &model.Owner{Span: span, Team: str(owner, "team"), Contact: str(owner, "contact"), Accountable: str(owner, "accountable")}
	}

	identity, _ := section(root, "identity")
	if cred, span := section(identity, "credential"); cred != nil {
		c := &model.Credential{Span: span, Type: str(cred, "type"), Ref: str(cred, "ref"), Rotation: duration(cred, "rotation")}
		if ttl := str(cred, "ttl"); ttl.Value == "request" {
			c.PerRequest = true
		} else {
			c.TTL = duration(cred, "ttl")
		}
		a.Credential = c
	}

	a.Capabilities = list(root, "capabilities")
	if e, ok := root.Lookup("tools"); ok {
		a.ToolsSpan = e.Key.Span
		if e.Value.Kind == syntax.Sequence && len(e.Value.Items) > 0 {
			a.Tools = make([]*model.Tool, 0, len(e.Value.Items))
			for _, it := range e.Value.Items {
				if it.Kind == syntax.Mapping {
					a.Tools = append(a.Tools, decodeTool(it))
				}
			}
		}
	}

	if seg, span := section(root, "segmentation"); seg != nil {
		a.Segmentation = &model.Segmentation{Span: span, Default: str(seg, "default"), Resources: list(seg, "resources")}
	}
	incident, _ := section(root, "incident")
	if ks, span := section(incident, "killSwitch"); ks != nil {
		a.KillSwitch = &model.KillSwitch{Span: span, MaxLatency: duration(ks, "maxLatency")}
	}
	degradation, _ := section(incident, "degradation")
	a.FallbackLevel = level(degradation, "fallbackLevel")

	a.Controls = controls(root, a)
	return a
}

func decodeTool(n *syntax.Node) *model.Tool {
	t := &model.Tool{
		Span:         syntax.At(n.Span.Start),
		Name:         str(n, "name"),
		Description:  str(n, "description"),
		Actions:      list(n, "actions"),
		Capabilities: list(n, "capabilities"),
		Resources:    list(n, "resources"),
		Approval:     str(n, "approval"),
	}
	if t.Name.Present() {
		t.Span = t.Name.Span
	}
	if lim, span := section(n, "limits"); lim != nil {
		t.Limits = &model.Limits{Span: span, Rate: str(lim, "rate"), MaxAmount: str(lim, "maxAmount")}
	}
	return t
}

// section returns the mapping under key and the span of the key.
func section(n *syntax.Node, key string) (*syntax.Node, syntax.Span) {
	e, ok := n.Lookup(key)
	if !ok || e.Value.Kind != syntax.Mapping {
		return nil, syntax.Span{}
	}
	return e.Value, e.Key.Span
}

// isTrue reports a boolean true, not the string "true".
func isTrue(n *syntax.Node) bool { return n.Type == syntax.Bool && n.Value == "true" }

// str returns the scalar under key; null and collections are absent.
func str(n *syntax.Node, key string) model.Field[string] {
	e, ok := n.Lookup(key)
	if !ok || e.Value.Kind != syntax.Scalar || e.Value.Type == syntax.Null {
		return model.Field[string]{}
	}
	return model.Field[string]{Value: e.Value.Value, Span: e.Span()}
}

func list(n *syntax.Node, key string) model.List {
	e, ok := n.Lookup(key)
	if !ok {
		return model.List{}
	}
	l := model.List{Span: e.Key.Span}
	if e.Value.Kind == syntax.Sequence && len(e.Value.Items) > 0 {
		l.Items = make([]model.Field[string], 0, len(e.Value.Items))
		for _, it := range e.Value.Items {
			if it.Kind == syntax.Scalar && it.Type != syntax.Null {
				l.Items = append(l.Items, model.Field[string]{Value: it.Value, Span: it.Span})
			}
		}
	}
	return l
}

func level(n *syntax.Node, key string) model.Field[atf.Level] {
	f := str(n, key)
	l, ok := atf.ParseLevel(f.Value)
	if !ok {
		return model.Field[atf.Level]{}
	}
	return model.Field[atf.Level]{Value: l, Span: f.Span}
}

func duration(n *syntax.Node, key string) model.Field[time.Duration] {
	f := str(n, key)
	d, err := model.ParseDuration(f.Value)
	if err != nil {
		return model.Field[time.Duration]{}
	}
	return model.Field[time.Duration]{Value: d, Span: f.Span}
}

// controlFields maps each requirement to the manifest field that declares
// it. I-1, I-3, I-5 and S-2 need more than one field and are computed in
// controls.
var controlFields = []struct{ req, path string }{
	{"I-2", "identity.credential"},
	{"I-4", "agent.purpose"},
	{"B-1", "behavior.logging"},
	{"B-2", "behavior.attribution"},
	{"B-3", "behavior.baseline"},
	{"B-4", "behavior.anomalyDetection"},
	{"B-5", "behavior.explainability"},
	{"D-1", "data.inputValidation"},
	{"D-2", "data.injectionDetection"},
	{"D-3", "data.pii"},
	{"D-4", "data.outputValidation"},
	{"D-5", "data.lineage"},
	{"S-1", "segmentation.resources"},
	{"S-3", "segmentation.rateLimit"},
	{"S-4", "segmentation.transactionLimit"},
	{"S-5", "segmentation.blastRadius"},
	{"R-1", "incident.circuitBreaker"},
	{"R-2", "incident.killSwitch"},
	{"R-3", "incident.sessionRevocation"},
	{"R-4", "incident.rollback"},
	{"R-5", "incident.degradation"},
}

// ControlFields returns the manifest field that declares each requirement,
// for documentation.
func ControlFields() map[string]string {
	m := map[string]string{
		"I-1": "agent.id",
		"I-3": "agent.owner (team or contact, and accountable)",
		"I-5": "capabilities, or capabilities on every tool",
		"S-2": "tools, each with actions (tools: [] for an agent without tools)",
	}
	for _, cf := range controlFields {
		m[cf.req] = cf.path
	}
	return m
}

// controls decides, for every requirement, whether the manifest declares
// it: the field is present and meaningful (not empty, not false, not
// enabled: false).
func controls(root *syntax.Node, a *model.Agent) model.Controls {
	cs := model.NewControls(syntax.At(root.Span.Start))
	for _, cf := range controlFields {
		cs.Set(cf.req, control(root, cf.path))
	}

	cs.Set("I-1", control(root, "agent.id"))

	owner := control(root, "agent.owner")
	if owner.State == model.Declared {
		switch o := a.Owner; {
		case o == nil:
		case !o.Team.Present() && !o.Contact.Present():
			owner.State, owner.Note = model.Absent, "agent.owner names no team or contact"
		case !o.Accountable.Present():
			owner.State, owner.Note = model.Absent, "agent.owner names no accountable person"
		}
	}
	cs.Set("I-3", owner)

	caps := control(root, "capabilities")
	if caps.State == model.Absent && len(a.Tools) > 0 && allTools(a, func(t *model.Tool) bool { return len(t.Capabilities.Items) > 0 }) {
		caps = model.Control{State: model.Declared, Field: "tools[].capabilities", Span: a.ToolsSpan}
	}
	cs.Set("I-5", caps)

	actions := model.Control{Field: "tools", Span: syntax.At(root.Span.Start)}
	switch {
	case !a.ToolsSpan.IsValid():
	case len(a.Tools) == 0 || allTools(a, func(t *model.Tool) bool { return len(t.Actions.Items) > 0 }):
		// tools: [] says the agent takes no actions at all.
		actions.State, actions.Span = model.Declared, a.ToolsSpan
	default:
		actions.Span = a.ToolsSpan
		for _, t := range a.Tools {
			if len(t.Actions.Items) == 0 {
				actions.Span, actions.Note = t.Span, "tool "+quote(t.Name.Value)+" lists no actions"
				break
			}
		}
	}
	cs.Set("S-2", actions)
	return cs
}

func allTools(a *model.Agent, ok func(*model.Tool) bool) bool {
	for _, t := range a.Tools {
		if !ok(t) {
			return false
		}
	}
	return true
}

// control reads the field at a dotted path. An absent field's span is
// the nearest key above it that is there, or the start of the file.
func control(root *syntax.Node, path string) model.Control {
	c := model.Control{Field: path, Span: syntax.At(root.Span.Start)}
	n := root
	for rest := path; ; {
		k, below, deeper := strings.Cut(rest, ".")
		e, ok := n.Lookup(k)
		if !ok {
			return c
		}
		if deeper {
			c.Span, n, rest = e.Key.Span, e.Value, below
			continue
		}
		c.Span = e.Span()
		c.State = meaningful(e.Value)
		if c.State == model.Declared && holdsPlaceholder(e.Value) {
			var todo []string
			if first := placeholders(e.Value, fieldPath{root: path}, &todo); len(todo) > 0 {
				verb := " is"
				if len(todo) > 1 {
					verb = " are"
				}
				c.State, c.Span, c.Note = model.Absent, first, strings.Join(todo, ", ")+verb+" still TODO, for a person to fill in"
			}
		}
		return c
	}
}

// placeholders appends to todo the paths of the values under v left TODO
// for a person to fill in (atflint init writes them), in file order, and
// returns the first one's span: a control that holds one is not yet
// declared.
func placeholders(v *syntax.Node, at fieldPath, todo *[]string) (first syntax.Span) {
	keep := func(sp syntax.Span) {
		if !first.IsValid() {
			first = sp
		}
	}
	switch v.Kind {
	case syntax.Mapping:
		for _, e := range v.Entries {
			keep(placeholders(e.Value, at.to(e.Key.Value, -1), todo))
		}
	case syntax.Sequence:
		for i, it := range v.Items {
			keep(placeholders(it, at.to("", i), todo))
		}
	default:
		if v.Type == syntax.String && model.Placeholder(v.Value) {
			*todo = append(*todo, at.String())
			keep(v.Span)
		}
	}
	return first
}

// holdsPlaceholder reports whether a value under v is left TODO: most
// controls hold none, and are spared the walk that names where.
func holdsPlaceholder(v *syntax.Node) bool {
	switch v.Kind {
	case syntax.Mapping:
		for _, e := range v.Entries {
			if holdsPlaceholder(e.Value) {
				return true
			}
		}
	case syntax.Sequence:
		for _, it := range v.Items {
			if holdsPlaceholder(it) {
				return true
			}
		}
	default:
		return v.Type == syntax.String && model.Placeholder(v.Value)
	}
	return false
}

// A fieldPath leads from a control's field to a value below it. It is
// written out only for a value left TODO: building the text of every path
// on the way was most of what reading a manifest's controls cost.
type fieldPath struct {
	root  string
	steps []fieldStep // shared by siblings: valid until the next step
}

type fieldStep struct {
	key   string
	index int // of a list item, with no key; -1 for a key
}

func (p fieldPath) to(key string, index int) fieldPath {
	p.steps = append(p.steps, fieldStep{key, index})
	return p
}

func (p fieldPath) String() string {
	var b strings.Builder
	b.WriteString(p.root)
	for _, s := range p.steps {
		if s.index < 0 {
			b.WriteString("." + s.key)
		} else {
			fmt.Fprintf(&b, "[%d]", s.index)
		}
	}
	return b.String()
}

// meaningful says whether a value declares something: not null, not
// empty, not false, not a mapping with enabled: false.
func meaningful(v *syntax.Node) model.ControlState {
	switch v.Kind {
	case syntax.Mapping:
		if len(v.Entries) == 0 {
			return model.Absent
		}
		if e, ok := v.Lookup("enabled"); ok && e.Value.Type == syntax.Bool && e.Value.Value == "false" {
			return model.Off
		}
	case syntax.Sequence:
		if len(v.Items) == 0 {
			return model.Absent
		}
	default:
		switch {
		case v.Type == syntax.Null || v.Type == syntax.String && strings.TrimSpace(v.Value) == "":
			return model.Absent
		case v.Type == syntax.Bool && v.Value == "false":
			return model.Off
		}
	}
	return model.Declared
}

func quote(s string) string { return `"` + s + `"` }
