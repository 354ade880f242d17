package assess

import (
	"fmt"

	"github.com/atflint/atflint/model"
)

// Answers to a self-assessment question.
const (
	Yes          = "yes"
	Partial      = "partial"
	No           = "no"
	NeedsAPerson = "needs a person"
)

// An Answer is one of the 30 self-assessment questions, answered from
// what the repository shows where it can be.
type Answer struct {
	Group    string     `json:"group"`
	Question string     `json:"question"`
	Answer   string     `json:"answer"`
	Why      string     `json:"why"`
	Evidence []Evidence `json:"evidence"`
}

// question is one of the 30, and how a repository can answer it: from
// how requirements stand, from the manifest itself, or not at all.
type question struct {
	group, text string
	// reqs are the requirements whose statuses answer it (yes when all
	// are met, no when none is, partial between), and whose evidence it
	// shows.
	reqs []string
	// partialAtBest caps the answer at partial: the manifest declares
	// the control, but the question asks for a practice no file shows.
	partialAtBest string
	// answer, if set, answers from the agent itself instead.
	answer func(a *model.Agent, st *Statement) (string, string)
}

// questions are the self-assessment of IMPLEMENTATION_PATTERNS.md,
// section 12, in the spec's words (ATF 0.9, CC BY 4.0).
var questions = []question{
	{group: "Identity", text: "Does every agent have a unique, non-human identity?", reqs: []string{"I-1"}},
	{group: "Identity", text: "Are agent credentials short-lived and automatically rotated?", reqs: []string{"I-2"}, answer: credentialAnswer},
	{group: "Identity", text: "Is there a registry mapping agents to human owners?", reqs: []string{"I-3"}, partialAtBest: "the manifest names this agent's owners; a registry of every agent is the organization's"},
	{group: "Identity", text: "Is maturity level encoded as an authorization attribute?"},
	{group: "Identity", text: "Can credentials be revoked within seconds?", reqs: []string{"R-3"}, partialAtBest: "session revocation is declared; how fast it acts is not in the repository"},

	{group: "Behavior", text: "Are all agent actions logged with full context?", reqs: []string{"B-1", "B-2"}},
	{group: "Behavior", text: "Is there a defined promotion path with explicit criteria?"},
	{group: "Behavior", text: "Are behavioral baselines established before promotion?", reqs: []string{"B-3"}, partialAtBest: "a baseline is declared; when it was established is not in the repository"},
	{group: "Behavior", text: "Is there a demotion process for reliability degradation?", reqs: []string{"R-5"}, partialAtBest: "a fallback level is declared; the process around it is the organization's"},
	{group: "Behavior", text: "Does a cross-functional board review Senior+ promotions?"},

	{group: "Data Governance", text: "Is input validation enforced before agent processing?", reqs: []string{"D-1"}},
	{group: "Data Governance", text: "Is data classified at ingestion?", reqs: []string{"D-3"}, partialAtBest: "sensitive data is declared to be handled; classification at ingestion is not in the repository"},
	{group: "Data Governance", text: "Are data access policies enforced based on agent attributes?"},
	{group: "Data Governance", text: "Is output governance automated for Senior+ agents?", reqs: []string{"D-4"}},
	{group: "Data Governance", text: "Is data lineage tracked for audit purposes?", reqs: []string{"D-5"}},

	{group: "Segmentation", text: "Is there a centralized tool/resource policy registry?"},
	{group: "Segmentation", text: "Is access deny-by-default with explicit allowlists?", reqs: []string{"S-1"}, answer: denyByDefaultAnswer},
	{group: "Segmentation", text: "Are rate limits enforced at the policy layer?", reqs: []string{"S-3"}, partialAtBest: "a rate limit is declared; where it is enforced is not seen in the repository"},
	{group: "Segmentation", text: "Are transaction limits defined and enforced?", reqs: []string{"S-4"}, partialAtBest: "transaction limits are defined; their enforcement is not seen in the repository"},
	{group: "Segmentation", text: "Is blast radius documented for each agent?", reqs: []string{"S-5"}},

	{group: "Incident Response", text: "Does every agent have a kill switch?", reqs: []string{"R-2"}},
	{group: "Incident Response", text: "Is the kill switch tested regularly?"},
	{group: "Incident Response", text: "Can containment be executed in seconds?", reqs: []string{"R-2"}, answer: containmentAnswer},
	{group: "Incident Response", text: "Is there a documented post-incident review process?"},
	{group: "Incident Response", text: "Do incidents inform demotion and policy updates?"},

	{group: "Governance", text: "Is there an executive sponsor for AI initiatives?"},
	{group: "Governance", text: "Does every agent have a designated human owner?", reqs: []string{"I-3"}},
	{group: "Governance", text: "Are technical and business ownership separated?"},
	{group: "Governance", text: "Is there a defined governance review cadence?"},
	{group: "Governance", text: "Are promotion decisions documented and auditable?"},
}

// answers answers the 30 questions for one agent.
func answers(a *model.Agent, st *Statement) []Answer {
	out := make([]Answer, 0, len(questions))
	for _, q := range questions {
		ans := Answer{Group: q.group, Question: q.text, Evidence: []Evidence{}}
		switch {
		case q.answer != nil:
			ans.Answer, ans.Why = q.answer(a, st)
			ans.Evidence = evidenceOf(st, q.reqs...)
		case len(q.reqs) > 0:
			ans.Answer, ans.Why = fromRequirements(st, q.reqs)
			ans.Evidence = evidenceOf(st, q.reqs...)
			if q.partialAtBest != "" && ans.Answer == Yes {
				ans.Answer, ans.Why = Partial, q.partialAtBest
			}
		default:
			ans.Answer, ans.Why = NeedsAPerson, "a practice of the organization, which no file in the repository shows"
		}
		out = append(out, ans)
	}
	return out
}

// fromRequirements answers from how requirements stand.
func fromRequirements(st *Statement, ids []string) (string, string) {
	met, judged := 0, 0
	for _, id := range ids {
		r := st.requirement(id)
		switch r.Status {
		case Met:
			met++
			judged++
		case NotJudged:
		default:
			judged++
		}
	}
	switch {
	case judged < len(ids):
		return NeedsAPerson, "the manifest could not be judged there"
	case met == len(ids):
		return Yes, fmt.Sprintf("%s met", joinIDs(ids))
	case met == 0 && !anyStatus(st, ids, PartiallyMet):
		return No, fmt.Sprintf("%s not met", joinIDs(ids))
	}
	return Partial, fmt.Sprintf("%s only partly met", joinIDs(ids))
}

func credentialAnswer(a *model.Agent, st *Statement) (string, string) {
	c := a.Credential
	switch {
	case c == nil:
		return No, "no credential is declared (identity.credential)"
	case st.requirement("I-2").Status == PartiallyMet:
		return Partial, "the credential is declared, but a finding on it stands (I-2)"
	case (c.TTL.Present() || c.PerRequest) && c.Rotation.Present():
		return Yes, "the credential has a lifetime and a rotation period"
	case c.TTL.Present() || c.PerRequest:
		return Partial, "the credential has a lifetime, but no rotation period (identity.credential.rotation)"
	}
	return No, "the credential has no lifetime (identity.credential.ttl)"
}

func denyByDefaultAnswer(a *model.Agent, st *Statement) (string, string) {
	s := a.Segmentation
	allow := st.requirement("S-1")
	switch {
	case s == nil || s.Default.Value != "deny":
		return No, "segmentation.default is not deny"
	case allow.Status == Met:
		return Yes, "segmentation.default is deny and the resources are listed (S-1)"
	}
	return Partial, "segmentation.default is deny, but the resource allowlist is not met (S-1)"
}

func containmentAnswer(a *model.Agent, st *Statement) (string, string) {
	k := a.KillSwitch
	switch r := st.requirement("R-2"); {
	case r.Status != Met:
		return No, "the kill switch is not fully met (R-2)"
	case k == nil || !k.MaxLatency.Present():
		return Partial, "a kill switch is declared, with no latency (incident.killSwitch.maxLatency)"
	}
	return Yes, "the kill switch is declared to act within " + model.FormatDuration(k.MaxLatency.Value)
}

func (st *Statement) requirement(id string) Requirement {
	for _, r := range st.Requirements {
		if r.ID == id {
			return r
		}
	}
	return Requirement{}
}

func anyStatus(st *Statement, ids []string, status string) bool {
	for _, id := range ids {
		if st.requirement(id).Status == status {
			return true
		}
	}
	return false
}

func evidenceOf(st *Statement, ids ...string) []Evidence {
	ev := []Evidence{}
	for _, id := range ids {
		ev = append(ev, st.requirement(id).Evidence...)
	}
	return ev
}

func joinIDs(ids []string) string {
	s := ids[0]
	for _, id := range ids[1:] {
		s += " and " + id
	}
	return s
}
