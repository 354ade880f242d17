package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

func TestUnpinned(t *testing.T) {
	const sha = "0123456789abcdef0123456789abcdef01234567"
	// uvFlags gives every value flag of uvx a value that, read as the
	// package, would be reported.
	uvFlags := []string{
		"--with", "httpx", "-w", "httpx", "--with-editable", "./x", "--with-requirements", "r.txt",
		"--python", "3.12", "-p", "3.12", "--index", "https://i.example", "--index-url", "https://i.example",
		"--extra-index-url", "https://e.example", "--default-index", "https://d.example",
		"--find-links", "https://f.example", "-f", "https://f.example", "--constraint", "c.txt", "-c", "c.txt",
		"--override", "o.txt", "--directory", "d", "--project", "p", "--config-file", "uv.toml",
		"--cache-dir", "c", "--env-file", "e", "--color", "never", "--index-strategy", "unsafe-best-match",
		"--keyring-provider", "subprocess", "--resolution", "lowest", "--prerelease", "allow",
		"--exclude-newer", "2025-01-01", "--link-mode", "copy", "--allow-insecure-host", "h",
		"--refresh-package", "r", "--reinstall-package", "r", "--upgrade-package", "u", "-P", "u",
	}
	dockerFlags := []string{
		"-i", "--rm", "--memory", "512m", "-m", "512m", "--memory-swap", "1g", "--hostname", "h", "-h", "h",
		"--cpus", "2", "--cpu-shares", "512", "-c", "512", "--cpuset-cpus", "0", "--shm-size", "64m",
		"--ulimit", "nofile=1024", "--device", "/dev/x", "--dns", "1.1.1.1", "--tmpfs", "/tmp",
		"--log-driver", "none", "--log-opt", "k=v", "--restart", "no", "--runtime", "runc", "--gpus", "all",
		"--ipc", "host", "--pid", "host", "--uts", "host", "--userns", "host", "--group-add", "g",
		"--stop-signal", "TERM", "--stop-timeout", "5", "--health-cmd", "true", "--cidfile", "f",
		"--volumes-from", "c", "--link", "c", "--expose", "80", "--ip", "10.0.0.2", "--ip6", "::1",
		"--mac-address", "m", "--label-file", "f", "--attach", "stdin", "-a", "stdin", "--cgroup-parent", "p",
		"--isolation", "default", "-e", "DB_URL", "--env=A=b", "-v", "/a:/b",
	}
	npmFlags := []string{
		"-y", "--registry", "https://npm.example.com", "--cache", "/tmp/c", "--userconfig", "u",
		"--prefix", "p", "--workspace", "w", "-w", "w", "--loglevel", "silent", "--node-options", "--x", "--shell", "sh",
	}
	with := func(flags []string, rest ...string) []string { return append(slices.Clone(flags), rest...) }

	tests := []struct {
		name    string
		command string
		args    []string
		want    []string // the reported specs; none when pinned
	}{
		// Flags that take a value are not the package.
		{"docker memory", "docker", []string{"run", "-i", "--rm", "--memory", "512m", "mcp/foo:1.0"}, nil},
		{"docker memory unpinned", "docker", []string{"run", "-i", "--rm", "--memory", "512m", "mcp/foo"}, []string{"mcp/foo"}},
		{"docker run value flags pinned", "docker", append([]string{"run"}, with(dockerFlags, "mcp/foo:1.0")...), nil},
		{"docker run value flags", "docker", append([]string{"run"}, with(dockerFlags, "mcp/foo")...), []string{"mcp/foo"}},
		{"docker flag=value", "docker", []string{"run", "--memory=512m", "-m=1g", "mcp/foo"}, []string{"mcp/foo"}},
		{"docker container run", "docker", []string{"container", "run", "-i", "mcp/foo"}, []string{"mcp/foo"}},
		{"docker global flag", "docker", []string{"--context", "ci", "run", "mcp/foo"}, []string{"mcp/foo"}},
		{"podman", "podman", []string{"run", "-i", "mcp/foo:latest"}, []string{"mcp/foo:latest"}},
		{"docker exec", "docker", []string{"exec", "-i", "box", "run"}, nil},
		{"uvx python", "uvx", []string{"--python", "3.12", "mcp-server-fetch==1.0"}, nil},
		{"uvx -p is python", "uvx", []string{"-p", "3.12", "mcp-server-fetch"}, []string{"mcp-server-fetch"}},
		{"uvx with", "uvx", []string{"--with", "httpx", "mcp-thing==2.0"}, nil},
		{"uvx with unpinned", "uvx", []string{"--with", "httpx", "mcp-thing"}, []string{"mcp-thing"}},
		{"uvx every value flag", "uvx", with(uvFlags, "mcp-thing==2.0"), nil},
		{"uvx every value flag unpinned", "uvx", with(uvFlags, "mcp-thing"), []string{"mcp-thing"}},
		{"uvx from", "uvx", []string{"--from", "mcp-tools", "mcp-tool-cli"}, []string{"mcp-tools"}},
		{"uvx from pinned", "uvx", []string{"--from", "mcp-tools==1.0.0", "mcp-tool-cli"}, nil},
		{"uvx from=", "uvx", []string{"--from=mcp-tools", "mcp-tool-cli"}, []string{"mcp-tools"}},
		{"uvx server flags", "uvx", []string{"mcp-thing==2.0", "--from", "x", "--python", "y"}, nil},
		{"npx registry", "npx", []string{"--registry", "https://npm.example.com", "pkg@1.0.0"}, nil},
		{"npx registry unpinned", "npx", []string{"--registry", "https://npm.example.com", "pkg"}, []string{"pkg"}},
		{"npx every value flag", "npx", with(npmFlags, "pkg@1.0.0"), nil},
		{"npx every value flag unpinned", "npx", with(npmFlags, "pkg"), []string{"pkg"}},
		{"npx package", "npx", []string{"-y", "--package", "@acme/tools@1.2.3", "acme-mcp"}, nil},
		{"npx package unpinned", "npx", []string{"-y", "-p", "@acme/tools", "acme-mcp"}, []string{"@acme/tools"}},
		{"npx package=", "npx", []string{"--package=@acme/tools", "acme-mcp"}, []string{"@acme/tools"}},
		{"npx packages", "npx", []string{"-p", "a", "-p", "b@1.0.0", "-p", "c", "tool"}, []string{"a", "c"}},
		{"npx call", "npx", []string{"-c", "eslint ."}, nil},
		{"npx call=", "npx", []string{"--call=eslint ."}, nil},
		{"npx call with package", "npx", []string{"-p", "eslint", "-c", "eslint ."}, []string{"eslint"}},
		{"npx server flags", "npx", []string{"-y", "pkg@1.0.0", "--package", "x", "-p", "y"}, nil},
		{"npx no package", "npx", []string{"-y"}, nil},
		{"npm exec", "npm", []string{"exec", "pkg"}, []string{"pkg"}},
		{"npm exec --", "npm", []string{"exec", "--yes", "--", "pkg@1.0.0", "--registry", "x"}, nil},
		{"npm exec -- unpinned", "npm", []string{"exec", "--", "pkg", "1.0.0"}, []string{"pkg"}},
		{"npm exec package --", "npm", []string{"exec", "--package=pkg", "--", "tool", "x"}, []string{"pkg"}},
		{"npm x", "npm", []string{"x", "-y", "pkg"}, []string{"pkg"}},
		{"npm install", "npm", []string{"install", "pkg"}, nil},
		{"bunx", "bunx", []string{"pkg"}, []string{"pkg"}},
		{"bunx package", "bunx", []string{"-p", "pkg@1.2.3", "tool"}, nil},
		{"bunx package unpinned", "bunx", []string{"--package", "pkg", "tool"}, []string{"pkg"}},
		{"bun x", "bun", []string{"x", "pkg"}, []string{"pkg"}},
		{"bun run", "bun", []string{"run", "server.ts"}, nil},
		{"pnpm dlx", "pnpm", []string{"dlx", "pkg"}, []string{"pkg"}},
		{"pnpm dlx pinned", "pnpm", []string{"dlx", "pkg@1.0.0"}, nil},
		{"pnpm dlx shell", "pnpm", []string{"dlx", "-c", "echo hi | cowsay"}, nil},
		{"pnpm dlx shell package", "pnpm", []string{"dlx", "--package", "cowsay", "-c", "echo hi | cowsay"}, []string{"cowsay"}},
		{"pnpx", "pnpx", []string{"pkg"}, []string{"pkg"}},
		{"go run latest", "go", []string{"run", "github.com/acme/mcp/cmd/server@latest"}, []string{"github.com/acme/mcp/cmd/server@latest"}},
		{"go run branch", "go", []string{"run", "-tags", "x", "github.com/acme/mcp@main", "--stdio"}, []string{"github.com/acme/mcp@main"}},
		{"go run version", "go", []string{"run", "github.com/acme/mcp/cmd/server@v1.4.2"}, nil},
		{"go run local", "go", []string{"run", "./cmd/server"}, nil},
		{"go run module's own", "go", []string{"run", "github.com/acme/mcp/cmd/server"}, nil},
		{"go build", "go", []string{"build", "github.com/acme/mcp@latest"}, nil},
		{"uv run with", "uv", []string{"run", "--with", "mcp-thing", "server.py"}, []string{"mcp-thing"}},
		{"uv run with pinned", "uv", []string{"run", "--with", "mcp-thing==1.2.0", "--python", "3.12", "server.py"}, nil},
		{"uv run script", "uv", []string{"run", "server.py"}, nil},
		{"deno npm", "deno", []string{"run", "-A", "npm:@acme/mcp"}, []string{"npm:@acme/mcp"}},
		{"deno npm pinned", "deno", []string{"run", "--allow-net", "npm:@acme/mcp@1.0.0"}, nil},
		{"deno jsr", "deno", []string{"run", "jsr:@acme/mcp"}, []string{"jsr:@acme/mcp"}},
		{"deno url", "deno", []string{"run", "-A", "https://deno.land/x/mcp/main.ts"}, []string{"https://deno.land/x/mcp/main.ts"}},
		{"deno url pinned", "deno", []string{"run", "https://deno.land/x/mcp@v1.2.3/main.ts"}, nil},
		{"deno local", "deno", []string{"run", "-c", "deno.json", "main.ts"}, nil},
		{"yarn dlx", "yarn", []string{"dlx", "pkg"}, []string{"pkg"}},
		{"yarn dlx package", "yarn", []string{"dlx", "-p", "pkg@1.0.0", "tool"}, nil},
		{"uv tool run", "uv", []string{"tool", "run", "pkg"}, []string{"pkg"}},
		{"uv tool run pinned", "uv", []string{"tool", "run", "--python", "3.12", "pkg==1.0"}, nil},
		{"uv run", "uv", []string{"run", "server.py"}, nil},
		{"pipx run", "pipx", []string{"run", "pkg"}, []string{"pkg"}},
		{"pipx run pinned", "pipx", []string{"run", "pkg==1.0.0"}, nil},
		{"pipx run spec", "pipx", []string{"run", "--spec", "pkg==1.0", "app"}, nil},
		{"pipx run spec unpinned", "pipx", []string{"run", "--python", "3.12", "--index-url", "https://i.example", "--pip-args", "-q", "--spec", "pkg", "app"}, []string{"pkg"}},
		{"pipx install", "pipx", []string{"install", "pkg"}, nil},
		{"dnx pinned", "dnx", []string{"NuGet.Mcp.Server@1.0.0", "--yes", "--", "--stdio"}, nil},
		{"dnx exact range", "dnx", []string{"Pkg@[2.1.0]", "--yes"}, nil},
		{"dnx four parts", "dnx", []string{"Pkg@2.1.0.4"}, nil},
		{"dnx bare", "dnx", []string{"NuGet.Mcp.Server", "--yes"}, []string{"NuGet.Mcp.Server"}},
		{"dnx empty version", "dnx", []string{"--source", "https://feed.example/v3/index.json", "Pkg@", "--yes"}, []string{"Pkg@"}},
		{"dnx floating", "dnx", []string{"Pkg@1.*"}, []string{"Pkg@1.*"}},
		{"dnx range", "dnx", []string{"Pkg@[1.0,2.0)"}, []string{"Pkg@[1.0,2.0)"}},
		{"dnx --version", "dnx", []string{"Some.Mcp.Server", "--version", "1.0.0", "--yes"}, nil},
		{"dnx --version=", "dnx", []string{"--version=1.0.0", "Some.Mcp.Server"}, nil},
		{"dnx --version floating", "dnx", []string{"Some.Mcp.Server", "--version", "1.*"}, []string{"Some.Mcp.Server@1.*"}},
		{"dnx --version after --", "dnx", []string{"Some.Mcp.Server", "--", "--version", "1.0.0"}, []string{"Some.Mcp.Server"}},
		{"dotnet tool exec", "dotnet", []string{"tool", "exec", "Pkg", "-y"}, []string{"Pkg"}},
		{"cmd /c", "cmd", []string{"/c", "npx", "-y", "pkg"}, []string{"pkg"}},
		{"cmd.exe /c pinned", "cmd.exe", []string{"/c", "npx", "-y", "pkg@1.0.0"}, nil},
		{"cmd /s /c one argument", "cmd", []string{"/s", "/c", "npx -y pkg"}, []string{"pkg"}},
		{"cmd /c no launcher", "cmd", []string{"/c", "node", "server.js"}, nil},
		{"command holds args", "npx -y @mcp/server-github", nil, []string{"@mcp/server-github"}},
		{"command holds args pinned", "npx -y @mcp/server-github@1.0.0", nil, nil},
		{"command holds some args", "docker run -i", []string{"mcp/foo"}, []string{"mcp/foo"}},
		{"command cmd /c", "cmd /c npx -y pkg", nil, []string{"pkg"}},
		{"path with spaces", `C:\Program Files\nodejs\NPX.CMD`, []string{"-y", "pkg"}, []string{"pkg"}},
		{"not a launcher", "node", []string{"build/index.js", "npx", "pkg"}, nil},
		{"not a launcher string", "python -m npx", nil, nil},

		// What counts as pinned on npm.
		{"npm exact", "npx", []string{"pkg@2025.4.8"}, nil},
		{"npm prerelease", "npx", []string{"pkg@1.2.3-rc.1"}, nil},
		{"npm build", "npx", []string{"pkg@1.2.3+build.5"}, nil},
		{"npm scoped", "npx", []string{"@scope/pkg@1.2.3"}, nil},
		{"npm scoped unpinned", "npx", []string{"@scope/pkg"}, []string{"@scope/pkg"}},
		{"npm two parts", "npx", []string{"pkg@1.2"}, []string{"pkg@1.2"}},
		{"npm caret", "npx", []string{"pkg@^1.2.3"}, []string{"pkg@^1.2.3"}},
		{"npm tilde", "npx", []string{"pkg@~1.2.3"}, []string{"pkg@~1.2.3"}},
		{"npm star", "npx", []string{"pkg@*"}, []string{"pkg@*"}},
		{"npm x range", "npx", []string{"pkg@1.x"}, []string{"pkg@1.x"}},
		{"npm at least", "npx", []string{"pkg@>=1.0.0"}, []string{"pkg@>=1.0.0"}},
		{"npm latest", "npx", []string{"pkg@latest"}, []string{"pkg@latest"}},
		{"npm next", "npx", []string{"pkg@next"}, []string{"pkg@next"}},
		{"npm beta", "npx", []string{"@scope/pkg@beta"}, []string{"@scope/pkg@beta"}},
		{"npm git sha", "npx", []string{"github:org/repo#abc1234"}, nil},
		{"npm git tag", "npx", []string{"github:org/repo#v1.2.0"}, nil},
		{"npm git full sha", "npx", []string{"git+https://github.com/org/repo.git#" + sha}, nil},
		{"npm git branch", "npx", []string{"github:org/repo#main"}, []string{"github:org/repo#main"}},
		{"npm git no ref", "npx", []string{"git+https://github.com/org/repo.git"}, []string{"git+https://github.com/org/repo.git"}},
		{"npm git semver range", "npx", []string{"github:org/repo#semver:^1.0.0"}, []string{"github:org/repo#semver:^1.0.0"}},
		{"npm github shorthand", "npx", []string{"org/repo"}, []string{"org/repo"}},
		{"npm github shorthand tag", "npx", []string{"org/repo#v1.2.0"}, nil},
		{"npm local", "npx", []string{"./server"}, nil},
		{"npm parent", "npx", []string{"../server"}, nil},
		{"npm absolute", "npx", []string{"/opt/server"}, nil},
		{"npm file", "npx", []string{"file:../server"}, nil},
		{"npm tarball", "npx", []string{"https://example.com/pkg-1.0.0.tgz"}, nil},

		// What counts as pinned on PyPI.
		{"python exact", "uvx", []string{"pkg==1.2.3"}, nil},
		{"python arbitrary equality", "uvx", []string{"pkg===1.2.3-custom"}, nil},
		{"python extras", "uvx", []string{"--from", "pkg[cli]==1.0.post1", "pkg"}, nil},
		{"python at", "uvx", []string{"pkg@1.2.3"}, nil},
		{"python wildcard", "uvx", []string{"pkg==1.*"}, []string{"pkg==1.*"}},
		{"python at least", "uvx", []string{"--from", "pkg>=1.0", "pkg"}, []string{"pkg>=1.0"}},
		{"python compatible", "uvx", []string{"--from", "pkg~=1.0", "pkg"}, []string{"pkg~=1.0"}},
		{"python latest", "uvx", []string{"pkg@latest"}, []string{"pkg@latest"}},
		{"python git sha", "uvx", []string{"--from", "git+https://github.com/org/repo@" + sha, "tool"}, nil},
		{"python git tag", "uvx", []string{"--from", "git+https://github.com/org/repo.git@v1.2.0#egg=pkg", "tool"}, nil},
		{"python git named", "pipx", []string{"run", "--spec", "pkg @ git+ssh://git@github.com/org/repo@v1.2.0", "tool"}, nil},
		{"python git branch", "uvx", []string{"--from", "git+https://github.com/org/repo@main", "tool"}, []string{"git+https://github.com/org/repo@main"}},
		{"python git no ref", "uvx", []string{"--from", "git+ssh://git@github.com/org/repo", "tool"}, []string{"git+ssh://git@github.com/org/repo"}},
		{"python local", "uvx", []string{"--from", ".", "tool"}, nil},
		{"python archive", "uvx", []string{"--from", "https://example.com/pkg-1.0-py3-none-any.whl", "tool"}, nil},

		// What counts as pinned for an image.
		{"image digest", "docker", []string{"run", "mcp/foo@sha256:" + sha + sha[:24]}, nil},
		{"image registry port", "docker", []string{"run", "localhost:5000/mcp/foo"}, []string{"localhost:5000/mcp/foo"}},
		{"image registry port tag", "docker", []string{"run", "localhost:5000/mcp/foo:1.0"}, nil},
		{"image latest", "docker", []string{"run", "mcp/foo:latest"}, []string{"mcp/foo:latest"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The command is on line 1, argument i on line i+2.
			s := &model.Server{Command: model.Field[string]{Value: tt.command, Span: onLine(1)}}
			for i, a := range tt.args {
				s.Args = append(s.Args, model.Field[string]{Value: a, Span: onLine(i + 2)})
			}
			var got []string
			for _, u := range unpinned(s) {
				got = append(got, u.arg.Value)
				at := tt.command
				if l := u.arg.Span.Start.Line; l > 1 {
					at = tt.args[l-2]
				}
				// A version given apart (dnx --version) is shown with its package.
				if !strings.Contains(at, u.arg.Value) && !strings.HasPrefix(u.arg.Value, at+"@") {
					t.Errorf("%q is reported at %q", u.arg.Value, at)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("unpinned(%q %q) = %q, want %q", tt.command, tt.args, got, tt.want)
			}
		})
	}
}

// onLine is a span on one line of a file.
func onLine(n int) syntax.Span {
	return syntax.Span{Start: syntax.Pos{Line: n, Col: 1}, End: syntax.Pos{Line: n, Col: 2}}
}

func TestWithoutUserinfo(t *testing.T) {
	tests := []struct{ spec, want string }{
		{"git+https://x-access-token:s3cr3t@github.com/org/repo#v1.0.0", "git+https://github.com/org/repo#v1.0.0"},
		{"pkg @ git+https://user@github.com/org/repo@main", "pkg @ git+https://github.com/org/repo@main"},
		{"git+https://github.com/org/repo@main", "git+https://github.com/org/repo@main"},
		{"@scope/pkg@1.0", "@scope/pkg@1.0"},
	}
	for _, tt := range tests {
		if got := withoutUserinfo(tt.spec); got != tt.want {
			t.Errorf("withoutUserinfo(%q) = %q, want %q", tt.spec, got, tt.want)
		}
	}
}
