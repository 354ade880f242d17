package loader

import (
	"fmt"
	"slices"
	"strings"

	"github.com/atflint/atflint/internal/suggest"
	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

// FormatAGT names Microsoft agent-governance-toolkit policies.
const FormatAGT = "agt-policy"

// The keys the toolkit's policy loaders read; they drop any other key
// without a word, so a misspelt one silently changes the policy.
var (
	// The governance.toolkit/v1 PolicyDocument.
	agtDocumentKeys = []string{"apiVersion", "version", "name", "description", "extends", "agent", "agents", "scope", "rules", "default_action"}
	agtDocumentRule = []string{"name", "description", "stage", "condition", "action", "limit", "approvers", "priority", "enabled"}
	// The agent-os policy: rules with structured conditions, and defaults.
	agtPolicyKeys  = []string{"name", "version", "description", "rules", "defaults"}
	agtPolicyRule  = []string{"name", "description", "condition", "action", "priority", "enabled"}
	agtConditionKs = []string{"field", "operator", "value"}
	// agtOperators are the condition operators the agent-os evaluator knows.
	agtOperators = []string{"eq", "ne", "neq", "lt", "le", "lte", "gt", "ge", "gte", "in", "not_in", "contains", "not_contains", "matches", "regex", "starts_with", "ends_with", "exists", "not_exists"}
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

// loadAGT reads a toolkit policy: what it does by default, and rules that
// can never match.
func loadAGT(f *model.File, root *syntax.Node) {
	f.Format = FormatAGT
	f.Root = root
	a := newForeignAgent(root)
	document := str(root, "apiVersion").Value == "governance.toolkit/v1"
	topKeys, ruleKeys := agtPolicyKeys, agtPolicyRule
	def := str(root, "default_action")
	if document {
		topKeys, ruleKeys = agtDocumentKeys, agtDocumentRule
	} else if d, _ := section(root, "defaults"); d != nil {
		def = str(d, "action")
	}
	unknownKeys(f, root, topKeys, "the policy")
	if def.Present() {
		a.Segmentation = &model.Segmentation{Span: def.Span, Default: def}
	}
	if rules, ok := root.Lookup("rules"); ok && rules.Value.Kind == syntax.Sequence {
		for i, r := range rules.Value.Items {
			if r.Kind != syntax.Mapping {
				continue
			}
			unknownKeys(f, r, ruleKeys, fmt.Sprintf("rules[%d]", i))
			pr := &model.PolicyRule{Span: syntax.At(r.Span.Start), Name: str(r, "name").Value}
			if cond, ok := r.Lookup("condition"); ok && cond.Value.Kind == syntax.Mapping {
				unknownKeys(f, cond.Value, agtConditionKs, fmt.Sprintf("rules[%d].condition", i))
				pr.Never, pr.At = neverMatches(cond.Value)
			}
			a.PolicyRules = append(a.PolicyRules, pr)
		}
	}
	f.Agents = []*model.Agent{a}
}

// neverMatches says why a structured condition can never be true.
func neverMatches(cond *syntax.Node) (string, syntax.Span) {
	op := str(cond, "operator")
	switch {
	case !op.Present():
		return "its condition has no operator", syntax.At(cond.Span.Start)
	case !slices.Contains(agtOperators, op.Value):
		msg := fmt.Sprintf("the evaluator knows no operator %q", op.Value)
		if s := suggest.Closest(op.Value, agtOperators); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		return msg, op.Span
	}
	if e, ok := cond.Lookup("value"); ok && (op.Value == "in" || op.Value == "not_in") && e.Value.Kind != syntax.Sequence {
		return fmt.Sprintf("%s needs a list of values, not a %s", op.Value, e.Value.KindName()), e.Span()
	}
	if f := str(cond, "field"); !f.Present() || strings.TrimSpace(f.Value) == "" {
		return "its condition names no field", syntax.At(cond.Span.Start)
	}
	return "", syntax.Span{}
}

// unknownKeys reports the keys of n a runtime would drop.
func unknownKeys(f *model.File, n *syntax.Node, known []string, where string) {
	for _, e := range n.Entries {
		if slices.Contains(known, e.Key.Value) {
			continue
		}
		msg := fmt.Sprintf("unknown key %q in %s, which the runtime drops without a word", e.Key.Value, where)
		if s := suggest.Closest(e.Key.Value, known); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		addProblem(f, model.UnknownKey, e.Key.Span, "%s", msg)
	}
}
