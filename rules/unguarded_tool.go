package rules

import (
	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "unguarded-tool",
			Title:            "A side-effecting tool lacks the guard its level needs",
			Severity:         finding.Error,
			SecuritySeverity: 8.2,
			OWASP:            []string{"ASI02"},
			ATF:              []string{"S-2", "S-1", "S-3", "S-4"},
			Rationale: `A tool that writes, deletes, executes, sends or spends needs a guard that
grows with the agent's autonomy. At junior, a human approves every side effect
(` + "`approval: required`" + `). At senior, the agent acts and a human is told
(` + "`approval: notify`" + ` at least). At principal, the agent acts alone, so each such
tool must carry its boundaries: the resources it may touch and its limits.
Intern agents may have no side effects at all (see ` + "`level-mismatch`" + `).

In Go code (the ` + "`unguardedtool`" + ` analyzer), a tool handler that reaches a side
effect, through any number of calls and packages, is reported when no guard
of the kind its level needs decides first whether it happens. Guards are
recognised by what they do, never by a function's name, and come in three
kinds. An approval is a person's answer: an MCP elicitation whose answer is
checked, a Genkit or Eino interrupt, ADK confirmation, a project function
whose result depends on one (found across packages), or a function the
manifest lists under ` + "`agent.guards`" + `. An authorization checks the caller's verified
identity (the go-sdk token's scopes or user). A resource check keeps a value
inside what is allowed: a lookup in a set fixed in the code, a path compared
after ` + "`filepath.Clean`" + `, ` + "`filepath.IsLocal`" + `. Where the tool's manifest entry says
` + "`approval: required`" + ` or the level is intern or junior, only an approval will do,
and the message names the weaker guard found; with no manifest, any guard
will. A decision passed in as a function value is not followed. MCP
annotations such as ` + "`readOnlyHint`" + ` are claims, not guards: a tool annotated
read-only whose code writes, or not destructive whose code deletes, is
reported. An HTTP POST is the one effect an annotation settles: query and
search APIs (GraphQL, datasource queries) read with it, so a POST of a tool
annotated read-only counts as a read, and a finding on any other POST says
how to mark it; a GraphQL client's Query reads and its Mutate writes.`,
			Bad: `atf: "0.9"
agent:
  id: urn:acme:agent:refunds
  level: junior
tools:
  - name: issue_refund
    actions: [spend]
    approval: none
`,
			Good: `atf: "0.9"
agent:
  id: urn:acme:agent:refunds
  level: junior
tools:
  - name: issue_refund
    actions: [spend]
    approval: required
`,
		},
		check: checkUnguardedTool,
	})
}

func checkUnguardedTool(p *Pass) {
	p.agents(func(a *model.Agent) {
		l := a.Level.Value
		for _, t := range a.Tools {
			se, ok := t.SideEffect()
			if !ok {
				continue
			}
			span := t.Span
			if t.Approval.Present() {
				span = t.Approval.Span
			}
			approval := t.Approval.Value
			if approval == "" {
				approval = "none"
			}
			report := func(msg string, ids ...string) {
				p.Report(finding.Finding{
					Span: span, ATF: ids, Message: msg,
					Related: []finding.Related{{Span: se.Span, Message: "the side effect"}},
				})
			}
			name := quote(t.Name.Value)
			switch l {
			case atf.Junior:
				if approval != "required" {
					report("tool "+name+" "+se.Verb()+" with approval "+approval+"; a junior agent needs approval: required for every side effect", "S-2")
				}
			case atf.Senior:
				if approval == "none" {
					report("tool "+name+" "+se.Verb()+" with no human told; a senior agent needs at least approval: notify", "S-2")
				}
			case atf.Principal:
				var missing []string
				if len(t.Resources.Items) == 0 {
					missing = append(missing, "resources")
				}
				if t.Limits == nil || !t.Limits.Rate.Present() && !t.Limits.MaxAmount.Present() {
					missing = append(missing, "limits")
				}
				if len(missing) > 0 {
					report("tool "+name+" "+se.Verb()+" with no "+joinAnd(missing)+"; a principal agent acts alone only within declared boundaries", "S-1", "S-3", "S-4")
				}
			}
		}
	})
}
