package rules

import (
	"slices"
	"strings"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "wildcard-permission",
			Title:            "A coding agent may run any command, fetch any site or use any MCP tool without asking",
			Severity:         finding.Error,
			SecuritySeverity: 8.0,
			OWASP:            []string{"ASI02", "ASI03"},
			ATF:              []string{"S-2", "S-1"},
			Rationale: `An allow rule runs its tool calls without asking. Some rules allow everything
of a kind: bare ` + "`Bash`" + `, ` + "`Bash(*)`" + ` or ` + "`Bash(*:*)`" + ` any command; ` + "`Bash(python:*)`" + `,
` + "`Bash(node:*)`" + `, ` + "`Bash(npm:*)`" + `, ` + "`Bash(curl:*)`" + ` and other interpreters, shells,
package managers and network tools any program at all, since each runs code
it is given, also with only flags after the name (` + "`Bash(python -c:*)`" + `) or a
version in it (` + "`Bash(python3.12:*)`" + `); so do the subcommands that install or run
a package (` + "`Bash(npm install:*)`" + `, ` + "`Bash(uv run:*)`" + `, ` + "`Bash(docker run:*)`" + `);
` + "`Bash(find:*)`" + ` (its ` + "`-exec`" + `), ` + "`Bash(awk:*)`" + `, ` + "`Bash(sed:*)`" + ` and ` + "`Bash(git:*)`" + ` (its ` + "`-c`" + `) too; a
wrapper (` + "`env`" + `, ` + "`timeout`" + `, ` + "`sudo`" + `, ` + "`xargs`" + `) runs what the command it wraps runs, any
program when the rule leaves that open (` + "`Bash(timeout 60:*)`" + `);
` + "`WebFetch`" + ` or ` + "`WebFetch(domain:*)`" + ` any site; ` + "`mcp__*`" + ` every tool of every MCP
server, and ` + "`mcp__github`" + ` (or ` + "`mcp__github__*`" + `) every tool of one. ` + "`Bash(npm *)`" + ` is the same rule as ` + "`Bash(npm:*)`" + `. Each leaves no action
boundary (S-2) or resource allowlist (S-1) for that kind of call.

Allow the exact commands and domains the work needs (` + "`Bash(go test:*)`" + `,
` + "`WebFetch(domain:pkg.go.dev)`" + `), and let the rest ask.`,
			Lang: "json",
			Bad: `-- .claude/settings.json --
{"permissions": {"allow": ["Bash(npm:*)", "WebFetch(domain:*)"], "deny": ["Bash(rm:*)"]}}
`,
			Good: `-- .claude/settings.json --
{"permissions": {"allow": ["Bash(npm test:*)", "WebFetch(domain:docs.npmjs.com)"], "deny": ["Bash(rm:*)"]}}
`,
		},
		check: func(p *Pass) {
			p.agents(func(a *model.Agent) {
				if a.Permissions == nil {
					return
				}
				for _, r := range a.Permissions.Allow.Items {
					if why := wildcardPermission(r.Value); why != "" {
						p.Reportf(r.Span, "allow rule %s lets the agent %s without asking; allow the exact commands, domains or tools it needs", quote(r.Value), why)
					}
				}
			})
		},
	})
}

// runsAnything are commands that run whatever code or program they are
// given, by their names with no version.
var runsAnything = map[string]bool{
	"bash": true, "sh": true, "zsh": true, "fish": true, "pwsh": true, "powershell": true, "cmd": true,
	"python": true, "node": true, "deno": true, "bun": true, "ruby": true, "perl": true, "php": true,
	"npm": true, "npx": true, "pnpm": true, "yarn": true, "pip": true, "uv": true, "uvx": true,
	"pipx": true, "go": true, "cargo": true, "make": true, "docker": true, "kubectl": true,
	"curl": true, "wget": true, "ssh": true,
	// Text tools with a way out to the shell (awk's system(), GNU sed's e
	// command), and git, whose -c sets an alias or a pager to any command.
	"awk": true, "gawk": true, "mawk": true, "nawk": true, "sed": true, "git": true,
	"lua": true, "tclsh": true, "osascript": true, "busybox": true, "command": true,
	// apt's -o sets hooks (APT::Update::Pre-Invoke) to any command.
	"apt-get": true, "apt": true,
}

// A wrapper runs the command that follows its own arguments: env FOO=1
// CMD, timeout 10 CMD, sudo -u app CMD. Whether a rule for it runs any
// program is whether one for the command it wraps would.
type wrapper struct {
	valueFlags  []string // its flags that take the next word as their value
	positionals int      // words it takes before the command (timeout's duration)
	assignments bool     // it takes NAME=VALUE words before the command
	shellFlags  []string // its flags that take a shell line (flock -c, env -S)
}

// wrappers are the commands that run the command they are given, by name.
var wrappers = map[string]wrapper{
	"env":     {valueFlags: []string{"-u", "--unset", "-C", "--chdir"}, assignments: true, shellFlags: []string{"-S", "--split-string"}},
	"sudo":    {valueFlags: []string{"-u", "--user", "-g", "--group", "-h", "--host", "-C", "-D", "--chdir", "-p", "--prompt", "-r", "--role", "-t", "--type", "-U", "--other-user", "-T", "--command-timeout"}, assignments: true, shellFlags: []string{"-s", "--shell", "-i", "--login"}},
	"doas":    {valueFlags: []string{"-u", "-C"}, shellFlags: []string{"-s"}},
	"timeout": {valueFlags: []string{"-s", "--signal", "-k", "--kill-after"}, positionals: 1},
	"nice":    {valueFlags: []string{"-n", "--adjustment"}},
	"nohup":   {},
	"time":    {valueFlags: []string{"-f", "--format", "-o", "--output"}},
	"stdbuf":  {valueFlags: []string{"-i", "-o", "-e"}},
	"setsid":  {},
	"exec":    {valueFlags: []string{"-a"}},
	"builtin": {},
	"watch":   {valueFlags: []string{"-n", "--interval", "-d", "--differences", "-q", "--equexit"}},
	"chroot":  {valueFlags: []string{"--userspec", "--groups"}, positionals: 1},
	"flock":   {valueFlags: []string{"-w", "--timeout", "-E", "--conflict-exit-code"}, positionals: 1, shellFlags: []string{"-c", "--command"}},
	"xargs":   {valueFlags: []string{"-I", "-i", "-n", "--max-args", "-P", "--max-procs", "-L", "--max-lines", "-d", "--delimiter", "-s", "--max-chars", "-E", "-e", "-a", "--arg-file"}},
}

// runsAnyGiven are the commands that run whatever they are given however
// the rule goes on: find's -exec may follow any path or test, eval runs
// its words as a shell line, parallel takes commands from anywhere.
var runsAnyGiven = map[string]bool{"find": true, "eval": true, "parallel": true}

// wrapped is the command a wrapper runs, after the wrapper's own words,
// and whether the rule fixes one; shell is set when the wrapper takes a
// shell line instead.
func (w wrapper) wrapped(args []string) (cmd []string, shell bool) {
	positionals := w.positionals
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, _, inline := strings.Cut(a, "=")
		switch {
		case slices.Contains(w.shellFlags, name):
			return nil, true
		case slices.Contains(w.valueFlags, name):
			if !inline {
				i++
			}
		case strings.HasPrefix(a, "-"):
		case w.assignments && strings.Contains(a, "="):
		case positionals > 0:
			positionals--
		default:
			return args[i:], false
		}
	}
	return nil, false
}

// runsPackages are the subcommands of package managers and container tools
// that install or run a package, an image or code the agent names.
var runsPackages = map[string]map[string]bool{
	"npm":     {"install": true, "i": true, "add": true, "exec": true, "x": true},
	"pnpm":    {"add": true, "dlx": true, "exec": true},
	"yarn":    {"add": true, "dlx": true},
	"bun":     {"add": true, "x": true},
	"pip":     {"install": true},
	"uv":      {"run": true, "tool": true, "pip": true},
	"go":      {"run": true},
	"docker":  {"run": true, "exec": true},
	"kubectl": {"exec": true, "run": true},
	"poetry":  {"run": true, "add": true},
	"pipenv":  {"run": true, "install": true},
	"pdm":     {"run": true, "add": true},
	"hatch":   {"run": true},
	"cargo":   {"install": true},
}

// wildcardPermission says what an allow rule lets the agent do that has
// no bound, or "" for a rule with one.
func wildcardPermission(rule string) string {
	rule = strings.TrimSpace(rule)
	name, arg, hasArg := strings.Cut(rule, "(")
	arg = strings.TrimSuffix(arg, ")")
	prefix, open := commandPrefix(arg)
	switch {
	case rule == "*":
		return "use every tool, shell commands included"
	case name == "Bash" && (!hasArg || len(prefix) == 0 || strings.Trim(arg, "*: ") == ""):
		return "run any shell command"
	case name == "Bash" && open && runsAnyProgram(prefix):
		return "run any program through " + quote(strings.Join(prefix, " "))
	case name == "WebFetch" && (!hasArg || arg == "domain:*" || arg == "*"):
		return "fetch any site"
	case rule == "mcp__*" || rule == "mcp__":
		return "use every tool of every MCP server"
	case strings.HasPrefix(rule, "@") && len(rule) > 1:
		// Amazon Q's and Kiro's agents: @server is every tool of a server,
		// @server/tool one; either may be a pattern (@git-*, @*/read_*).
		server, tool, hasTool := strings.Cut(rule[1:], "/")
		switch {
		case hasTool && tool != "*":
		case strings.Trim(server, "*") == "":
			return "use every tool of every MCP server"
		case strings.ContainsAny(server, "*?"):
			return "use every tool of the MCP servers matching " + quote(server)
		default:
			return "use every tool of MCP server " + quote(server)
		}
	case strings.HasPrefix(rule, "mcp__"):
		// mcp__server and mcp__server__* name a whole server, mcp__server__tool one tool.
		server, tool, _ := strings.Cut(rule[len("mcp__"):], "__")
		if tool == "" || tool == "*" {
			return "use every tool of MCP server " + quote(server)
		}
	}
	return ""
}

// commandPrefix reads the pattern of a Bash rule: the words every command
// it allows starts with, and whether any arguments may follow them. Claude
// Code writes the same prefix rule as "npm test:*" and "npm test *"; a
// rule with no wildcard allows one exact command.
func commandPrefix(pattern string) (words []string, open bool) {
	pattern, open = strings.CutSuffix(strings.TrimSpace(pattern), ":*")
	for _, w := range strings.Fields(pattern) {
		if rest, ok := strings.CutSuffix(w, "*"); ok {
			if rest = strings.TrimRight(rest, "*"); rest != "" {
				words = append(words, rest) // "npm*" allows npm and what starts with it
			}
			return words, true
		}
		words = append(words, w)
	}
	return words, open
}

// stopFlags make a command print or check something and stop, running
// nothing it is given: node --check:* only checks syntax.
var stopFlags = map[string]bool{"--version": true, "--help": true, "--check": true}

// commandStopFlags are a command's own flags of that kind: command -v
// says where a command is, and runs it not.
var commandStopFlags = map[string]map[string]bool{"command": {"-v": true, "-V": true}}

// runsAnyProgram reports whether a command followed by any arguments may
// run any program: one that runs the command it is given, an interpreter,
// shell or launcher with only flags after it, or a subcommand that
// installs or runs a package.
func runsAnyProgram(words []string) bool {
	cmd, args := unversioned(commandName(words[0])), words[1:]
	if slices.ContainsFunc(args, func(a string) bool { return stopFlags[a] || commandStopFlags[cmd][a] }) {
		return false
	}
	if runsAnyGiven[cmd] {
		return true
	}
	if w, ok := wrappers[cmd]; ok {
		// With the command it wraps left open, it may be any program.
		wrapped, shell := w.wrapped(args)
		return shell || len(wrapped) == 0 || runsAnyProgram(wrapped)
	}
	i := slices.IndexFunc(args, func(a string) bool { return !strings.HasPrefix(a, "-") })
	if i < 0 {
		return runsAnything[cmd]
	}
	return runsPackages[cmd][args[i]]
}

// unversioned is a command's name without its version: python3.12 and
// node18 are python and node.
func unversioned(name string) string {
	return strings.TrimSuffix(strings.TrimRight(name, "0123456789."), "-")
}
