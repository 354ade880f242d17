package rules

import (
	"path"
	"strings"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:       "unpinned-server",
			Title:    "An MCP server runs from a package with no fixed version",
			Severity: finding.Error,
			ATF:      []string{"I-5"},
			Rationale: `An MCP server started as ` + "`npx -y some-server`" + `, ` + "`uvx some-server`" + ` or
` + "`docker run some/image`" + ` runs whatever the registry serves that day: a new
release, or a hijacked one, reaches the agent with every permission the
server had, and no review sees it. The capability manifest (I-5) cannot
describe code that changes under it. A package is pinned with a version
(` + "`pkg@1.2.3`" + `, ` + "`pkg==1.2.3`" + `), an image with a digest or a tag other than ` + "`latest`" + `.

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
					if arg, what, ok := unpinned(s); ok {
						p.Reportf(arg.Span, "MCP server %s runs %s %s with no fixed version, so each start may run different code; pin it", quote(s.Name), quote(arg.Value), what)
					}
				}
			})
		},
	})
}

// launchers run a package by name: the value says from where.
var launchers = map[string]string{
	"npx": "from npm", "bunx": "from npm", "pnpx": "from npm", "uvx": "from PyPI", "pipx": "from PyPI",
	"docker": "as a container image", "podman": "as a container image",
}

// unpinned finds the package or image a server is started from, and
// reports whether it has no fixed version.
func unpinned(s *model.Server) (model.Field[string], string, bool) {
	cmd := path.Base(strings.ReplaceAll(s.Command.Value, `\`, "/"))
	cmd = strings.TrimSuffix(strings.TrimSuffix(cmd, ".cmd"), ".exe")
	args := s.Args
	what, ok := launchers[cmd]
	if !ok {
		return model.Field[string]{}, "", false
	}
	switch cmd {
	case "docker", "podman":
		img, ok := imageArg(args)
		return img, what, ok && !pinnedImage(img.Value)
	case "pipx":
		if len(args) == 0 || args[0].Value != "run" {
			return model.Field[string]{}, "", false
		}
		args = args[1:]
	}
	pkg, ok := packageArg(args)
	if !ok {
		return pkg, "", false
	}
	if cmd == "uvx" || cmd == "pipx" {
		return pkg, what, !pinnedPython(pkg.Value)
	}
	return pkg, what, !pinnedNPM(pkg.Value)
}

// packageArg is the first argument that is not a flag, or the value of
// --from / --package / -p.
func packageArg(args []model.Field[string]) (model.Field[string], bool) {
	for i := 0; i < len(args); i++ {
		v := args[i].Value
		switch {
		case v == "--from" || v == "--package" || v == "-p":
			if i+1 < len(args) {
				return args[i+1], true
			}
		case strings.HasPrefix(v, "--from=") || strings.HasPrefix(v, "--package="):
			f := args[i]
			f.Value = v[strings.IndexByte(v, '=')+1:]
			return f, true
		case strings.HasPrefix(v, "-"):
		default:
			return args[i], true
		}
	}
	return model.Field[string]{}, false
}

func pinnedNPM(spec string) bool {
	name := spec
	if strings.HasPrefix(name, "@") {
		name = name[1:]
	}
	_, version, ok := strings.Cut(name, "@")
	return ok && version != "" && version != "latest" && version != "next"
}

func pinnedPython(spec string) bool {
	if strings.Contains(spec, "==") {
		return true
	}
	_, version, ok := strings.Cut(spec, "@")
	return ok && version != "" && version != "latest"
}

// dockerValueFlags take a value, which is not the image.
var dockerValueFlags = map[string]bool{
	"-e": true, "--env": true, "-v": true, "--volume": true, "--name": true, "-p": true, "--publish": true,
	"--network": true, "--net": true, "--mount": true, "--env-file": true, "-w": true, "--workdir": true,
	"-u": true, "--user": true, "--entrypoint": true, "--platform": true, "-l": true, "--label": true,
	"--add-host": true, "--cap-add": true, "--cap-drop": true, "--security-opt": true, "--pull": true,
}

// imageArg is the image of docker run: the first argument after run that
// is neither a flag nor a flag's value.
func imageArg(args []model.Field[string]) (model.Field[string], bool) {
	i := 0
	for i < len(args) && args[i].Value != "run" {
		i++
	}
	for i++; i < len(args); i++ {
		v := args[i].Value
		switch {
		case dockerValueFlags[v]:
			i++
		case strings.HasPrefix(v, "-"):
		default:
			return args[i], true
		}
	}
	return model.Field[string]{}, false
}

func pinnedImage(ref string) bool {
	if strings.Contains(ref, "@sha256:") {
		return true
	}
	last := ref[strings.LastIndex(ref, "/")+1:]
	_, tag, ok := strings.Cut(last, ":")
	return ok && tag != "" && tag != "latest"
}
