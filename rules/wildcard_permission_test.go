package rules

import "testing"

func TestWildcardPermission(t *testing.T) {
	const anyCommand = "run any shell command"
	through := func(cmd string) string { return "run any program through " + quote(cmd) }
	tests := []struct {
		rule, want string // want is "" for a rule with a bound
	}{
		{"*", "use every tool, shell commands included"},
		{"Bash", anyCommand},
		{"Bash()", anyCommand},
		{"Bash(*)", anyCommand},
		{"Bash(:*)", anyCommand},
		{"Bash(**)", anyCommand},
		{"Bash(*:*)", anyCommand},
		{"Bash( * )", anyCommand},
		{"Bash(* --help)", anyCommand},

		// Interpreters and shells, alone or with only flags after them.
		{"Bash(python:*)", through("python")},
		{"Bash(python3:*)", through("python3")},
		{"Bash(python3.12:*)", through("python3.12")},
		{"Bash(/usr/bin/python3:*)", through("/usr/bin/python3")},
		{"Bash(node18:*)", through("node18")},
		{"Bash(python -c:*)", through("python -c")},
		{"Bash(python3 -c *)", through("python3 -c")},
		{"Bash(node -e:*)", through("node -e")},
		{"Bash(bash -c:*)", through("bash -c")},
		{"Bash(npm *)", through("npm")},
		{"Bash(npm*)", through("npm")},
		{"Bash(curl:*)", through("curl")},
		{"Bash(python scripts/check.py)", ""},
		{"Bash(python scripts/check.py:*)", ""},
		{"Bash(python -m pytest:*)", ""},
		{"Bash(python *.py)", ""},
		{"Bash(python)", ""},
		{"Bash(node --check:*)", ""},
		{"Bash(python3 --version *)", ""},
		{"Bash(npm --help:*)", ""},
		{"Bash(bash -c)", ""},

		// Package managers' subcommands that install or run a package.
		{"Bash(npm install:*)", through("npm install")},
		{"Bash(npm i *)", through("npm i")},
		{"Bash(npm -g install:*)", through("npm -g install")},
		{"Bash(npm exec:*)", through("npm exec")},
		{"Bash(npm x:*)", through("npm x")},
		{"Bash(pnpm add:*)", through("pnpm add")},
		{"Bash(pnpm dlx:*)", through("pnpm dlx")},
		{"Bash(pnpm exec:*)", through("pnpm exec")},
		{"Bash(yarn add:*)", through("yarn add")},
		{"Bash(yarn dlx:*)", through("yarn dlx")},
		{"Bash(bun add:*)", through("bun add")},
		{"Bash(bun x:*)", through("bun x")},
		{"Bash(pip install:*)", through("pip install")},
		{"Bash(pip3 install *)", through("pip3 install")},
		{"Bash(uv run:*)", through("uv run")},
		{"Bash(uv tool:*)", through("uv tool")},
		{"Bash(uv pip:*)", through("uv pip")},
		{"Bash(go run:*)", through("go run")},
		{"Bash(docker run:*)", through("docker run")},
		{"Bash(docker run * --rm)", through("docker run")},
		{"Bash(docker exec:*)", through("docker exec")},
		{"Bash(kubectl exec:*)", through("kubectl exec")},
		{"Bash(npm test:*)", ""},
		{"Bash(npm audit *)", ""},
		{"Bash(npm run lint)", ""},
		{"Bash(npm install)", ""},
		{"Bash(go test:*)", ""},
		{"Bash(go vet *)", ""},
		{"Bash(uv sync:*)", ""},
		{"Bash(docker ps:*)", ""},
		{"Bash(kubectl get:*)", ""},
		{"Bash(git status:*)", ""},
		{"Bash(git status)", ""},
		{"Bash(git diff *)", ""},

		// Commands that run what they are given, wherever it comes, and
		// tools with a way out to the shell.
		{"Bash(find:*)", through("find")},
		{"Bash(find . -exec:*)", through("find . -exec")},
		{"Bash(find . -name:*)", through("find . -name")},
		{"Bash(xargs:*)", through("xargs")},
		{"Bash(xargs -0 grep:*)", through("xargs -0 grep")},
		{"Bash(env:*)", through("env")},
		{"Bash(env NODE_ENV=test:*)", through("env NODE_ENV=test")},
		{"Bash(timeout 30:*)", through("timeout 30")},
		{"Bash(sudo apt-get:*)", through("sudo apt-get")},
		{"Bash(awk:*)", through("awk")},
		{"Bash(awk -F,:*)", through("awk -F,")},
		{"Bash(sed:*)", through("sed")},
		{"Bash(sed -n:*)", through("sed -n")},
		{"Bash(git:*)", through("git")},
		{"Bash(git -c:*)", through("git -c")},
		{"Bash(command:*)", through("command")},
		{"Bash(command -v:*)", ""},
		{"Bash(find --help)", ""},
		{"Bash(find . -name *.go)", ""},
		{"Bash(awk '{print $1}' data.txt)", ""},

		{"WebFetch", "fetch any site"},
		{"WebFetch(*)", "fetch any site"},
		{"WebFetch(domain:*)", "fetch any site"},
		{"WebFetch(domain:pkg.go.dev)", ""},
		{"mcp__*", "use every tool of every MCP server"},
		{"mcp__github__get_issue", ""},
		{"@git", "use every tool of MCP server \"git\""},
		{"@git/*", "use every tool of MCP server \"git\""},
		{"@git/git_status", ""},
		{"@*", "use every tool of every MCP server"},
		{"@*/*", "use every tool of every MCP server"},
		{"@git-*", "use every tool of the MCP servers matching \"git-*\""},
		{"@*/status", ""},
		{"Read", ""},
	}
	for _, tt := range tests {
		if got := wildcardPermission(tt.rule); got != tt.want {
			t.Errorf("wildcardPermission(%q) = %q, want %q", tt.rule, got, tt.want)
		}
	}
}
