// Package manifestgen writes synthetic ATF manifests of about 2 KB for
// benchmarks: varied levels and tools, unique ids, and a few mistakes, so
// that every rule has work to do.
package manifestgen

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

var levels = []string{"intern", "junior", "senior", "principal"}

// Manifest returns the i-th synthetic manifest.
func Manifest(i int) string {
	level := levels[i%4]
	var b strings.Builder
	fmt.Fprintf(&b, `# Synthetic manifest %d, written by internal/manifestgen for benchmarks.
atf: "0.9"
agent:
  id: urn:acme:agent:bench-%06d
  name: bench-%06d
  version: 1.%d.0
  purpose: Synthetic agent %d that reads tickets and drafts replies for the support team.
  level: %s
  owner:
    team: team-%03d
    contact: team-%03d@acme.example
    accountable: owner-%04d@acme.example
  code: ["./cmd/bench-agent/..."]
identity:
  credential:
    type: oidc
    ref: https://login.acme.example/clients/bench-%06d
    ttl: %s
capabilities: [db.read, net.outbound:api.acme.example]
tools:
  - name: read_ticket
    description: Fetch one ticket by id.
    actions: [read]
    capabilities: [db.read]
    resources: ["postgres://support/tickets"]
    approval: none
    limits: {rate: 60/min}
  - name: search_knowledge_base
    description: Search the support knowledge base for articles that answer the ticket.
    actions: [read]
    capabilities: [net.outbound:api.acme.example]
    resources: ["https://api.acme.example/kb/search"]
    approval: none
    limits: {rate: 120/min}
`, i, i, i, i%10, i, level, i%100, i%100, i%1000, i, ttl(level))
	if level != "intern" {
		approval := map[string]string{"junior": "required", "senior": "notify", "principal": "notify"}[level]
		if i%17 == 0 {
			approval = "none" // an unguarded tool now and then
		}
		fmt.Fprintf(&b, `  - name: post_reply
    description: Post a drafted reply to the ticket.
    actions: [write, send]
    capabilities: [net.outbound:api.acme.example]
    resources: ["https://api.acme.example/tickets"]
    approval: %s
    limits: {rate: 20/min, maxAmount: 0}
`, approval)
	}
	fmt.Fprintf(&b, `segmentation:
  default: deny
  resources: ["postgres://support/tickets", "https://api.acme.example/tickets"]
  rateLimit: 100/min
  transactionLimit: {maxAmount: "100 USD"}
  blastRadius: {maxActionsPerDay: 500}
behavior:
  logging: {format: json, sink: otel}
  attribution: true
  baseline: {window: 7d}
  anomalyDetection: {alertWithin: 60s}
  explainability: true
data:
  inputValidation: {schema: ./schemas/ticket.json}
  injectionDetection: {enabled: true}
  pii: {action: redact}
  outputValidation: {schema: ./schemas/reply.json}
  lineage: {enabled: true}
incident:
  circuitBreaker: {failures: 5, window: 1m}
  killSwitch: {method: revoke-token, maxLatency: %s}
  sessionRevocation: true
  rollback: {strategy: compensating-actions}
`, latency(i))
	if level != "intern" {
		fmt.Fprintf(&b, "  degradation: {fallbackLevel: %s}\n", levels[i%4-1])
	}
	return b.String()
}

func ttl(level string) string {
	if level == "principal" {
		return "request"
	}
	return "15m"
}

func latency(i int) string {
	if i%23 == 0 {
		return "5s" // a slow kill switch now and then
	}
	return "500ms"
}

// Write writes n manifests under dir, 100 to a subdirectory.
func Write(dir string, n int) error {
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("team-%03d", i/100))
		if i%100 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return err
			}
		}
		name := filepath.Join(sub, fmt.Sprintf("agent-%06d.atf.yaml", i))
		if err := os.WriteFile(name, []byte(Manifest(i)), 0o644); err != nil {
			return err
		}
	}
	return nil
}
