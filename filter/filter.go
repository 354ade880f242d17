// Package filter decides which findings a run reports: those the
// atflint:ignore comments of the files checked suppress, the rules a
// configuration file disables, the findings it ignores by path and line,
// the severities it changes. It works after the linter, on its findings
// and the files it read, and before the outputs.
package filter

import (
	"fmt"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/internal/suggest"
	"github.com/atflint/atflint/rules"
	"github.com/atflint/atflint/syntax"
)

// DefaultFiles are where a configuration is looked for when none is named.
var DefaultFiles = []string{".atflint.yaml", ".atflint.yml", ".github/atflint.yaml", ".github/atflint.yml"}

// Config is a parsed configuration file:
//
//	level: junior              # the level of agents that declare none
//	rules:
//	  unknown-key:
//	    disable: true
//	  missing-control:
//	    severity: warning      # error, warning or note
//	    ignore:
//	      - legacy/                          # a directory
//	      - agents/*.atf.yaml                # a glob
//	      - agents/billing.atf.yaml:12       # a line
//	      - agents/billing.atf.yaml:12:5     # a line and column
type Config struct {
	Path  string
	Level atf.Level
	Rules map[string]*RuleConfig
}

// RuleConfig is what a configuration says about one rule.
type RuleConfig struct {
	Disable  bool
	Severity finding.Severity // 0: the rule's own
	Ignore   []Ignore
}

// An Ignore matches findings by file, and optionally line and column.
type Ignore struct {
	Pattern   string // a path, a directory ending in /, or a glob
	Line, Col int    // 0: any
}

// A ConfigError is a mistake in a configuration file, at a position.
type ConfigError struct {
	Path string
	Pos  syntax.Pos
	Msg  string
}

func (e *ConfigError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Pos.Line, e.Pos.Col, e.Msg)
}

// Find returns the configuration file to use: the one named, else the
// first of DefaultFiles that exists, else "".
func Find(named string) (string, error) {
	if named != "" {
		if _, err := os.Stat(named); err != nil {
			return "", fmt.Errorf("config: %w", err)
		}
		return named, nil
	}
	for _, p := range DefaultFiles {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", nil
}

// Load reads a configuration file. An empty path is the empty config.
func Load(file string) (*Config, error) {
	c := &Config{Path: file, Rules: map[string]*RuleConfig{}}
	if file == "" {
		return c, nil
	}
	src, err := syntax.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", file, err)
	}
	docs, err := syntax.ParseYAML(src)
	if err != nil {
		if se, ok := err.(*syntax.Error); ok {
			return nil, &ConfigError{file, se.Pos, "invalid YAML: " + se.Msg}
		}
		return nil, fmt.Errorf("config %s: %w", file, err)
	}
	if len(docs) == 0 || docs[0].Root == nil {
		return c, nil
	}
	p := &parser{file: file}
	root := docs[0].Root
	p.mapping(root, "the configuration", []string{"level", "rules"}, func(key string, e syntax.Entry) {
		switch key {
		case "level":
			l, ok := atf.ParseLevel(e.Value.Value)
			if !ok {
				p.fail(e.Value, "level %q: want intern, junior, senior or principal", e.Value.Value)
			}
			c.Level = l
		case "rules":
			p.mapping(e.Value, "rules", nil, func(id string, e syntax.Entry) {
				if rules.Lookup(id) == nil {
					p.fail(e.Key, "no rule %q%s", id, ruleSuggestion(id))
					return
				}
				c.Rules[id] = p.rule(e.Value, id)
			})
		}
	})
	if p.err != nil {
		return nil, p.err
	}
	return c, nil
}

func ruleSuggestion(id string) string {
	var ids []string
	for _, r := range rules.All() {
		ids = append(ids, r.ID)
	}
	if s := suggest.Closest(id, ids); s != "" {
		return fmt.Sprintf("; did you mean %q?", s)
	}
	return "; 'atflint rules' lists them"
}

type parser struct {
	file string
	err  error
}

func (p *parser) fail(n *syntax.Node, format string, args ...any) {
	if p.err == nil {
		p.err = &ConfigError{p.file, n.Span.Start, fmt.Sprintf(format, args...)}
	}
}

// mapping calls fn for each entry of n, which must be a mapping with only
// the given keys (any keys when keys is nil).
func (p *parser) mapping(n *syntax.Node, what string, keys []string, fn func(string, syntax.Entry)) {
	if n.Kind != syntax.Mapping {
		p.fail(n, "%s must be a mapping", what)
		return
	}
	for _, e := range n.Entries {
		if keys != nil && !slices.Contains(keys, e.Key.Value) {
			msg := fmt.Sprintf("unknown key %q in %s", e.Key.Value, what)
			if s := suggest.Closest(e.Key.Value, keys); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			p.fail(e.Key, "%s", msg)
			continue
		}
		fn(e.Key.Value, e)
	}
}

func (p *parser) rule(n *syntax.Node, id string) *RuleConfig {
	rc := &RuleConfig{}
	p.mapping(n, "rules."+id, []string{"disable", "severity", "ignore"}, func(key string, e syntax.Entry) {
		v := e.Value
		switch key {
		case "disable":
			if v.Type != syntax.Bool {
				p.fail(v, "disable must be true or false")
			}
			rc.Disable = v.Value == "true"
		case "severity":
			s, ok := finding.ParseSeverity(v.Value)
			if !ok {
				p.fail(v, "severity %q: want error, warning or note", v.Value)
			}
			rc.Severity = s
		case "ignore":
			if v.Kind != syntax.Sequence {
				p.fail(v, "ignore must be a list of paths")
				return
			}
			for _, it := range v.Items {
				ig, err := parseIgnore(it.Value)
				if it.Kind != syntax.Scalar || err != nil {
					p.fail(it, "ignore entry %q: want a path, a glob or a directory, with :line or :line:col", it.Value)
					continue
				}
				rc.Ignore = append(rc.Ignore, ig)
			}
		}
	})
	return rc
}

// parseIgnore reads "path", "path:line" or "path:line:col".
func parseIgnore(s string) (Ignore, error) {
	ig := Ignore{Pattern: s}
	parts := strings.Split(s, ":")
	var nums []int
	for len(parts) > 1 && len(nums) < 2 {
		n, err := strconv.Atoi(parts[len(parts)-1])
		if err != nil || n < 1 {
			break
		}
		nums = append([]int{n}, nums...)
		parts = parts[:len(parts)-1]
	}
	ig.Pattern = strings.Join(parts, ":")
	if len(nums) > 0 {
		ig.Line = nums[0]
	}
	if len(nums) > 1 {
		ig.Col = nums[1]
	}
	if ig.Pattern == "" {
		return ig, fmt.Errorf("empty path")
	}
	if _, err := path.Match(ig.Pattern, ""); err != nil {
		return ig, err
	}
	return ig, nil
}

func (ig Ignore) matches(f finding.Finding) bool {
	if ig.Line != 0 && ig.Line != f.Span.Start.Line || ig.Col != 0 && ig.Col != f.Span.Start.Col {
		return false
	}
	if dir, ok := strings.CutSuffix(ig.Pattern, "/"); ok {
		return strings.HasPrefix(f.File, dir+"/")
	}
	ok, _ := path.Match(ig.Pattern, f.File)
	return ok || ig.Pattern == f.File
}

// Enabled reports whether the configuration leaves a rule on.
func (c *Config) Enabled(id string) bool {
	rc := c.Rules[id]
	return rc == nil || !rc.Disable
}

// WithoutIgnores is the configuration with its ignores dropped, for
// --no-ignores: rules it disables stay disabled.
func (c *Config) WithoutIgnores() *Config {
	out := &Config{Path: c.Path, Level: c.Level, Rules: map[string]*RuleConfig{}}
	for id, rc := range c.Rules {
		r := *rc
		r.Ignore = nil
		out.Rules[id] = &r
	}
	return out
}

// Apply returns the findings the configuration keeps, with their
// severities as it sets them.
func (c *Config) Apply(fs []finding.Finding) []finding.Finding {
	out := fs[:0:0]
	for _, f := range fs {
		rc := c.Rules[f.Rule]
		if rc != nil {
			if rc.Disable || slices.ContainsFunc(rc.Ignore, func(ig Ignore) bool { return ig.matches(f) }) {
				continue
			}
			if rc.Severity != 0 {
				f.Severity = rc.Severity
			}
		}
		out = append(out, f)
	}
	return out
}
