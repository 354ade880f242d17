package rules

import (
	"fmt"
	"strings"

	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/loader"
	"github.com/atflint/atflint/model"
)

func init() {
	var ids []string
	for _, r := range atf.Requirements() {
		if r.ID != "I-1" { // missing-identity checks I-1
			ids = append(ids, r.ID)
		}
	}
	register(&Rule{
		Doc: Doc{
			ID:               "missing-control",
			Title:            "A requirement of the agent's ATF level is not declared",
			Severity:         finding.Error,
			SecuritySeverity: 6.0,
			ByRequirement:    true,
			ATF:              ids,
			Rationale: `ATF sets 25 requirements across five elements (identity, behavior, data,
segmentation, incident response), each a MUST, SHOULD or MAY at each maturity
level. For the level in ` + "`agent.level`" + `, every requirement the manifest does not
declare is reported: an error where it is a MUST, a warning where it is a
SHOULD, a note where it is a MAY. A requirement counts as declared when its
field is present and meaningful: not empty, not ` + "`false`" + `, not ` + "`enabled: false`" + `,
and with no value left ` + "`TODO`" + ` for a person to fill in (` + "`atflint init`" + ` writes those).
Which field declares which requirement is listed below; I-1 is checked by
` + "`missing-identity`" + `.

Declare the control, or move the agent to a level that does not require it.`,
			Details: matrixTable(),
			Bad: `atf: "0.9"
agent:
  id: urn:acme:agent:triage
  purpose: Triage support tickets.
  level: junior
behavior:
  logging: false      # B-1 switched off
`,
			Good: `atf: "0.9"
agent:
  id: spiffe://acme.example/agents/invoice-triage
  name: invoice-triage
  version: 1.4.0
  purpose: Triage incoming invoices and flag anomalies for accounts-payable clerks.
  level: junior
  owner:
    team: finance-platform
    contact: finance-platform@acme.example
    accountable: jane.doe@acme.example
  code: ["./cmd/invoice-agent/..."]

identity:
  credential:
    type: oidc
    ref: https://login.acme.example/clients/invoice-triage
    ttl: 15m
    rotation: 24h

capabilities: [db.read, db.write, net.outbound]

tools:
  - name: read_invoice
    description: Fetch one invoice by id.
    actions: [read]
    capabilities: [db.read]
    resources: ["postgres://ap/invoices"]
    approval: none
    limits: {rate: 60/min}
  - name: flag_invoice
    description: Mark an invoice for a clerk's review.
    actions: [write]
    capabilities: [db.write]
    resources: ["postgres://ap/invoice_flags"]
    approval: required
    limits: {rate: 20/min}

segmentation:
  default: deny
  resources: ["postgres://ap/invoices", "postgres://ap/invoice_flags"]
  rateLimit: 100/min
  transactionLimit: {maxAmount: "1000 USD"}
  blastRadius: {maxActionsPerDay: 500}

behavior:
  logging: {format: json, sink: otel}
  attribution: true
  baseline: {window: 7d}
  anomalyDetection: {alertWithin: 60s}
  explainability: true

data:
  inputValidation: {schema: ./schemas/invoice-input.json}
  injectionDetection: {enabled: true}
  pii: {action: redact}
  outputValidation: {schema: ./schemas/triage-output.json}
  lineage: {enabled: true}

incident:
  circuitBreaker: {failures: 5, window: 1m}
  killSwitch: {method: revoke-token, maxLatency: 500ms}
  sessionRevocation: true
  rollback: {strategy: compensating-actions}
  degradation: {fallbackLevel: intern}
`,
		},
		check: checkMissingControl,
	})
}

func checkMissingControl(p *Pass) {
	p.agents(func(a *model.Agent) {
		l := a.Level.Value
		if !l.Known() || a.ControlsIn != "" {
			// The schema reports a missing or unknown level; a file an ATF
			// manifest lists under sources is covered by the manifest.
			return
		}
		for i, req := range atf.Requirements() {
			if req.ID == "I-1" || i >= len(a.Controls) || a.Controls[i].State == model.Declared {
				continue
			}
			c := a.Controls[i]
			kw := req.At(l)
			var what, item string
			element := req.Element
			if element == "incident" {
				element = "incident response"
			}
			group := fmt.Sprintf("%s requirements %s agent %s meet are not declared", element, l.WithArticle(), kw)
			switch {
			case c.Note != "":
				what, item = "is not declared: "+c.Note, c.Note
			case c.State == model.Off:
				what, item = fmt.Sprintf("is switched off (%s)", c.Field), c.Field+" is switched off"
			case c.Field == "":
				what = "is not declared in this file"
				group += " in this file"
			default:
				what, item = fmt.Sprintf("is not declared (%s)", c.Field), c.Field
			}
			if item != "" {
				item = " (" + item + ")"
			}
			p.Report(finding.Finding{
				Span:     c.Span,
				Severity: severityOf(kw),
				ATF:      []string{req.ID},
				Message:  fmt.Sprintf("%s %s %s; ATF makes it a %s at %s", req.ID, req.Name, what, kw, l),
				Group:    group,
				Item:     req.ID + " " + req.Name + item,
			})
		}
	})
}

// matrixTable renders the requirement matrix with the field that declares
// each requirement.
func matrixTable() string {
	fields := loader.ControlFields()
	var b strings.Builder
	b.WriteString("| id | requirement | declared by | intern | junior | senior | principal |\n")
	b.WriteString("|---|---|---|---|---|---|---|\n")
	for _, r := range atf.Requirements() {
		fmt.Fprintf(&b, "| %s | %s | %s |", r.ID, r.Name, fields[r.ID])
		for _, l := range atf.Levels {
			fmt.Fprintf(&b, " %s |", r.At(l))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// severityOf maps an RFC 2119 keyword to the severity of its absence.
func severityOf(k atf.Keyword) finding.Severity {
	switch k {
	case atf.Must:
		return finding.Error
	case atf.Should:
		return finding.Warning
	}
	return finding.Note
}
