package rules

import (
	"regexp"
	"strings"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "unpinned-server",
			Title:            "An MCP server runs from a package with no fixed version",
			Severity:         finding.Error,
			SecuritySeverity: 7.5,
			OWASP:            []string{"ASI04"},
			ATF:              []string{"I-5"},
			Rationale: `An MCP server started as ` + "`npx -y some-server`" + `, ` + "`uvx some-server`" + ` or
` + "`docker run some/image`" + ` runs whatever the registry serves that day: a new
release, or a hijacked one, reaches the agent with every permission the
server had, and no review sees it. The capability manifest (I-5) cannot
describe code that changes under it. A package is pinned with an exact
version (` + "`pkg@1.2.3`" + `, ` + "`pkg==1.2.3`" + `; ` + "`pkg@1.2`" + `, ` + "`^1.2.3`" + `, ` + "`>=1.2`" + ` and tags such as
` + "`latest`" + ` are not), a git source with a commit or a version tag, an image with
a digest or a tag other than ` + "`latest`" + `. atflint reads npx, ` + "`npm exec`" + `, bunx,
` + "`pnpm dlx`" + `, ` + "`yarn dlx`" + `, uvx, ` + "`uv tool run`" + `, ` + "`pipx run`" + `, ` + "`dnx`" + ` and ` + "`docker run`" + ` or
` + "`podman run`" + `, ` + "`go run pkg@version`" + ` (` + "`@latest`" + ` and branches are not versions),
` + "`uv run --with pkg`" + ` and ` + "`deno run npm:pkg`" + ` or ` + "`jsr:`" + ` or a URL, also behind
` + "`cmd /c`" + `; a local path or an archive URL names no registry package and is
left alone.

Pin the version, and update it as a reviewed change.`,
			Lang: "json",
			Bad: `-- .mcp.json --
{"mcpServers": {"github": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"]}}}
`,
			Good: `-- .mcp.json --
{"mcpServers": {"github": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"]}}}
`,
		},
		check: func(p *Pass) {
			p.agents(func(a *model.Agent) {
				for _, s := range a.Servers {
					for _, u := range unpinned(s) {
						p.Reportf(u.arg.Span, "MCP server %s runs %s %s with no fixed version, so each start may run different code; pin it", quote(s.Name), quote(withoutUserinfo(u.arg.Value)), u.from)
					}
				}
			})
		},
	})
}

// A flagRole says what a launcher's flag does to the arguments after it.
// Flags not in a launcher's table take no value.
type flagRole int

const (
	valueFlag   flagRole = iota + 1 // takes the next argument as its value
	packageFlag                     // takes the package to run; the positional argument is then a command name
	shellFlag                       // takes a shell line to run, which names no package
	shellSwitch                     // takes no value; the positional argument is a shell line
	versionFlag                     // takes the version of the package the positional argument names
)

// A launcher fetches a package or image by name and runs it.
type launcher struct {
	from  string              // where it fetches from, for the message
	flags map[string]flagRole // the flags that take a value or change the positional argument
	// flagsOnly is set for a launcher whose positional argument is a
	// command or script, never a package: uv run takes packages in --with.
	flagsOnly bool
	// fixed reports whether a spec names code that does not change, and
	// whether it names a git repository rather than a package.
	fixed func(spec string) (fixed, git bool)
}

// withValues adds flags that take a value to a table of flags.
func withValues(flags map[string]flagRole, names ...string) map[string]flagRole {
	for _, n := range names {
		flags[n] = valueFlag
	}
	return flags
}

var (
	npmExec = &launcher{from: "from npm", fixed: fixedNPM, flags: withValues(
		map[string]flagRole{"--package": packageFlag, "-p": packageFlag, "--call": shellFlag, "-c": shellFlag},
		"--registry", "--cache", "--userconfig", "--prefix", "--workspace", "-w", "--loglevel", "--node-options", "--shell")}
	bunx = &launcher{from: "from npm", fixed: fixedNPM,
		flags: map[string]flagRole{"--package": packageFlag, "-p": packageFlag}}
	pnpmDlx = &launcher{from: "from npm", fixed: fixedNPM, flags: withValues(
		map[string]flagRole{"--package": packageFlag, "--shell-mode": shellSwitch, "-c": shellSwitch},
		"--allow-build")}
	yarnDlx = &launcher{from: "from npm", fixed: fixedNPM,
		flags: map[string]flagRole{"--package": packageFlag, "-p": packageFlag}}
	uvx = &launcher{from: "from PyPI", fixed: fixedPython, flags: withValues(
		map[string]flagRole{"--from": packageFlag},
		"--with", "-w", "--with-editable", "--with-requirements", "--python", "-p", "--python-platform",
		"--index", "--index-url", "-i", "--extra-index-url", "--default-index", "--find-links", "-f",
		"--constraint", "--constraints", "-c", "--build-constraint", "--build-constraints", "-b",
		"--override", "--overrides", "--config-setting", "-C", "--directory", "--project", "--config-file",
		"--cache-dir", "--env-file", "--color", "--index-strategy", "--keyring-provider", "--resolution",
		"--prerelease", "--exclude-newer", "--link-mode", "--allow-insecure-host", "--refresh-package",
		"--reinstall-package", "--upgrade-package", "-P", "--no-build-package", "--no-binary-package",
		"--torch-backend")}
	pipxRun = &launcher{from: "from PyPI", fixed: fixedPython, flags: withValues(
		map[string]flagRole{"--spec": packageFlag},
		"--python", "--index-url", "--pip-args")}
	uvRun = &launcher{from: "from PyPI", fixed: fixedPython, flagsOnly: true, flags: withValues(
		map[string]flagRole{"--with": packageFlag, "-w": packageFlag},
		"--with-editable", "--with-requirements", "--python", "-p", "--index", "--index-url", "-i",
		"--extra-index-url", "--directory", "--project", "--package", "--env-file", "--config-file", "--cache-dir")}
	goRun = &launcher{from: "from the Go module proxy", fixed: fixedGo, flags: withValues(
		map[string]flagRole{}, "-mod", "-tags", "-ldflags", "-gcflags", "-exec", "-C", "-modfile", "-overlay", "-pgo")}
	denoRun = &launcher{from: "from npm or JSR", fixed: fixedDeno, flags: withValues(
		map[string]flagRole{}, "--config", "-c", "--import-map", "--lock", "--cert", "--location", "--env-file", "--inspect")}
	// dnx (dotnet tool exec, learn.microsoft.com/dotnet/core/tools/dotnet-tool-exec)
	// runs a NuGet tool package: Pkg@1.2.3 pins it, and so does --version
	// 1.2.3, which the command takes though its page does not list it
	// (dotnet/sdk ToolExecuteCommandDefinition.cs).
	dnx = &launcher{from: "from NuGet", fixed: fixedNuGet, flags: withValues(
		map[string]flagRole{"--version": versionFlag}, "--source", "--add-source", "--configfile", "--framework", "--arch", "-a", "--verbosity", "-v")}
	containerRun = &launcher{from: "as a container image", fixed: fixedImage, flags: withValues(
		map[string]flagRole{},
		"-e", "--env", "--env-file", "-v", "--volume", "--name", "-p", "--publish", "--network", "--net",
		"--network-alias", "--mount", "-w", "--workdir", "-u", "--user", "--entrypoint", "--platform",
		"-l", "--label", "--label-file", "--add-host", "--cap-add", "--cap-drop", "--security-opt", "--pull",
		"--memory", "-m", "--memory-swap", "--memory-reservation", "--hostname", "-h", "--cpus",
		"--cpu-shares", "-c", "--cpuset-cpus", "--shm-size", "--ulimit", "--device", "--dns", "--dns-search",
		"--dns-option", "--tmpfs", "--log-driver", "--log-opt", "--restart", "--runtime", "--gpus", "--ipc",
		"--pid", "--pids-limit", "--uts", "--userns", "--group-add", "--stop-signal", "--stop-timeout",
		"--health-cmd", "--cidfile", "--volumes-from", "--link", "--expose", "--ip", "--ip6", "--mac-address",
		"--attach", "-a", "--cgroup-parent", "--cgroupns", "--isolation", "--sysctl", "--storage-opt",
		"--detach-keys")}
)

// launchers are the launchers by the words that start them.
var launchers = map[string]*launcher{
	"npx": npmExec, "npm exec": npmExec, "npm x": npmExec,
	"bunx": bunx, "bun x": bunx,
	"pnpx": pnpmDlx, "pnpm dlx": pnpmDlx, "yarn dlx": yarnDlx,
	"uvx": uvx, "uv tool run": uvx, "uv run": uvRun, "pipx run": pipxRun,
	"go run": goRun, "deno run": denoRun,
	"dnx": dnx, "dotnet dnx": dnx, "dotnet tool exec": dnx,
	"docker run": containerRun, "docker container run": containerRun,
	"podman run": containerRun, "podman container run": containerRun,
}

// launcherCommands are the first words of launchers, and cmd, which can run
// one.
var launcherCommands = func() map[string]bool {
	cmds := map[string]bool{"cmd": true}
	for words := range launchers {
		cmd, _, _ := strings.Cut(words, " ")
		cmds[cmd] = true
	}
	return cmds
}()

// globalValueFlags are, by command, the flags that take a value and may come
// before its subcommand: docker --context ci run ..., npm --prefix srv
// exec ..., uv --directory d tool run ....
var globalValueFlags = map[string]map[string]bool{
	"docker": {"--config": true, "--context": true, "-c": true, "--host": true, "-H": true, "--log-level": true, "-l": true},
	"podman": {"--config": true, "--connection": true, "-c": true, "--url": true, "--log-level": true, "--root": true, "--runroot": true},
	"npm":    {"--prefix": true, "--registry": true, "--cache": true, "--userconfig": true, "--workspace": true, "-w": true, "--loglevel": true},
	"pnpm":   {"--dir": true, "-C": true, "--filter": true, "-F": true, "--registry": true},
	"yarn":   {"--cwd": true, "--registry": true},
	"bun":    {"--cwd": true, "--config": true, "-c": true},
	"uv":     {"--directory": true, "--project": true, "--config-file": true, "--cache-dir": true, "--color": true, "--python": true, "-p": true},
	"pipx":   {"--python": true},
}

// An unpinnedPackage is a package or image a server runs with no fixed
// version.
type unpinnedPackage struct {
	arg  model.Field[string] // the argument that names it, its value the spec alone
	from string              // where it is fetched from
}

// unpinned finds the packages or images a server is started from that have
// no fixed version.
func unpinned(s *model.Server) []unpinnedPackage {
	argv := append(split(s.Command), s.Args...)
	l, args := launcherOf(argv)
	if l == nil {
		return nil
	}
	var found []unpinnedPackage
	for _, pkg := range l.packages(args) {
		fixed, git := l.fixed(pkg.Value)
		if fixed {
			continue
		}
		from := l.from
		if git {
			from = "from git"
		}
		found = append(found, unpinnedPackage{pkg, from})
	}
	return found
}

// Launched lists the packages and images a server's command fetches and
// runs, as written with their versions, userinfo left out: what
// atflint.lock pins of a server besides its command.
func Launched(s *model.Server) []string {
	l, args := launcherOf(append(split(s.Command), s.Args...))
	if l == nil {
		return nil
	}
	var out []string
	for _, pkg := range l.packages(args) {
		out = append(out, withoutUserinfo(pkg.Value))
	}
	return out
}

// split splits a command that holds its arguments ("npx -y pkg") into
// words, each at the span of the whole. Only a command line that starts
// with a launcher is split, so that a path with spaces stays whole.
func split(f model.Field[string]) []model.Field[string] {
	words := strings.Fields(f.Value)
	if len(words) < 2 || !launcherCommands[commandName(words[0])] {
		return []model.Field[string]{f}
	}
	fields := make([]model.Field[string], len(words))
	for i, w := range words {
		fields[i] = model.Field[string]{Value: w, Span: f.Span}
	}
	return fields
}

// launcherOf finds the launcher a command line starts and the arguments it
// is given. A launcher is a command and up to two subcommands (docker
// container run).
func launcherOf(argv []model.Field[string]) (*launcher, []model.Field[string]) {
	if len(argv) == 0 {
		return nil, nil
	}
	words, args := commandName(argv[0].Value), argv[1:]
	switch words {
	case "cmd":
		return launcherOf(cmdRuns(args))
	case "sh", "bash", "zsh", "dash":
		return launcherOf(shellRuns(args))
	}
	valueFlags := globalValueFlags[words]
	for range 3 {
		if l := launchers[words]; l != nil {
			return l, args
		}
		i := 0
		for ; i < len(args) && strings.HasPrefix(args[i].Value, "-"); i++ {
			if valueFlags[args[i].Value] {
				i++
			}
		}
		if i >= len(args) {
			break
		}
		words, args = words+" "+args[i].Value, args[i+1:]
	}
	return nil, nil
}

// cmdRuns is the command line that cmd /c (or /k) runs, split when it came
// as one argument.
func cmdRuns(args []model.Field[string]) []model.Field[string] {
	for i, a := range args {
		switch {
		case strings.EqualFold(a.Value, "/c") || strings.EqualFold(a.Value, "/k"):
			if i+1 == len(args) {
				return nil
			}
			return append(split(args[i+1]), args[i+2:]...)
		case !strings.HasPrefix(a.Value, "/"):
			return nil
		}
	}
	return nil
}

// shellRuns is the command line a POSIX shell runs with -c (or -lc and
// the like): bash -lc "npx -y pkg".
func shellRuns(args []model.Field[string]) []model.Field[string] {
	for i, a := range args {
		switch {
		case !strings.HasPrefix(a.Value, "-") || strings.HasPrefix(a.Value, "--"):
			return nil
		case strings.Contains(a.Value, "c") && i+1 < len(args):
			return split(args[i+1])
		}
	}
	return nil
}

// packages finds what a launcher fetches: the values of its package flags,
// or else its first positional argument. What follows that argument, or
// "--", belongs to the server, not to the launcher.
func (l *launcher) packages(args []model.Field[string]) []model.Field[string] {
	var named []model.Field[string]
	shell := false
	version, hasVersion := "", false
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a.Value == "--" && i+1 < len(args) {
			a = args[i+1]
		} else if strings.HasPrefix(a.Value, "-") {
			flag, value, inline := strings.Cut(a.Value, "=")
			role := l.flags[flag]
			if role == shellSwitch {
				shell = true
			}
			if role == 0 || role == shellSwitch {
				continue
			}
			if !inline {
				if i++; i == len(args) {
					break
				}
				a, value = args[i], args[i].Value
			}
			a.Value = value
			switch role {
			case packageFlag:
				named = append(named, a)
			case shellFlag:
				shell = true
			case versionFlag:
				version, hasVersion = value, true
			}
			continue
		}
		if len(named) > 0 || shell || l.flagsOnly {
			break // a is the command to run from the named packages, or in the shell
		}
		if !hasVersion {
			version, hasVersion = l.versionIn(args[i+1:])
		}
		if hasVersion && !strings.Contains(a.Value, "@") {
			a.Value += "@" + version
		}
		return []model.Field[string]{a}
	}
	return named
}

// versionIn finds the value of a launcher's version flag among the
// arguments after its package, before those it passes on (after --).
func (l *launcher) versionIn(args []model.Field[string]) (string, bool) {
	for i := 0; i < len(args); i++ {
		flag, value, inline := strings.Cut(args[i].Value, "=")
		switch {
		case flag == "--":
			return "", false
		case l.flags[flag] != versionFlag:
			if l.flags[flag] != 0 && l.flags[flag] != shellSwitch && !inline {
				i++ // its value
			}
		case inline:
			return value, true
		case i+1 < len(args):
			return args[i+1].Value, true
		}
	}
	return "", false
}

var (
	// exactSemver is an npm version that names one release.
	exactSemver = regexp.MustCompile(`^v?[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)
	// exactPEP440 is a Python version with no wildcard, range or list.
	exactPEP440 = regexp.MustCompile(`^([0-9]+!)?[0-9]+(\.[0-9]+)*([-_.+]?[0-9A-Za-z]+)*$`)
	// fixedRef is a git ref that does not move: a commit, or a version tag.
	fixedRef = regexp.MustCompile(`^([0-9a-fA-F]{7,40}|v?[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?)$`)
	// localPath is a package spec that names a path on this machine.
	localPath = regexp.MustCompile(`^(\.|~/|/|\\|[A-Za-z]:[/\\]|file:)`)
)

// archiveURL reports whether a spec is a URL of one archive file, which no
// registry serves.
func archiveURL(spec string) bool {
	if !strings.Contains(spec, "://") {
		return false
	}
	for _, ext := range []string{".tgz", ".tar.gz", ".whl", ".zip"} {
		if strings.HasSuffix(spec, ext) {
			return true
		}
	}
	return false
}

// fixedNPM reports whether an npm package spec names one release, or code
// that is not fetched from the registry.
func fixedNPM(spec string) (fixed, git bool) {
	if localPath.MatchString(spec) || archiveURL(spec) {
		return true, false
	}
	// A git source: github:org/repo, git+https://..., or org/repo, which
	// npm reads as a GitHub repository.
	if strings.Contains(spec, ":") || (strings.Contains(spec, "/") && !strings.HasPrefix(spec, "@")) {
		_, ref, _ := strings.Cut(spec, "#")
		return fixedRef.MatchString(ref), true
	}
	_, version, _ := strings.Cut(strings.TrimPrefix(spec, "@"), "@")
	return exactSemver.MatchString(version), false
}

// fixedPython reports whether a Python requirement names one release, or
// code that is not fetched from the index.
func fixedPython(spec string) (fixed, git bool) {
	spec = strings.ReplaceAll(spec, " ", "") // "pkg == 1.0", "pkg @ git+https://..."
	if localPath.MatchString(spec) || archiveURL(spec) {
		return true, false
	}
	if i := strings.Index(spec, "git+"); i >= 0 {
		// git+https://host/org/repo@ref#egg=pkg: the ref is after the
		// last @ of the path, past any user@ of the host.
		url, _, _ := strings.Cut(spec[i:], "#")
		_, rest, _ := strings.Cut(url, "://")
		_, repo, _ := strings.Cut(rest, "/")
		at := strings.LastIndexByte(repo, '@')
		return at >= 0 && fixedRef.MatchString(repo[at+1:]), true
	}
	if _, version, ok := strings.Cut(spec, "==="); ok {
		return version != "", false
	}
	if _, version, ok := strings.Cut(spec, "=="); ok {
		return exactPEP440.MatchString(version), false
	}
	_, version, _ := strings.Cut(spec, "@") // uvx's pkg@1.2.3
	return exactPEP440.MatchString(version), false
}

// fixedGo reports whether go run's package names one version: a module
// query other than an exact version (pkg@latest, pkg@main) is unpinned;
// a package with no @ is a local one, or one of the module's own go.mod.
func fixedGo(spec string) (fixed, git bool) {
	_, version, ok := strings.Cut(spec, "@")
	return !ok || localPath.MatchString(spec) || exactSemver.MatchString(version), false
}

// fixedDeno reports whether deno run's module names one release: an
// npm: or jsr: spec with an exact version, a local path, or a URL with an
// exact version in it; anything else is what the registry serves today.
func fixedDeno(spec string) (fixed, git bool) {
	switch {
	case localPath.MatchString(spec):
		return true, false
	case strings.HasPrefix(spec, "npm:"):
		return fixedNPM(strings.TrimPrefix(spec, "npm:"))
	case strings.HasPrefix(spec, "jsr:"):
		return fixedNPM(strings.TrimPrefix(spec, "jsr:"))
	case strings.Contains(spec, "://"):
		return urlVersion.MatchString(spec), false
	}
	return true, false // a file name: a script of the repository
}

// fixedNuGet reports whether a NuGet tool spec names one version:
// Pkg@1.2.3 or the exact range Pkg@[1.2.3]. A bare name, an empty
// version, a floating one (1.*) or a range is the newest that matches.
func fixedNuGet(spec string) (fixed, git bool) {
	if localPath.MatchString(spec) {
		return true, false
	}
	_, version, _ := strings.Cut(spec, "@")
	if strings.HasPrefix(version, "[") && strings.HasSuffix(version, "]") && !strings.Contains(version, ",") {
		version = version[1 : len(version)-1]
	}
	return exactNuGet.MatchString(version), false
}

// exactNuGet is a NuGet version that names one release: three or four
// numbers, and a prerelease label.
var exactNuGet = regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+(\.[0-9]+)?(-[0-9A-Za-z.-]+)?$`)

// urlVersion is an exact version in a module URL: @1.2.3 or @v1.2.3.
var urlVersion = regexp.MustCompile(`@v?[0-9]+\.[0-9]+\.[0-9]+([/?#]|$)`)

// fixedImage reports whether an image reference names one image: by
// digest, or by a tag other than latest. The port of a registry host
// (localhost:5000/img) is not a tag.
func fixedImage(ref string) (fixed, git bool) {
	if strings.Contains(ref, "@sha256:") {
		return true, false
	}
	last := ref[strings.LastIndex(ref, "/")+1:]
	_, tag, ok := strings.Cut(last, ":")
	return ok && tag != "" && tag != "latest", false
}

// withoutUserinfo drops the user and password from a URL in a spec, so a
// message never prints a token written there.
func withoutUserinfo(spec string) string {
	i := strings.Index(spec, "://")
	if i < 0 {
		return spec
	}
	host := spec[i+3:]
	if slash := strings.IndexByte(host, '/'); slash >= 0 {
		host = host[:slash]
	}
	at := strings.LastIndexByte(host, '@')
	if at < 0 {
		return spec
	}
	return spec[:i+3] + spec[i+3+at+1:]
}
