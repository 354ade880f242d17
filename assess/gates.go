package assess

import (
	"fmt"

	"github.com/atflint/atflint/atf"
)

// gates are the maturity model's five promotion gates (MATURITY_MODEL.md,
// "Promotion Criteria: The Five Gates"), with what each asks for a
// promotion to level to. The gate and item names are the spec's.
func gates(to atf.Level) []Gate {
	// By the level promoted to: junior, senior, principal.
	at := func(junior, senior, principal string) string {
		return [...]string{atf.Junior: junior, atf.Senior: senior, atf.Principal: principal}[to]
	}
	atLeast := func(from atf.Level, items ...string) []string {
		if to >= from {
			return items
		}
		return nil
	}
	return []Gate{
		{"Performance", []string{
			"Minimum Time at Level: " + at("2 weeks", "4 weeks", "8 weeks"),
			"Accuracy Rate: " + at("N/A", ">95%", ">99%"),
			"Availability: " + at(">99%", ">99.5%", ">99.9%"),
			"Response Time SLA: Met",
		}},
		{"Security Validation", append(append([]string{"Vulnerability Assessment"},
			append(atLeast(atf.Senior, "Penetration Testing"), atLeast(atf.Principal, "Adversarial Testing")...)...),
			"Code Review", "Configuration Audit")},
		{"Business Value", append(append([]string{"Defined Success Metrics", "Baseline Established"},
			atLeast(atf.Senior, "Improvement Demonstrated", "ROI Calculation")...), "Stakeholder Sign-off")},
		{"Incident Record", []string{
			"Zero Critical Incidents", "Minor Incidents Resolved",
			fmt.Sprintf("Root Cause Analysis Complete%s", at(" (if applicable)", "", "")),
			fmt.Sprintf("Remediation Verified%s", at(" (if applicable)", "", "")),
		}},
		{"Governance Sign-off", append(append(append([]string{"Technical Owner Approval"},
			atLeast(atf.Senior, "Security Team Approval")...), "Business Owner Approval"),
			append(atLeast(atf.Principal, "Risk Committee Approval"), "Documentation Updated")...)},
	}
}
