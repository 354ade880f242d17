package loader

import (
	"regexp"
	"strings"

	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/schemas"
	"github.com/atflint/atflint/syntax"
)

// isCrewAI tells a CrewAI agents.yaml or tasks.yaml: a mapping of names to
// agents (role, goal, backstory) or tasks (description, expected_output).
func isCrewAI(root *syntax.Node) bool {
	if len(root.Entries) == 0 {
		return false
	}
	for _, e := range root.Entries {
		v := e.Value
		_, role := v.Lookup("role")
		_, goal := v.Lookup("goal")
		_, desc := v.Lookup("description")
		_, out := v.Lookup("expected_output")
		if v.Kind != syntax.Mapping || !(role && goal || desc && out) {
			return false
		}
	}
	return true
}

// loadCrewAI reads CrewAI agents (or tasks), one agent per entry.
func loadCrewAI(f *model.File, root *syntax.Node) {
	f.Format = model.FormatCrewAI
	f.Root = root
	for _, e := range root.Entries {
		if _, isAgent := e.Value.Lookup("role"); !isAgent {
			continue
		}
		a := newForeignAgent(e.Value)
		a.Span = e.Key.Span
		a.Name = model.Field[string]{Value: e.Key.Value, Span: e.Key.Span}
		a.Purpose = str(e.Value, "goal")
		if on, ok := e.Value.Lookup("allow_code_execution"); ok && pythonTrue(on.Value) {
			// CrewAI runs code in Docker ("safe", the default) or on the host.
			a.CodeExecution = model.Field[string]{Value: "safe", Span: on.Span()}
			if mode := str(e.Value, "code_execution_mode"); mode.Present() {
				a.CodeExecution = mode
			}
			a.Tools = append(a.Tools, builtinTool("code execution", "execute", on.Span()))
		}
		f.Agents = append(f.Agents, a)
	}
}

// pythonTrue reports a value CrewAI reads as true: PyYAML takes yes and on
// for booleans, and pydantic takes "true", "yes", "1" and the like.
func pythonTrue(n *syntax.Node) bool {
	if n.Kind != syntax.Scalar {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(n.Value)) {
	case "true", "yes", "y", "on", "t", "1":
		return true
	}
	return false
}

// isLangGraph tells a langgraph.json: its graphs.
func isLangGraph(root *syntax.Node) bool {
	e, ok := root.Lookup("graphs")
	return ok && e.Value.Kind == syntax.Mapping
}

func loadLangGraph(f *model.File, root *syntax.Node) {
	f.Format = model.FormatLangGraph
	f.Root = root
	f.Agents = []*model.Agent{newForeignAgent(root)}
}

// isADK tells a Google ADK agent config: an agent class or a model with
// an instruction.
func isADK(root *syntax.Node) bool {
	_, class := root.Lookup("agent_class")
	_, model := root.Lookup("model")
	_, instruction := root.Lookup("instruction")
	return class || model && instruction
}

func loadADK(f *model.File, root *syntax.Node) {
	describedAgent(f, model.FormatADK, root)
}

// isCagent tells a Docker cagent config: agents with a model and an
// instruction or toolsets.
func isCagent(root *syntax.Node) bool {
	agents, ok := root.Lookup("agents")
	if !ok || agents.Value.Kind != syntax.Mapping || len(agents.Value.Entries) == 0 {
		return false
	}
	for _, e := range agents.Value.Entries {
		_, m := e.Value.Lookup("model")
		_, instr := e.Value.Lookup("instruction")
		_, ts := e.Value.Lookup("toolsets")
		if e.Value.Kind != syntax.Mapping || !m || !(instr || ts) {
			return false
		}
	}
	return true
}

// cagentToolsets are cagent's built-in toolsets that change something,
// with the ATF action each takes.
var cagentToolsets = map[string]string{"shell": "execute", "script": "execute", "filesystem": "write"}

// builtinTool is a tool a framework gives an agent, declared at span,
// with the one action it takes: the ATF level checks see it as they see a
// manifest's tools.
func builtinTool(name, action string, span syntax.Span) *model.Tool {
	return &model.Tool{
		Span:    span,
		Name:    model.Field[string]{Value: name, Span: span},
		Actions: model.List{Span: span, Items: []model.Field[string]{{Value: action, Span: span}}},
	}
}

// loadCagent reads Docker cagent agents; their MCP toolsets are servers.
func loadCagent(f *model.File, root *syntax.Node) {
	f.Format = model.FormatCagent
	f.Root = root
	agents, ok := root.Lookup("agents") // absent in a file read with --as
	if !ok {
		return
	}
	for _, e := range agents.Value.Entries {
		a := newForeignAgent(e.Value)
		a.Span = e.Key.Span
		a.Name = model.Field[string]{Value: e.Key.Value, Span: e.Key.Span}
		a.Purpose = str(e.Value, "description")
		if ts, ok := e.Value.Lookup("toolsets"); ok && ts.Value.Kind == syntax.Sequence {
			for _, t := range ts.Value.Items {
				typ := str(t, "type")
				if action, ok := cagentToolsets[typ.Value]; ok {
					a.Tools = append(a.Tools, builtinTool(typ.Value, action, typ.Span))
				}
				if typ.Value != "mcp" || t.Kind != syntax.Mapping {
					continue
				}
				s := &model.Server{Span: syntax.At(t.Span.Start), Command: str(t, "command"), Args: list(t, "args").Items,
					Env: settings(t, "env"), URL: str(t, "remote"), Headers: settings(t, "headers")}
				s.Name = s.Command.Value
				if ref := str(t, "ref"); ref.Present() {
					s.Name = ref.Value
				}
				a.Servers = append(a.Servers, s)
			}
		}
		f.Agents = append(f.Agents, a)
	}
}

// isM365 tells a Microsoft 365 Copilot declarative agent or API plugin
// manifest by its schema or its shape.
func isM365(root *syntax.Node) bool {
	if s := str(root, "$schema").Value; containsAny(s, "json-schemas/copilot/declarative-agent", "json-schemas/copilot/plugin") {
		return true
	}
	_, instr := root.Lookup("instructions")
	_, name := root.Lookup("name")
	_, starters := root.Lookup("conversation_starters")
	_, actions := root.Lookup("actions")
	_, fns := root.Lookup("functions")
	_, ns := root.Lookup("namespace")
	version := m365Version.MatchString(str(root, "version").Value)
	return instr && name && (starters || actions || version) || fns && ns
}

// m365Version is how declarative agents spell their version: v1.6.
var m365Version = regexp.MustCompile(`^v1\.[0-9]+$`)

// loadM365 reads a declarative agent or an API plugin manifest, and
// checks it against the published schema of the version it declares, or,
// with none, of the version its $schema names. A version atflint has no
// schema of is a finding, so a file is never left unchecked in silence.
func loadM365(f *model.File, root *syntax.Node) {
	describedAgent(f, model.FormatM365, root)
	kind, key, lookup, versions := "declarative agent", "version", schemas.M365Agent, schemas.M365AgentVersions()
	_, plugin := root.Lookup("schema_version")
	if schemaURL := str(root, "$schema").Value; plugin || strings.Contains(schemaURL, "copilot/plugin") {
		kind, key, lookup, versions = "API plugin", "schema_version", schemas.M365Plugin, schemas.M365PluginVersions()
	}
	declared := str(root, key)
	version := declared.Value
	if !declared.Present() {
		version = m365SchemaVersion.FindString(str(root, "$schema").Value)
	}
	// "1.6" for "v1.6" still picks the schema, which then reports the
	// spelling.
	if version != "" && !strings.HasPrefix(version, "v") {
		version = "v" + version
	}
	if schema, ok := lookup(version); ok {
		f.Problems = append(f.Problems, schema.Validate(root)...)
		return
	}
	known := strings.Join(versions, ", ")
	if declared.Present() {
		addProblem(f, model.SchemaViolation, declared.Span, "the %s declares %s %q, which is none of the versions atflint has the schema of (%s); the file was not checked against a schema", kind, key, declared.Value, known)
		return
	}
	addProblem(f, model.SchemaViolation, syntax.At(root.Span.Start), "the %s declares no %s, which its schema requires; atflint checks the versions %s", kind, key, known)
}

// m365SchemaVersion finds the version in a $schema URL:
// .../copilot/declarative-agent/v1.6/schema.json.
var m365SchemaVersion = regexp.MustCompile(`v[0-9]+\.[0-9]+`)
