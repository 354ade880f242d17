// Package atf holds the facts of the Agentic Trust Framework that atflint
// checks against: the four maturity levels, the 25 core requirements with
// their RFC 2119 keyword at each level, and the action and capability names
// of the ATF agent manifest.
//
// The requirement matrix is data (requirements.tsv), taken from ATF 0.9 by
// MassiveScale.AI, published through the Cloud Security Alliance under
// CC BY 4.0. Nothing here depends on any other atflint package.
package atf

import (
	_ "embed"
	"fmt"
	"path"
	"strconv"
	"strings"
)

// SpecVersion is the ATF specification version the manifest schema targets.
const SpecVersion = "0.9"

// Credit names the source of the requirement matrix wherever it is shown.
const Credit = "Agentic Trust Framework 0.9, MassiveScale.AI / Cloud Security Alliance, CC BY 4.0"

// A Level is an ATF maturity level. The zero Level means "not known".
type Level int8

const (
	Intern Level = iota + 1
	Junior
	Senior
	Principal
)

// Levels lists the four levels from least to most autonomous.
var Levels = []Level{Intern, Junior, Senior, Principal}

var levelNames = [...]string{"", "intern", "junior", "senior", "principal"}

func (l Level) String() string {
	if l < Intern || l > Principal {
		return "unknown"
	}
	return levelNames[l]
}

// WithArticle writes the level after its article: "an intern", "a junior".
func (l Level) WithArticle() string {
	if l == Intern {
		return "an intern"
	}
	return "a " + l.String()
}

// Known reports whether l is one of the four levels.
func (l Level) Known() bool { return l >= Intern && l <= Principal }

// ParseLevel reads a level name (intern, junior, senior, principal) or its
// number (1..4).
func ParseLevel(s string) (Level, bool) {
	for l := Intern; l <= Principal; l++ {
		if s == levelNames[l] || s == strconv.Itoa(int(l)) {
			return l, true
		}
	}
	return 0, false
}

// A Keyword is the RFC 2119 strength of a requirement at one level.
type Keyword int8

const (
	May Keyword = iota + 1
	Should
	Must
)

func (k Keyword) String() string {
	switch k {
	case May:
		return "MAY"
	case Should:
		return "SHOULD"
	case Must:
		return "MUST"
	}
	return "?"
}

// A Requirement is one of the 25 core ATF requirements.
type Requirement struct {
	ID      string // I-1 ... R-5
	Element string // identity, behavior, data, segmentation, incident
	Name    string
	Summary string // what a manifest or code must show
	keyword [Principal + 1]Keyword
}

// At returns the requirement's keyword at level l.
func (r Requirement) At(l Level) Keyword {
	if !l.Known() {
		return 0
	}
	return r.keyword[l]
}

// Elements lists the five ATF elements in the spec's order.
var Elements = []string{"identity", "behavior", "data", "segmentation", "incident"}

//go:embed requirements.tsv
var requirementsTSV string

var requirements = mustParseRequirements(requirementsTSV)

// indexes gives each requirement's place by its id: every manifest asks
// for all 25.
var indexes = func() map[string]int {
	m := make(map[string]int, len(requirements))
	for i, r := range requirements {
		m[r.ID] = i
	}
	return m
}()

// Requirements returns the 25 requirements in the spec's order.
func Requirements() []Requirement { return requirements }

// Lookup returns the requirement with the given id.
func Lookup(id string) (Requirement, bool) {
	if i, ok := Index(id); ok {
		return requirements[i], true
	}
	return Requirement{}, false
}

// Index returns the place of the requirement with the given id in
// Requirements.
func Index(id string) (int, bool) {
	i, ok := indexes[id]
	return i, ok
}

func mustParseRequirements(tsv string) []Requirement {
	reqs, err := parseRequirements(tsv)
	if err != nil {
		panic("atf: requirements.tsv: " + err.Error())
	}
	return reqs
}

func parseRequirements(tsv string) ([]Requirement, error) {
	var reqs []Requirement
	header := true
	for n, line := range strings.Split(tsv, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if header {
			header = false
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 8 {
			return nil, fmt.Errorf("line %d: %d columns, want 8", n+1, len(cols))
		}
		r := Requirement{ID: cols[0], Element: cols[1], Name: cols[2], Summary: cols[3]}
		for i, l := range Levels {
			switch cols[4+i] {
			case "MUST":
				r.keyword[l] = Must
			case "SHOULD":
				r.keyword[l] = Should
			case "MAY":
				r.keyword[l] = May
			default:
				return nil, fmt.Errorf("line %d: keyword %q", n+1, cols[4+i])
			}
		}
		reqs = append(reqs, r)
	}
	return reqs, nil
}

// Actions a tool can declare. Every action but read has a side effect.
var Actions = []string{"read", "write", "delete", "execute", "send", "spend"}

// SideEffectAction reports whether a declared action changes something
// outside the agent.
func SideEffectAction(a string) bool {
	switch a {
	case "write", "delete", "execute", "send", "spend", "*":
		return true
	}
	return false
}

// Capabilities are the capability names of the manifest contract. A
// declared capability may add a scope after a colon (fs.write:/var/lib/x).
var Capabilities = []string{
	"exec", "code.eval", "net.outbound", "net.listen", "fs.read", "fs.write",
	"fs.delete", "env.read", "secrets.read", "db.read", "db.write", "agent.delegate",
}

// SplitCapability splits "fs.write:/var/lib/x" into its name and scope.
func SplitCapability(c string) (name, scope string) {
	name, scope, _ = strings.Cut(c, ":")
	return name, scope
}

// SideEffectCapability reports whether capability name c changes something
// outside the agent. net.outbound counts only when the tool does more than
// read, which the caller decides; here it is not a side effect by itself.
func SideEffectCapability(c string) bool {
	switch c {
	case "exec", "code.eval", "fs.write", "fs.delete", "db.write", "agent.delegate", "*":
		return true
	}
	return false
}

// IsManifestName reports whether a file name is an ATF agent manifest's:
// *.atf.yaml, *.atf.yml, *.atf.json, or atf.yaml, atf.yml, atf.json.
func IsManifestName(name string) bool {
	base := path.Base(strings.ReplaceAll(name, `\`, "/"))
	for _, ext := range []string{".yaml", ".yml", ".json"} {
		if base == "atf"+ext || strings.HasSuffix(base, ".atf"+ext) && len(base) > len(".atf"+ext) {
			return true
		}
	}
	return false
}
