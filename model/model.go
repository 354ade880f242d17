// Package model is the one agent model every loader fills and every rule
// reads: who the agent is, who owns it, its level, its credential, its tools
// and the controls it declares, each with the span of the text it came
// from. Rules are written once against this model, whatever the format of
// the file the agent was declared in.
package model

import (
	"strings"
	"time"

	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/syntax"
)

// A File is one file atflint read and what its loader made of it.
type File struct {
	Path     string       // as findings show it: relative, with / separators
	Format   Format       // which loader read it; "" when none did
	Root     *syntax.Node // the file's tree; nil when it did not parse
	Problems []Problem    // what kept the file from being read as intended
	Agents   []*Agent
	// Prose is text the file gives a model to read that is no agent's
	// config: an instructions file (AGENTS.md, CLAUDE.md).
	Prose []*Text
}

// A Format is a kind of file atflint reads.
type Format string

// The formats atflint reads.
const (
	FormatATF            Format = "atf-manifest"
	FormatMCP            Format = "mcp-client"
	FormatClaudeSettings Format = "claude-settings"
	FormatClaudeAgent    Format = "claude-subagent"
	FormatCopilotAgent   Format = "copilot-agent"
	FormatClaudeSkill    Format = "claude-skill"
	FormatCodex          Format = "codex-config"
	FormatInstructions   Format = "instructions"
	FormatOpenCode       Format = "opencode-config"
	FormatOpenCodeAgent  Format = "opencode-agent"
	FormatCursorHooks    Format = "cursor-hooks"
	FormatClaudePlugin   Format = "claude-plugin"
	FormatMarketplace    Format = "claude-marketplace"
	FormatContinue       Format = "continue-config"
	FormatAmazonQAgent   Format = "amazonq-agent"
	FormatZed            Format = "zed-settings"
	FormatKiroHook       Format = "kiro-hook"
	FormatWindsurfHooks  Format = "windsurf-hooks"
	FormatVSCodeSettings Format = "vscode-settings"
	FormatGemini         Format = "gemini-extension"
	FormatA2A            Format = "a2a-card"
	FormatAGT            Format = "agt-policy"
	FormatCrewAI         Format = "crewai"
	FormatLangGraph      Format = "langgraph"
	FormatADK            Format = "google-adk"
	FormatCagent         Format = "docker-cagent"
	FormatM365           Format = "m365-declarative-agent"
)

// A ProblemKind says what kind of trouble a loader had with a file.
type ProblemKind uint8

const (
	// Invalid: the file cannot be read, does not parse, or a value has the
	// wrong type or form.
	Invalid ProblemKind = iota + 1
	// UnknownKey: a key the format does not define, so nothing reads it.
	UnknownKey
	// SchemaViolation: the file breaks the JSON Schema its format publishes.
	SchemaViolation
)

// A Problem is trouble a loader had with part of a file.
type Problem struct {
	Kind    ProblemKind
	Span    syntax.Span
	Message string
}

// A Field is one scalar value and the span of its key and value. The zero
// Field is an absent one.
type Field[T any] struct {
	Value T
	Span  syntax.Span
}

// Present reports whether the field was written in the file.
func (f Field[T]) Present() bool { return f.Span.IsValid() }

// A List is a list of strings, with the span of its key.
type List struct {
	Span  syntax.Span // the key; zero when the list is absent
	Items []Field[string]
}

// Present reports whether the list was written in the file, even empty.
func (l List) Present() bool { return l.Span.IsValid() }

// Values returns the strings of the list.
func (l List) Values() []string {
	vs := make([]string, len(l.Items))
	for i, it := range l.Items {
		vs[i] = it.Value
	}
	return vs
}

// Placeholder reports whether a value is one left for a person to fill
// in: TODO, alone or followed by a colon or a space and a hint. atflint
// init writes them where only a person knows the answer.
func Placeholder(s string) bool {
	s = strings.TrimSpace(s)
	return s == "TODO" || strings.HasPrefix(s, "TODO:") || strings.HasPrefix(s, "TODO ")
}

// An Agent is one agent, as declared in a file.
type Agent struct {
	Span    syntax.Span // where the agent is declared (the "agent" key)
	ID      Field[string]
	Name    Field[string]
	Version Field[string]
	Purpose Field[string]
	Level   Field[atf.Level]
	Owner   *Owner
	Code    []Field[string] // Go package patterns of the agent's code
	// Sources are other files that declare this agent (MCP client
	// configs, agent cards, ...), relative to its manifest; they get its
	// level.
	Sources []Field[string]

	Credential   *Credential
	Capabilities List // agent-wide capabilities
	Tools        []*Tool
	ToolsSpan    syntax.Span // the "tools" key; zero when absent

	Segmentation  *Segmentation
	KillSwitch    *KillSwitch
	FallbackLevel Field[atf.Level]

	// Servers are the MCP servers the agent's client starts or connects to.
	Servers []*Server
	// Permissions are what a coding agent may do without asking.
	Permissions *Permissions
	// Instructions are the text the agent's host gives its model as
	// instructions, a subagent's Markdown body; nil when none.
	Instructions *Text
	// Hooks are the commands and endpoints a coding agent runs on its
	// events (session start, before and after each tool call, ...).
	Hooks []*Hook
	// StartsAllServers is set (to the setting) when the agent starts
	// every MCP server its project names without asking, as Claude
	// Code's enableAllProjectMcpServers does.
	StartsAllServers syntax.Span
	// Installs are the plugins a marketplace offers to install, each from
	// its source.
	Installs []*Install
	// AllTools is set (to where the agent is declared, or to its tools
	// entry) when the agent gets every tool its host offers.
	AllTools syntax.Span
	// Endpoint is where other agents reach this one (an A2A card's url),
	// OtherEndpoints the other interfaces it offers.
	Endpoint       Field[string]
	OtherEndpoints []Field[string]
	// CodeExecution is how the agent runs code it writes: "safe" in a
	// sandbox, "unsafe" on the host (CrewAI).
	CodeExecution Field[string]
	// PolicyRules are the rules of a governance policy file.
	PolicyRules []*PolicyRule

	// Controls holds, for each ATF requirement, whether the file
	// declares it; nil for an agent of a format that declares none.
	Controls Controls
	// ControlsIn names the ATF manifest that declares the agent's
	// controls for this file, which it lists under sources; "" when the
	// file's own controls count.
	ControlsIn string
}

// Owner is the ownership chain (I-3).
type Owner struct {
	Span        syntax.Span
	Team        Field[string]
	Contact     Field[string]
	Accountable Field[string]
}

// Credential is the credential the agent's id is bound to (I-2).
type Credential struct {
	Span       syntax.Span
	Type       Field[string]
	Ref        Field[string]
	TTL        Field[time.Duration]
	PerRequest bool // ttl: request
	Rotation   Field[time.Duration]
}

// A Tool is one tool the agent can call.
type Tool struct {
	Span         syntax.Span // the tool's entry in its list
	Name         Field[string]
	Description  Field[string]
	Actions      List
	Capabilities List
	Resources    List
	Approval     Field[string] // none, notify or required
	Limits       *Limits
}

// Limits are the ceilings on one tool.
type Limits struct {
	Span      syntax.Span
	Rate      Field[string]
	MaxAmount Field[string]
}

// A SideEffect is why a tool changes something outside the agent: the
// action or capability that says so.
type SideEffect struct {
	What   string // "write", "fs.delete", ...
	Action bool   // What is an action, not a capability
	Span   syntax.Span
}

// Verb writes the side effect as what the tool does: "can write", "uses
// fs.delete".
func (se SideEffect) Verb() string {
	if se.Action {
		return "can " + se.What
	}
	return "uses " + se.What
}

// SideEffect returns the first declared action or capability by which the
// tool changes something, if any. net.outbound counts unless every action
// the tool declares is a read.
func (t *Tool) SideEffect() (SideEffect, bool) {
	for _, a := range t.Actions.Items {
		if atf.SideEffectAction(a.Value) {
			return SideEffect{a.Value, true, a.Span}, true
		}
	}
	for _, c := range t.Capabilities.Items {
		name, _ := atf.SplitCapability(c.Value)
		if atf.SideEffectCapability(name) || name == "net.outbound" && len(t.Actions.Items) == 0 {
			return SideEffect{c.Value, false, c.Span}, true
		}
	}
	return SideEffect{}, false
}

// Segmentation is what the agent may touch and how much it may do (S-1..S-5).
type Segmentation struct {
	Span    syntax.Span
	Default Field[string] // deny or allow
	// NetworkDefault is the default of network access, where a policy
	// sets it apart from the rest (agent-os's defaults.network_default).
	NetworkDefault Field[string]
	Resources      List
}

// KillSwitch is the agent's kill switch.
type KillSwitch struct {
	Span       syntax.Span
	MaxLatency Field[time.Duration]
}

// A Server is an MCP server an agent's client starts (Command, Args, Env)
// or connects to (URL, Headers).
type Server struct {
	Span    syntax.Span // its name in the config
	Name    string
	Command Field[string]
	Args    []Field[string]
	Env     []Setting
	URL     Field[string]
	Headers []Setting
	// AutoApprove lists the tools the client runs with no one asked
	// (alwaysAllow, autoApprove).
	AutoApprove List
	// TrustAll is set where the client runs every tool of the server with
	// no one asked (Gemini's trust: true).
	TrustAll syntax.Span
}

// A PolicyRule is one rule of a governance policy, with what is wrong with
// it, if anything: each "" when it does not apply, each At where.
type PolicyRule struct {
	Name    string
	Never   string // why the rule can never match
	NeverAt syntax.Span
	Loose   string // how the rule lets through values it does not list
	LooseAt syntax.Span
}

// A Setting is one key and value of a map: an environment variable, a
// header.
type Setting struct {
	Key   string
	Value Field[string]
}

// Permissions are the rules a coding agent's host applies to tool use:
// what runs without asking, what is refused, and the default.
type Permissions struct {
	Span        syntax.Span
	DefaultMode Field[string] // e.g. bypassPermissions
	Allow, Deny List
	// ApproveAll are settings that run every call of a kind without
	// asking, as VS Code's chat.tools.autoApprove does for all tools.
	ApproveAll []Approval
	// AddOnly is set for allow rules that only add to the host's own,
	// with no deny list of their own to write: a skill's allowed-tools.
	AddOnly bool
	// Unsandboxed are the settings (as written, for a message) that run
	// the agent's commands with no sandbox, as Codex's sandbox_mode =
	// "danger-full-access" or Zed's allow_unsandboxed.
	Unsandboxed []Field[string]
}

// Approve adds a setting, as written for a message and at its span, that
// runs every call of a kind (what) without asking.
func (pm *Permissions) Approve(setting string, span syntax.Span, what string) {
	pm.ApproveAll = append(pm.ApproveAll, Approval{Setting: Field[string]{Value: setting, Span: span}, What: what})
}

// A Text is a stretch of a file's text and where it starts, for the
// rules that read prose (hidden-instruction).
type Text struct {
	Value string
	Start syntax.Pos
}

// A Hook is one command or endpoint a coding agent runs on an event.
type Hook struct {
	Span    syntax.Span
	Event   string // SessionStart, PreToolUse, ...
	Matcher string // the tools it runs for; "" for all
	Type    Field[string]
	Command Field[string] // for a command hook
	URL     Field[string] // for an http hook
}

// An Install is a plugin a marketplace installs, or a block a Continue
// config takes from its hub, and where from.
type Install struct {
	What string // "plugin", "hub block"
	Name Field[string]
	// Source is where it is fetched from, as the marketplace writes it:
	// a path in the marketplace's repository, a repository, a git URL or
	// an npm package.
	Source Field[string]
	// Remote is set for a source outside the marketplace's repository.
	Remote bool
	// Pin is what fixes the code it fetches (a full commit sha, an
	// exact npm version); empty when nothing does.
	Pin Field[string]
}

// An Approval is a setting that approves every call of a kind: Setting is
// its key (or its entry), What the calls it approves.
type Approval struct {
	Setting Field[string]
	What    string
}

// ControlState says whether a file declares an ATF requirement.
// Controls holds a Control for each ATF requirement, in the order of
// atf.Requirements. A list, not a map by id: every manifest decodes one,
// and a map of 25 was a third of what decoding a manifest allocated.
type Controls []Control

// NewControls returns Controls with every requirement absent, pointing at
// span.
func NewControls(span syntax.Span) Controls {
	cs := make(Controls, len(atf.Requirements()))
	for i := range cs {
		cs[i].Span = span
	}
	return cs
}

// Of returns the control of the requirement with the given id, if there
// is one.
func (cs Controls) Of(id string) (Control, bool) {
	if i, ok := atf.Index(id); ok && i < len(cs) {
		return cs[i], true
	}
	return Control{}, false
}

// Set sets the control of the requirement with the given id, which must
// be one of atf.Requirements.
func (cs Controls) Set(id string, c Control) {
	i, ok := atf.Index(id)
	if !ok {
		panic("model: no ATF requirement " + id)
	}
	cs[i] = c
}

type ControlState uint8

const (
	// Absent: nothing in the file declares the requirement.
	Absent ControlState = iota
	// Off: the field is there but switched off (false, enabled: false).
	Off
	// Declared: the field is there and meaningful.
	Declared
)

// A Control is the evidence a file gives for one ATF requirement.
type Control struct {
	State ControlState
	Field string      // the field that declares it, e.g. behavior.logging
	Span  syntax.Span // the field when present; else where it belongs
	Note  string      // why a present field does not count, if it does not
}
