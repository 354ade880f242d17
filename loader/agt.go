package loader

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/atflint/atflint/internal/suggest"
	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

// An agtShape is what one of the toolkit's policy loaders reads. Each is a
// pydantic model that drops any other key without a word, so a misspelt
// key silently changes the policy.
type agtShape struct {
	name                string
	top, rule, defaults []string
	// operators are those the loader accepts in a structured condition;
	// nil where a condition is an expression.
	operators []string
}

var (
	// agent-mesh governance/policy.py: Policy and PolicyRule, the
	// apiVersion: governance.toolkit/v1 document.
	agtDocument = agtShape{
		name: "a governance.toolkit/v1 policy",
		top:  []string{"apiVersion", "version", "name", "description", "extends", "agent", "agents", "scope", "rules", "default_action", "created_at", "updated_at"},
		rule: []string{"name", "description", "stage", "condition", "action", "limit", "approvers", "priority", "enabled"},
	}
	// agent-os policies/schema.py: PolicyDocument, PolicyRule,
	// PolicyDefaults and PolicyOperator; a2a_conversation_policy is from
	// policies/policy_schema.json.
	agtAgentOS = agtShape{
		name:      "an agent-os policy",
		top:       []string{"version", "name", "description", "rules", "defaults", "inherit", "scope", "network_allowlist", "tool_allowlist", "sandbox_mounts", "a2a_conversation_policy"},
		rule:      []string{"name", "condition", "action", "priority", "message", "dynamic_condition", "override"},
		defaults:  []string{"action", "max_tokens", "max_tool_calls", "confidence_threshold", "max_cpu", "max_memory_mb", "timeout_seconds", "network_default"},
		operators: []string{"eq", "ne", "gt", "lt", "gte", "lte", "in", "not_in", "matches", "contains"},
	}
	// agent-mesh governance/trust_policy.py: TrustPolicy, TrustRule,
	// TrustDefaults and ConditionOperator.
	agtTrust = agtShape{
		name:      "an agent-mesh trust policy",
		top:       []string{"name", "version", "description", "rules", "defaults"},
		rule:      []string{"name", "description", "condition", "action", "priority"},
		defaults:  []string{"min_trust_score", "max_delegation_depth", "allowed_namespaces", "require_handshake"},
		operators: []string{"eq", "ne", "gt", "gte", "lt", "lte", "in", "not_in", "matches"},
	}
	// agtConditionKeys are those of agent-os's PolicyCondition and
	// agent-mesh's TrustCondition alike.
	agtConditionKeys = []string{"field", "operator", "value"}
	// agtOperatorAliases are other engines' names of the toolkit's
	// operators, where the nearest spelling would mislead: neq is one
	// letter from eq, ge and le one from ne.
	agtOperatorAliases = map[string]string{"neq": "ne", "ge": "gte", "le": "lte", "regex": "matches"}
)

// isAGT tells a toolkit policy: a governance.toolkit/v1 document, or rules
// with structured conditions and an action.
func isAGT(root *syntax.Node) bool {
	if str(root, "apiVersion").Value == "governance.toolkit/v1" {
		return true
	}
	rules, ok := root.Lookup("rules")
	if !ok || rules.Value.Kind != syntax.Sequence || len(rules.Value.Items) == 0 {
		return false
	}
	for _, r := range rules.Value.Items {
		_, cond := r.Lookup("condition")
		_, action := r.Lookup("action")
		if !cond || !action {
			return false
		}
	}
	return true
}

// loadAGT reads a toolkit policy: what it does by default, the keys its
// loader drops, and rules that can never match.
func loadAGT(f *model.File, root *syntax.Node) {
	f.Format = model.FormatAGT
	f.Root = root
	a := newForeignAgent(root)
	shape, def := agtDocument, str(root, "default_action")
	if str(root, "apiVersion").Value != "governance.toolkit/v1" {
		shape, def = structuredShape(root), model.Field[string]{}
	}
	unknownKeys(f, root, shape.top, "the policy", shape.name)
	var network model.Field[string]
	if d, _ := section(root, "defaults"); d != nil && shape.defaults != nil {
		unknownKeys(f, d, shape.defaults, "defaults", shape.name)
		if slices.Contains(shape.defaults, "action") {
			def = str(d, "action")
		}
		if slices.Contains(shape.defaults, "network_default") {
			network = str(d, "network_default")
		}
	}
	if def.Present() || network.Present() {
		a.Segmentation = &model.Segmentation{Span: def.Span, Default: def, NetworkDefault: network}
	}
	if rules, ok := root.Lookup("rules"); ok && rules.Value.Kind == syntax.Sequence {
		for i, r := range rules.Value.Items {
			if r.Kind != syntax.Mapping {
				continue
			}
			where := fmt.Sprintf("rules[%d]", i)
			unknownKeys(f, r, shape.rule, where, shape.name)
			pr := &model.PolicyRule{Name: str(r, "name").Value}
			if cond, ok := r.Lookup("condition"); ok && cond.Value.Kind == syntax.Mapping && shape.operators != nil {
				unknownKeys(f, cond.Value, agtConditionKeys, where+".condition", shape.name)
				pr.Never, pr.NeverAt = neverMatches(cond.Value, shape.operators)
				pr.Loose, pr.LooseAt = substringTest(cond.Value, str(r, "action").Value)
			}
			a.PolicyRules = append(a.PolicyRules, pr)
		}
	}
	f.Agents = []*model.Agent{a}
}

// structuredShape tells an agent-os policy from an agent-mesh trust policy,
// which look alike, by the keys only one of them reads. A file with keys of
// both, or of neither, is held to what either reads, so that no key one of
// them reads is reported.
func structuredShape(root *syntax.Node) agtShape {
	agentOS, trust := false, false
	tally := func(n *syntax.Node, osKeys, trustKeys []string) {
		for _, e := range n.Entries {
			inOS, inTrust := slices.Contains(osKeys, e.Key.Value), slices.Contains(trustKeys, e.Key.Value)
			agentOS = agentOS || inOS && !inTrust
			trust = trust || inTrust && !inOS
		}
	}
	tally(root, agtAgentOS.top, agtTrust.top)
	if d, _ := section(root, "defaults"); d != nil {
		tally(d, agtAgentOS.defaults, agtTrust.defaults)
	}
	if rules, ok := root.Lookup("rules"); ok {
		for _, r := range rules.Value.Items {
			tally(r, agtAgentOS.rule, agtTrust.rule)
		}
	}
	switch {
	case agentOS && !trust:
		return agtAgentOS
	case trust && !agentOS:
		return agtTrust
	}
	return agtShape{
		name:      "an agent-os or agent-mesh trust policy",
		top:       union(agtAgentOS.top, agtTrust.top),
		rule:      union(agtAgentOS.rule, agtTrust.rule),
		defaults:  union(agtAgentOS.defaults, agtTrust.defaults),
		operators: union(agtAgentOS.operators, agtTrust.operators),
	}
}

// union returns the strings of a, then those of b not in a.
func union(a, b []string) []string {
	u := slices.Clone(a)
	for _, s := range b {
		if !slices.Contains(u, s) {
			u = append(u, s)
		}
	}
	return u
}

// substringTest says how a condition of in or not_in given one string lets
// values through: Python's in then tests substrings, so with "trusted",
// "rusted" is in too. It matters where that widens what the rule allows (in
// on an allow rule) or narrows what it denies (not_in on a deny rule).
func substringTest(cond *syntax.Node, action string) (string, syntax.Span) {
	op := str(cond, "operator").Value
	e, ok := cond.Lookup("value")
	if !ok || e.Value.Kind != syntax.Scalar || e.Value.Type != syntax.String || utf8.RuneCountInString(e.Value.Value) < 2 {
		return "", syntax.Span{}
	}
	v := e.Value.Value
	_, first := utf8.DecodeRuneInString(v)
	part := v[first:]
	switch {
	case op == "in" && action == "allow":
		return fmt.Sprintf("allows every value that is part of %q, such as %q: in on a string tests substrings; give a list", v, part), e.Span()
	case op == "not_in" && action == "deny":
		return fmt.Sprintf("denies no value that is part of %q, such as %q: not_in on a string tests substrings; give a list", v, part), e.Span()
	}
	return "", syntax.Span{}
}

// neverMatches says why a structured condition can never be true, given
// the operators the loader accepts.
func neverMatches(cond *syntax.Node, operators []string) (string, syntax.Span) {
	op := str(cond, "operator")
	switch {
	case !op.Present():
		return "its condition has no operator", syntax.At(cond.Span.Start)
	case !slices.Contains(operators, op.Value):
		msg := fmt.Sprintf("the toolkit accepts no operator %q", op.Value)
		s, ok := agtOperatorAliases[op.Value]
		if !ok {
			s = suggest.Closest(op.Value, operators)
		}
		if s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		return msg + ", only " + strings.Join(operators, ", "), op.Span
	}
	// Python's in raises on a number, a boolean or null. A string is no
	// list either, but there in tests substrings: the rule still matches.
	if e, ok := cond.Lookup("value"); ok && (op.Value == "in" || op.Value == "not_in") && e.Value.Kind == syntax.Scalar && e.Value.Type != syntax.String {
		kind := "a " + e.Value.KindName()
		if e.Value.Type == syntax.Null {
			kind = "null"
		}
		return fmt.Sprintf("%s needs a list of values, not %s", op.Value, kind), e.Span()
	}
	if f := str(cond, "field"); !f.Present() || strings.TrimSpace(f.Value) == "" {
		return "its condition names no field", syntax.At(cond.Span.Start)
	}
	return "", syntax.Span{}
}

// unknownKeys reports the keys of n the runtime drops; where names the part
// of the policy n is, and policy the kind of policy.
func unknownKeys(f *model.File, n *syntax.Node, known []string, where, policy string) {
	for _, e := range n.Entries {
		if slices.Contains(known, e.Key.Value) {
			continue
		}
		msg := fmt.Sprintf("unknown key %q in %s, which the runtime drops without a word", e.Key.Value, where)
		if e.Key.Value == "enabled" {
			// Written to switch a rule off, it is the costliest key to drop:
			// these shapes have no switch at all.
			msg = fmt.Sprintf("unknown key \"enabled\" in %[1]s: %[2]s has no switch, so the runtime drops the key and %[1]s stays active; delete %[1]s to turn it off", where, policy)
		} else if s := suggest.Closest(e.Key.Value, known); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		addProblem(f, model.UnknownKey, e.Key.Span, "%s", msg)
	}
}
