// Package owasp is the OWASP Top 10 for Agentic Applications 2026: the
// ten risks by OWASP's own ids and names, and which of them each ATF
// requirement's absence exposes an agent to, in atflint's reading. SARIF
// output uses it as a second taxonomy beside ATF.
package owasp

import "slices"

// Name, Version and URI identify the list.
const (
	Name    = "OWASP Top 10 for Agentic Applications"
	Version = "2026"
	URI     = "https://genai.owasp.org/resource/owasp-top-10-for-agentic-applications-for-2026/"
	// Credit is written where the ids and names are shown.
	Credit = "OWASP Top 10 for Agentic Applications 2026, OWASP GenAI Security Project, CC BY-SA 4.0"
)

// A Risk is one entry of the list.
type Risk struct{ ID, Name string }

// risks are OWASP's published ids and names (version 2026, December
// 2025), not those of its drafts or of other documents' renumberings.
var risks = []Risk{
	{"ASI01", "Agent Goal Hijack"},
	{"ASI02", "Tool Misuse and Exploitation"},
	{"ASI03", "Identity & Privilege Abuse"},
	{"ASI04", "Agentic Supply Chain Vulnerabilities"},
	{"ASI05", "Unexpected Code Execution (RCE)"},
	{"ASI06", "Memory & Context Poisoning"},
	{"ASI07", "Insecure Inter-Agent Communication"},
	{"ASI08", "Cascading Failures"},
	{"ASI09", "Human-Agent Trust Exploitation"},
	{"ASI10", "Rogue Agents"},
}

// Risks returns the ten risks in order.
func Risks() []Risk { return slices.Clone(risks) }

// Lookup returns the risk with an id.
func Lookup(id string) (Risk, bool) {
	i := slices.IndexFunc(risks, func(r Risk) bool { return r.ID == id })
	if i < 0 {
		return Risk{}, false
	}
	return risks[i], true
}

// byRequirement maps an ATF requirement to the risks its absence leaves
// open; requirements not listed map to none.
var byRequirement = map[string][]string{
	"I-1": {"ASI03"}, "I-2": {"ASI03"}, "I-3": {"ASI03"},
	"D-1": {"ASI01"}, "D-2": {"ASI01"}, "D-5": {"ASI06"},
	"S-1": {"ASI02"}, "S-2": {"ASI02"}, "S-3": {"ASI02", "ASI08"}, "S-5": {"ASI08"},
	"B-4": {"ASI10"}, "R-1": {"ASI08"}, "R-2": {"ASI10"}, "R-3": {"ASI10"},
}

// ForRequirement returns the risks the absence of an ATF requirement
// leaves open.
func ForRequirement(id string) []string { return slices.Clone(byRequirement[id]) }
