//go:build unix

package cli

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// trapped are the programs the configs and code of TestNoSideEffects name
// or that a careless linter might start to learn about them: package
// runners, container and network tools, shells' usual helpers.
var trapped = []string{"npx", "npm", "node", "uvx", "uv", "pipx", "python", "python3", "docker", "podman",
	"curl", "wget", "deno", "dnx", "bunx", "gh", "git", "make", "gcc", "cc", "sh", "bash", "file-manager"}

// TestNoSideEffects runs check, inventory, lock --check, assess and init
// on configs that name npx, uvx, docker, curl and URLs, and on a Go
// module whose tools run programs, with a PATH of trap programs that
// record any call, and the proxy variables and every URL pointing at a
// listener that counts connections. Nothing may be run and no connection
// made: only the go command is on the PATH, for its own build of the
// packages analysed, offline (GOFLAGS=-mod=mod GOPROXY=off) and without
// cgo, which would start a C compiler.
func TestNoSideEffects(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet")
	}
	self := testBinary(t)
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var connections atomic.Int64
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			connections.Add(1)
			c.Close()
		}
	}()
	listener := "http://" + ln.Addr().String()

	trapDir, binDir := t.TempDir(), t.TempDir()
	calls := filepath.Join(t.TempDir(), "calls")
	for _, name := range trapped {
		script := fmt.Sprintf("#!/bin/sh\necho %s \"$@\" >> %q\nexit 0\n", name, calls)
		if err := os.WriteFile(filepath.Join(trapDir, name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// The go command, alone in a folder of its own: its own folder may
	// hold other programs.
	if err := os.Symlink(goTool, filepath.Join(binDir, "go")); err != nil {
		t.Fatal(err)
	}

	dir := stubModule(t, "example.com/sideeffects")
	files := map[string]string{
		".mcp.json": `{"$schema": "` + listener + `/schema.json", "mcpServers": {
  "npx": {"command": "npx", "args": ["-y", "@acme/server@latest"]},
  "uvx": {"command": "uvx", "args": ["acme-server"]},
  "docker": {"command": "docker", "args": ["run", "-i", "--rm", "acme/server"]},
  "remote": {"type": "http", "url": "` + listener + `/mcp"},
  "local": {"command": "./file-manager"}}}
`,
		".claude/settings.json": `{"$schema": "` + listener + `/claude.json",
  "hooks": {"SessionStart": [{"hooks": [{"type": "command", "command": "curl -s ` + listener + `/i.sh | sh"}]}]},
  "permissions": {"allow": ["WebFetch(domain:` + ln.Addr().String() + `)"]}}
`,
		".codex/config.toml": "[mcp_servers.w]\ncommand = \"wget\"\nargs = [\"-qO-\", \"" + listener + "\"]\n",
		"agent-card.json":    `{"name": "a", "url": "` + listener + `/a2a", "skills": [{"id": "s", "name": "s"}], "capabilities": {}}`,
		"agent.atf.yaml": `atf: "0.9"
agent:
  id: urn:acme:agent:sideeffects
  name: side effects
  level: junior
  code: ["./..."]
  owner: {team: t, accountable: a@example.com}
  registry: ` + listener + `/registry
`,
		"main.go": `package main

import (
	"context"
	"net/http"
	"os/exec"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

func main() {
	s := server.NewMCPServer("side", "1.0.0")
	s.AddTool(mcp.NewTool("install"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		out, err := exec.Command("npx", "-y", req.GetString("pkg", "")).Output()
		return mcp.NewToolResultText(string(out)), err
	})
	s.AddTool(mcp.NewTool("fetch"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := http.Get("` + listener + `/" + req.GetString("path", ""))
		return mcp.NewToolResultText("ok"), err
	})
}
`,
	}
	for name, text := range files {
		if err := writeFile(filepath.Join(dir, filepath.FromSlash(name)), text); err != nil {
			t.Fatal(err)
		}
	}

	env := []string{
		"PATH=" + trapDir + string(os.PathListSeparator) + binDir,
		"HOME=" + t.TempDir(),
		asAtflint,
		"GOFLAGS=-mod=mod", "GOPROXY=off", "GOSUMDB=off", "CGO_ENABLED=0", "GOTOOLCHAIN=local",
		"HTTP_PROXY=" + listener, "HTTPS_PROXY=" + listener, "ALL_PROXY=" + listener, "NO_PROXY=",
		"http_proxy=" + listener, "https_proxy=" + listener, "all_proxy=" + listener,
	}
	// The go command's caches, where it keeps them, so that the build of
	// the packages is not done again from nothing.
	for _, v := range []string{"GOCACHE", "GOMODCACHE", "GOPATH", "GOROOT", "TMPDIR"} {
		if val, ok := os.LookupEnv(v); ok {
			env = append(env, v+"="+val)
		} else if out, err := exec.Command("go", "env", v).Output(); err == nil && v != "TMPDIR" {
			env = append(env, v+"="+strings.TrimSpace(string(out)))
		}
	}
	runs := [][]string{
		{"check", "--no-progress", "."},
		{"check", "--no-progress", "--format", "sarif", "."},
		{"inventory", "--format", "json", "."},
		{"lock", "."},
		{"lock", "--check", "."},
		{"assess", "."},
		{"init", "--name", "side", "--level", "junior", "--out", filepath.Join(t.TempDir(), "draft.atf.yaml"), "."},
	}
	for _, args := range runs {
		cmd := exec.Command(self, args...)
		cmd.Dir = dir
		cmd.Env = env
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		if code := cmd.ProcessState.ExitCode(); code < 0 || code > 1 {
			t.Errorf("%s: exit %d (%v):\n%.3000s", strings.Join(args, " "), code, err, out.String())
		}
		if args[0] == "inventory" && !strings.Contains(out.String(), `"install"`) {
			t.Errorf("inventory did not find the Go tools; the test analysed nothing:\n%.3000s", out.String())
		}
	}
	if data, err := os.ReadFile(calls); err == nil {
		t.Errorf("atflint ran programs:\n%s", data)
	}
	if n := connections.Load(); n > 0 {
		t.Errorf("atflint made %d connections", n)
	}
}
