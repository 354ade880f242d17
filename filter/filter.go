// Package filter decides which findings a run reports: those the
// atflint:ignore comments of the files checked suppress, the rules a
// configuration file disables, the findings it ignores by path and line,
// the severities it changes, everywhere or for some paths, and the
// findings a baseline holds. It works after the linter, on its findings
// and the files it read, and before the outputs.
package filter

import (
	"cmp"
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/lint"
	"github.com/atflint/atflint/schemas"
	"github.com/atflint/atflint/syntax"
)

// DefaultFiles are where a configuration is looked for when none is named.
var DefaultFiles = []string{".atflint.yaml", ".atflint.yml", ".github/atflint.yaml", ".github/atflint.yml"}

// ConfigSchemaID is the $id of the configuration's JSON Schema.
const ConfigSchemaID = schemas.RawBase + "filter/config.schema.json"

//go:embed config.schema.json
var configSchema []byte

// ConfigSchema returns the configuration's JSON Schema, which Load
// validates against and editors can use.
func ConfigSchema() []byte { return configSchema }

var compiledConfigSchema = sync.OnceValues(func() (*schemas.Schema, error) {
	return schemas.Compile("config.schema.json", "the configuration", configSchema)
})

// Config is a parsed configuration file, with what it extends merged in;
// config.schema.json says what each key means:
//
//	extends: ../org/atflint.yaml   # builds on another file
//	level: junior                  # the level of agents that declare none
//	min-severity: warning          # defaults of --min-severity and --fail-on
//	fail-on: error
//	rules:
//	  unknown-key:
//	    disable: true
//	  missing-control:
//	    severity: warning          # error, warning or note
//	    ignore:
//	      - legacy/                          # a directory
//	      - agents/*.atf.yaml                # a glob
//	      - agents/billing.atf.yaml:12       # a line
//	      - agents/billing.atf.yaml:12:5     # a line and column
//	overrides:
//	  - paths: [".claude/**"]
//	    level: intern
//	    rules: {missing-control: {severity: note}}
type Config struct {
	Path        string
	Level       atf.Level
	MinSeverity string // "" when the file does not say
	FailOn      string
	Rules       map[string]*RuleConfig
	Overrides   []*Override
}

// RuleConfig is what a configuration says about one rule.
type RuleConfig struct {
	Disable  *bool            // nil: not said
	Severity finding.Severity // 0: the rule's own
	Ignore   []*Ignore
}

// An Override is settings for the files some paths match.
type Override struct {
	Paths []string
	Level atf.Level
	Rules map[string]*RuleConfig
}

// An Ignore matches findings by file, and optionally line and column.
type Ignore struct {
	Pattern     string // a path, a directory ending in /, or a glob
	Line, Col   int    // 0: any
	Fingerprint string // "": any; else the finding's, for files without comments
	File        string // the configuration file that says it
	Pos         syntax.Pos
	used        bool
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
// first of DefaultFiles that exists in dir, else "".
func Find(dir, named string) (string, error) {
	if named != "" {
		if _, err := os.Stat(named); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return "", fmt.Errorf("--config %s: no such file; give the path of a configuration file, or leave --config out to use %s", named, strings.Join(DefaultFiles[:2], " or "))
			}
			return "", fmt.Errorf("--config %s: %w", named, err)
		}
		return named, nil
	}
	for _, p := range DefaultFiles {
		p = filepath.Join(dir, p)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", nil
}

// Load reads a configuration file and those it extends. An empty path is
// the empty config.
func Load(file string) (*Config, error) {
	if file == "" {
		return &Config{Rules: map[string]*RuleConfig{}}, nil
	}
	return load(file, nil)
}

// load reads file, which chain (the files extending it) leads to.
func load(file string, chain []string) (*Config, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", file, err)
	}
	if i := slices.Index(chain, abs); i >= 0 {
		return nil, fmt.Errorf("config %s extends itself: %s", file, strings.Join(append(chain[i:], abs), " extends "))
	}
	chain = append(chain, abs)
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
	c := &Config{Path: file, Rules: map[string]*RuleConfig{}}
	if len(docs) == 0 || docs[0].Root == nil {
		return c, nil
	}
	root := docs[0].Root
	schema, err := compiledConfigSchema()
	if err != nil {
		return nil, err
	}
	if problems := schema.Validate(root); len(problems) > 0 {
		return nil, &ConfigError{file, problems[0].Span.Start, problems[0].Message}
	}
	p := &parser{file: file}
	var parents []string
	for _, e := range root.Entries {
		v := e.Value
		switch e.Key.Value {
		case "extends":
			for _, n := range append([]*syntax.Node{v}, v.Items...) {
				if n.Kind == syntax.Scalar {
					parents = append(parents, filepath.Join(filepath.Dir(file), filepath.FromSlash(n.Value)))
				}
			}
		case "level":
			c.Level, _ = atf.ParseLevel(v.Value)
		case "min-severity":
			c.MinSeverity = v.Value
		case "fail-on":
			c.FailOn = v.Value
		case "rules":
			c.Rules = p.rules(v)
		case "overrides":
			for _, it := range v.Items {
				o := &Override{Rules: map[string]*RuleConfig{}}
				for _, e := range it.Entries {
					switch e.Key.Value {
					case "paths":
						for _, pat := range e.Value.Items {
							if p.pattern(pat, pat.Value) {
								o.Paths = append(o.Paths, pat.Value)
							}
						}
					case "level":
						o.Level, _ = atf.ParseLevel(e.Value.Value)
					case "rules":
						o.Rules = p.rules(e.Value)
					}
				}
				c.Overrides = append(c.Overrides, o)
			}
		}
	}
	if p.err != nil {
		return nil, p.err
	}
	// What this file says wins over what it extends; later parents win
	// over earlier ones.
	merged := &Config{Rules: map[string]*RuleConfig{}}
	for _, parent := range parents {
		pc, err := load(parent, chain)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("config %s extends %s, which does not exist", file, parent)
			}
			return nil, err
		}
		merged.merge(pc)
	}
	merged.merge(c)
	merged.Path = file
	return merged, nil
}

// merge lays o over c.
func (c *Config) merge(o *Config) {
	if o.Level.Known() {
		c.Level = o.Level
	}
	c.MinSeverity = cmp.Or(o.MinSeverity, c.MinSeverity)
	c.FailOn = cmp.Or(o.FailOn, c.FailOn)
	mergeRules(c.Rules, o.Rules)
	c.Overrides = append(c.Overrides, o.Overrides...)
}

func mergeRules(into, from map[string]*RuleConfig) {
	for id, rc := range from {
		cur := into[id]
		if cur == nil {
			into[id] = rc
			continue
		}
		if rc.Disable != nil {
			cur.Disable = rc.Disable
		}
		if rc.Severity != 0 {
			cur.Severity = rc.Severity
		}
		cur.Ignore = append(cur.Ignore, rc.Ignore...)
	}
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

// rules reads a mapping of rule settings the schema has validated.
func (p *parser) rules(n *syntax.Node) map[string]*RuleConfig {
	out := map[string]*RuleConfig{}
	for _, e := range n.Entries {
		rc := &RuleConfig{}
		for _, s := range e.Value.Entries {
			v := s.Value
			switch s.Key.Value {
			case "disable":
				b := v.Value == "true"
				rc.Disable = &b
			case "severity":
				rc.Severity, _ = finding.ParseSeverity(v.Value)
			case "ignore":
				for _, it := range v.Items {
					ig, err := parseIgnore(it.Value)
					if err != nil {
						p.fail(it, "ignore entry %q: want a path, a glob or a directory, with :line, :line:col or #fingerprint", it.Value)
						continue
					}
					ig.File, ig.Pos = p.file, it.Span.Start
					rc.Ignore = append(rc.Ignore, ig)
				}
			}
		}
		out[e.Key.Value] = rc
	}
	return out
}

// pattern reports whether s is a glob doublestar reads.
func (p *parser) pattern(n *syntax.Node, s string) bool {
	if s == "" || !doublestar.ValidatePattern(s) {
		p.fail(n, "%q is not a path or a glob", s)
		return false
	}
	return true
}

// parseIgnore reads "path", "path:line", "path:line:col" or
// "path#fingerprint" (the fingerprint of the JSON output, which survives
// line shifts: strict JSON has no comments for atflint:ignore).
func parseIgnore(s string) (*Ignore, error) {
	ig := &Ignore{Pattern: s}
	if p, fp, ok := strings.Cut(s, "#"); ok {
		if p == "" || len(fp) != 24 || strings.Trim(fp, "0123456789abcdef") != "" || !doublestar.ValidatePattern(p) {
			return ig, fmt.Errorf("want path#fingerprint, the fingerprint as the JSON output gives it")
		}
		ig.Pattern, ig.Fingerprint = p, fp
		return ig, nil
	}
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
	if ig.Pattern == "" || !doublestar.ValidatePattern(ig.Pattern) {
		return ig, fmt.Errorf("not a path or a glob")
	}
	return ig, nil
}

// matchPath reports whether a pattern (a path, a directory ending in /, a
// glob) matches a file.
func matchPath(pattern, file string) bool {
	if dir, ok := strings.CutSuffix(pattern, "/"); ok {
		return strings.HasPrefix(file, dir+"/")
	}
	ok, _ := doublestar.Match(pattern, file)
	return ok || pattern == file
}

func (ig *Ignore) matches(f finding.Finding) bool {
	if ig.Line != 0 && ig.Line != f.Span.Start.Line || ig.Col != 0 && ig.Col != f.Span.Start.Col ||
		ig.Fingerprint != "" && ig.Fingerprint != f.Fingerprint {
		return false
	}
	return matchPath(ig.Pattern, f.File)
}

func (o *Override) matches(file string) bool {
	return slices.ContainsFunc(o.Paths, func(p string) bool { return matchPath(p, file) })
}

// Enabled reports whether the configuration leaves a rule on somewhere.
func (c *Config) Enabled(id string) bool {
	if rc := c.Rules[id]; rc == nil || rc.Disable == nil || !*rc.Disable {
		return true
	}
	for _, o := range c.Overrides {
		if rc := o.Rules[id]; rc != nil && rc.Disable != nil && !*rc.Disable {
			return true
		}
	}
	return false
}

// LevelOf is the level of agents that declare none in file: the last
// override matching it that sets one, else the configuration's.
func (c *Config) LevelOf(file string) atf.Level {
	level := c.Level
	for _, o := range c.Overrides {
		if o.Level.Known() && o.matches(file) {
			level = o.Level
		}
	}
	return level
}

// WithoutIgnores is the configuration with its ignores dropped, for
// --no-ignores: rules it disables stay disabled.
func (c *Config) WithoutIgnores() *Config {
	out := *c
	out.Rules = map[string]*RuleConfig{}
	for id, rc := range c.Rules {
		r := *rc
		r.Ignore = nil
		out.Rules[id] = &r
	}
	return &out
}

// Apply returns the findings the configuration keeps, with their
// severities as it sets them for their files, and an unused-suppression
// finding for each ignore that hid nothing in a file the run read (an
// ignore of a file outside the paths checked says nothing).
func (c *Config) Apply(fs []finding.Finding, sources []lint.Source) (out, ignored []finding.Finding) {
	out = fs[:0:0]
	for _, f := range fs {
		disabled, sev := c.settings(f.Rule, f.File)
		if disabled {
			continue
		}
		if rc := c.Rules[f.Rule]; rc != nil {
			if ig := c.ignored(rc, f); ig != nil {
				f.Suppression = &finding.Suppression{Justification: fmt.Sprintf("ignored by %s:%d (rules.%s.ignore %q)", ig.File, ig.Pos.Line, f.Rule, ig.String())}
				ignored = append(ignored, f)
				continue
			}
		}
		if sev != 0 {
			f.Severity = sev
		}
		out = append(out, f)
	}
	read := make([]string, 0, len(sources))
	for _, s := range sources {
		read = append(read, s.Path)
	}
	for _, id := range slices.Sorted(maps.Keys(c.Rules)) {
		for _, ig := range c.Rules[id].Ignore {
			if ig.used || !slices.ContainsFunc(read, func(file string) bool { return matchPath(ig.Pattern, file) }) {
				continue
			}
			f := suppressionFinding(UnusedSuppression, ig.File, ig.Pos,
				fmt.Sprintf("the ignore %q of rules.%s hides no finding; remove it", ig.String(), id))
			if disabled, sev := c.settings(f.Rule, ig.File); !disabled {
				if sev != 0 {
					f.Severity = sev
				}
				out = append(out, f)
			}
		}
	}
	return out, ignored
}

// ignored returns the first of the rule's ignores that matches f, nil
// when none does, and marks every one that does as used.
func (c *Config) ignored(rc *RuleConfig, f finding.Finding) *Ignore {
	var first *Ignore
	for _, ig := range rc.Ignore {
		if ig.matches(f) {
			ig.used = true
			first = cmp.Or(first, ig)
		}
	}
	return first
}

// settings is whether a rule is off in file and the severity set for it
// there (0: its own), the overrides laid over the rules in order.
func (c *Config) settings(rule, file string) (disabled bool, sev finding.Severity) {
	apply := func(rc *RuleConfig) {
		if rc == nil {
			return
		}
		if rc.Disable != nil {
			disabled = *rc.Disable
		}
		if rc.Severity != 0 {
			sev = rc.Severity
		}
	}
	apply(c.Rules[rule])
	for _, o := range c.Overrides {
		if o.matches(file) {
			apply(o.Rules[rule])
		}
	}
	return disabled, sev
}

func (ig *Ignore) String() string {
	switch {
	case ig.Fingerprint != "":
		return ig.Pattern + "#" + ig.Fingerprint
	case ig.Col != 0:
		return fmt.Sprintf("%s:%d:%d", ig.Pattern, ig.Line, ig.Col)
	case ig.Line != 0:
		return fmt.Sprintf("%s:%d", ig.Pattern, ig.Line)
	}
	return ig.Pattern
}
