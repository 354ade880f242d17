// Package merge combines the JSON results of many atflint runs, one or
// more per repository (check --format json, inventory --format json), into
// one report of an organisation: per repository its agents and their
// levels, its tools, servers and the registrations not followed, and its
// findings by severity, the worst repository first; and the findings by
// rule across all of them.
package merge

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// A Repository is what the results of one repository say.
type Repository struct {
	Name string `json:"name"`
	// Checked and Inventoried say which results it had: a report without
	// a repository's check says nothing of its findings.
	Checked     bool    `json:"checked"`
	Inventoried bool    `json:"inventoried"`
	Agents      []Agent `json:"agents"`
	Tools       int     `json:"tools"`
	Servers     int     `json:"servers"`
	Unresolved  int     `json:"unresolved"` // tool registrations not followed
	// Files and Packages are what its check covered; NotAnalysed what
	// kept it from checking something (a package that does not load).
	Files       int            `json:"files"`
	Packages    int            `json:"packages"`
	NotAnalysed []string       `json:"not_analysed"`
	Findings    map[string]int `json:"findings"` // by severity
	Rules       []Rule         `json:"rules"`    // Repositories is 0 here
	rules       map[ruleKey]int
}

// An Agent is an agent of a repository, as the inventory lists it.
type Agent struct {
	Name  string `json:"name"`
	Kind  string `json:"kind"`
	Level string `json:"level,omitempty"`
	File  string `json:"file"`
}

// A Rule is how often a rule reported, across the repositories.
type Rule struct {
	ID           string `json:"id"`
	Severity     string `json:"severity"`
	Findings     int    `json:"findings"`
	Repositories int    `json:"repositories,omitempty"`
}

// A Report is the merged results. Repositories are ordered by errors, then
// warnings, then notes, then what was not analysed, most first.
type Report struct {
	Version      int          `json:"version"`
	Repositories []Repository `json:"repositories"` // the worst first
	Rules        []Rule       `json:"rules"`        // the most severe, then the most frequent, first
}

// severities, the worst first, as the results spell them.
var severities = []string{"error", "warning", "note"}

// result is what merge reads of either kind of result.
type result struct {
	Version  *int `json:"version"`
	Findings *[]struct {
		Rule        string          `json:"rule"`
		Severity    string          `json:"severity"`
		Suppression json.RawMessage `json:"suppression"`
	} `json:"findings"`
	Agents *[]struct {
		Name   string `json:"name"`
		Kind   string `json:"kind"`
		Level  string `json:"level"`
		File   string `json:"file"`
		Format string `json:"format"`
	} `json:"agents"`
	Files       int               `json:"files"`
	Packages    int               `json:"packages"`
	NotAnalysed []string          `json:"not_analysed"`
	Tools       []json.RawMessage `json:"tools"`
	Servers     []json.RawMessage `json:"servers"`
	Unresolved  []json.RawMessage `json:"unresolved"`
}

// Read reads the results at paths. A directory holds the results of one
// repository, named by the directory (the .json files directly in it); a
// file alone is a repository named by the file, less .json. A name of the
// form owner__repo is the repository owner/repo: GitHub owners have no
// underscore, and a path no slash. A file that is neither result, or
// another version of one, is an error.
func Read(paths []string) (*Report, error) {
	byName := map[string]*Repository{}
	for _, p := range paths {
		files, name, err := resultsAt(p)
		if err != nil {
			return nil, err
		}
		r := byName[name]
		if r == nil {
			r = &Repository{Name: name, Agents: []Agent{}, NotAnalysed: []string{}, Findings: map[string]int{}, rules: map[ruleKey]int{}}
			byName[name] = r
		}
		for _, f := range files {
			if err := r.add(f); err != nil {
				return nil, err
			}
		}
	}
	for _, r := range byName {
		r.Rules = []Rule{}
		for k, n := range r.rules {
			r.Rules = append(r.Rules, Rule{ID: k.id, Severity: k.severity, Findings: n})
		}
	}
	rep := &Report{Version: 1, Repositories: []Repository{}, Rules: []Rule{}}
	org := map[ruleKey]*Rule{}
	for _, r := range byName {
		for _, rr := range r.Rules {
			k := ruleKey{rr.ID, rr.Severity}
			if org[k] == nil {
				org[k] = &Rule{ID: rr.ID, Severity: rr.Severity}
			}
			org[k].Findings += rr.Findings
			org[k].Repositories++
		}
		sortRules(r.Rules)
		rep.Repositories = append(rep.Repositories, *r)
	}
	slices.SortFunc(rep.Repositories, func(a, b Repository) int {
		for _, s := range severities {
			if c := cmp.Compare(b.Findings[s], a.Findings[s]); c != 0 {
				return c
			}
		}
		// Of two alike, the one less of which was analysed is less known
		// to be clean.
		return cmp.Or(cmp.Compare(len(b.NotAnalysed), len(a.NotAnalysed)), strings.Compare(a.Name, b.Name))
	})
	for _, r := range org {
		rep.Rules = append(rep.Rules, *r)
	}
	sortRules(rep.Rules)
	return rep, nil
}

type ruleKey struct{ id, severity string }

// sortRules puts the most severe first, then the most frequent.
func sortRules(rs []Rule) {
	slices.SortFunc(rs, func(a, b Rule) int {
		return cmp.Or(cmp.Compare(slices.Index(severities, a.Severity), slices.Index(severities, b.Severity)),
			cmp.Compare(b.Findings, a.Findings), strings.Compare(a.ID, b.ID))
	})
}

// resultsAt lists the result files at path and the repository they are
// of.
func resultsAt(path string) (files []string, name string, err error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", path, unwrap(err))
	}
	clean := filepath.Clean(path)
	if !info.IsDir() {
		return []string{path}, repositoryName(strings.TrimSuffix(filepath.Base(clean), ".json")), nil
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", path, unwrap(err))
	}
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".json") {
			files = append(files, filepath.Join(path, e.Name()))
		}
	}
	if len(files) == 0 {
		return nil, "", fmt.Errorf("%s: no .json results in the directory; it should hold the output of atflint check --format json or atflint inventory --format json", path)
	}
	abs, _ := filepath.Abs(clean)
	return files, repositoryName(filepath.Base(abs)), nil
}

func repositoryName(s string) string { return strings.Replace(s, "__", "/", 1) }

// add adds one result file.
func (r *Repository) add(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("%s: %w", path, unwrap(err))
	}
	var res result
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&res); err != nil {
		return fmt.Errorf("%s: not JSON atflint wrote: %v", path, err)
	}
	if res.Version == nil || *res.Version != 1 {
		return fmt.Errorf("%s: not a result of this atflint's (version 1): write it with atflint check --format json or atflint inventory --format json", path)
	}
	switch {
	case res.Findings != nil:
		r.Checked = true
		r.Files += res.Files
		r.Packages += res.Packages
		r.NotAnalysed = append(r.NotAnalysed, res.NotAnalysed...)
		for _, f := range *res.Findings {
			if len(f.Suppression) > 0 && string(f.Suppression) != "null" {
				continue // reported only for audit
			}
			if !slices.Contains(severities, f.Severity) || f.Rule == "" {
				return fmt.Errorf("%s: a finding with severity %q and rule %q; is it atflint's?", path, f.Severity, f.Rule)
			}
			r.Findings[f.Severity]++
			r.rules[ruleKey{f.Rule, f.Severity}]++
		}
	case res.Agents != nil:
		r.Inventoried = true
		for _, a := range *res.Agents {
			r.Agents = append(r.Agents, Agent{Name: a.Name, Kind: a.Kind, Level: a.Level, File: a.File})
		}
		slices.SortFunc(r.Agents, func(a, b Agent) int { return cmp.Or(strings.Compare(a.File, b.File), strings.Compare(a.Name, b.Name)) })
		r.Tools += len(res.Tools)
		r.Servers += len(res.Servers)
		r.Unresolved += len(res.Unresolved)
	default:
		return fmt.Errorf("%s: neither findings nor an inventory: write it with atflint check --format json or atflint inventory --format json", path)
	}
	return nil
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
