// Package golangci registers atflint's Go analyzers as a golangci-lint
// module plugin named atflint. golangci-lint custom builds a golangci-lint
// that imports it, from a .custom-gcl.yml:
//
//	version: v2.15.0
//	plugins:
//	  - module: github.com/atflint/atflint
//	    import: github.com/atflint/atflint/analyzers/golangci
//	    version: v0.1.0
//
// and .golangci.yml enables it, with its settings:
//
//	linters:
//	  enable: [atflint]
//	  settings:
//	    custom:
//	      atflint:
//	        type: module
//	        settings:
//	          manifests: [agent.atf.yaml] # default: those found from the working directory
//	          level: junior               # for manifests that declare none
//
// Like atfvet, it is a driver: it reads the ATF manifests once, when
// golangci-lint builds the linter, and hands them to the analyzers in the
// atfagent analyzer's -manifests flag.
package golangci

import (
	"fmt"
	"os"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/atflint/atflint/analyzers/agent"
	"github.com/atflint/atflint/analyzers/atfmanifest"
	"github.com/atflint/atflint/analyzers/suite"
	"github.com/atflint/atflint/atf"
)

func init() {
	register.Plugin("atflint", New)
}

// Settings are the plugin's settings in .golangci.yml.
type Settings struct {
	// Manifests are the paths of the ATF manifests, relative to the
	// directory golangci-lint runs in. When none are given, those of the
	// working directory's module are found as atfvet finds them.
	Manifests []string `json:"manifests"`
	// Level is the level of agents whose manifest declares none.
	Level string `json:"level"`
}

// New is the plugin's constructor, which golangci-lint calls with the
// settings. A named manifest that cannot be read, an unknown setting and
// an unknown level are errors: golangci-lint stops and says so.
func New(conf any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](conf)
	if err != nil {
		return nil, fmt.Errorf("atflint plugin settings: %w", err)
	}
	var level atf.Level
	if s.Level != "" {
		var ok bool
		if level, ok = atf.ParseLevel(s.Level); !ok {
			return nil, fmt.Errorf("atflint plugin settings: level %q: want intern, junior, senior or principal", s.Level)
		}
	}
	var ms []*agent.Manifest
	if len(s.Manifests) > 0 {
		var errs []error
		if ms, errs = atfmanifest.ReadAll(s.Manifests); len(errs) > 0 {
			return nil, fmt.Errorf("atflint plugin settings: manifest %w", errs[0])
		}
	} else {
		var errs []error
		ms, errs = atfmanifest.Discover(".")
		for _, err := range errs {
			// As atfvet does: a broken manifest is a finding of atflint
			// check; the analyzers go on without it.
			fmt.Fprintf(os.Stderr, "atflint plugin: %v; the manifest is not used\n", err)
		}
	}
	if level.Known() {
		for _, m := range ms {
			if !m.AgentLevel().Known() {
				m.Level = level.String()
			}
		}
	}
	if err := agent.Analyzer.Flags.Set("manifests", atfmanifest.Flag(ms)); err != nil {
		return nil, fmt.Errorf("atflint plugin: %w", err)
	}
	return plugin{append(suite.Analyzers[:len(suite.Analyzers):len(suite.Analyzers)], manifestsKey(ms))}, nil
}

type plugin struct{ analyzers []*analysis.Analyzer }

func (p plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) { return p.analyzers, nil }

// GetLoadMode asks for types: the analyzers follow calls and types.
func (plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// manifestsKey is an analyzer that does nothing but carry a digest of the
// manifests in its name. golangci-lint keys its cache of a package's
// results on the package and the names of the linter's analyzers, not on
// files outside the package: without it, a changed manifest would not be
// checked again until the cache is cleaned.
func manifestsKey(ms []*agent.Manifest) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: "atfmanifests_" + atfmanifest.Hash(ms),
		Doc:  "the digest of the ATF manifests the atflint analyzers were given, for golangci-lint's cache key",
		Run:  func(*analysis.Pass) (any, error) { return nil, nil },
	}
}
