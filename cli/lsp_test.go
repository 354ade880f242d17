package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
)

// lspClient is an editor's side of atflint lsp, run in-process.
type lspClient struct {
	t           *testing.T
	conn        *jsonrpc2.Conn
	diagnostics chan published
	exit        chan int
	stderr      *bytes.Buffer
}

type published struct {
	URI         string `json:"uri"`
	Diagnostics []struct {
		Range struct {
			Start struct{ Line, Character int } `json:"start"`
			End   struct{ Line, Character int } `json:"end"`
		} `json:"range"`
		Severity int    `json:"severity"`
		Code     string `json:"code"`
		Source   string `json:"source"`
		Message  string `json:"message"`
	} `json:"diagnostics"`
}

type pipeRWC struct {
	io.Reader
	io.WriteCloser
}

func startLSP(t *testing.T, root string) *lspClient {
	t.Helper()
	serverIn, clientOut := io.Pipe()
	clientIn, serverOut := io.Pipe()
	c := &lspClient{t: t, diagnostics: make(chan published, 16), exit: make(chan int, 1), stderr: &bytes.Buffer{}}
	go func() {
		code := Main([]string{"lsp", "--stdio"}, serverIn, serverOut, c.stderr)
		serverOut.Close()
		c.exit <- code
	}()
	handler := jsonrpc2.HandlerWithError(func(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
		if req.Method == "textDocument/publishDiagnostics" && req.Params != nil {
			var p published
			if err := json.Unmarshal(*req.Params, &p); err != nil {
				t.Errorf("publishDiagnostics: %v", err)
			}
			c.diagnostics <- p
		}
		return nil, nil
	})
	c.conn = jsonrpc2.NewConn(context.Background(), jsonrpc2.NewBufferedStream(pipeRWC{clientIn, clientOut}, jsonrpc2.VSCodeObjectCodec{}), handler)
	var init struct {
		Capabilities map[string]any        `json:"capabilities"`
		ServerInfo   struct{ Name string } `json:"serverInfo"`
	}
	c.call("initialize", map[string]any{"processId": nil, "rootUri": "file://" + filepath.ToSlash(root), "capabilities": map[string]any{}}, &init)
	if init.ServerInfo.Name != "atflint" || init.Capabilities["hoverProvider"] != true || init.Capabilities["codeActionProvider"] == nil {
		t.Fatalf("initialize answered %+v", init)
	}
	c.notify("initialized", map[string]any{})
	return c
}

func (c *lspClient) call(method string, params, result any) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := c.conn.Call(ctx, method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *lspClient) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// next is the next diagnostics published for uri, or for any document
// when uri is ""; a minute without them is a hang.
func (c *lspClient) next(uri string) published {
	c.t.Helper()
	for {
		select {
		case p := <-c.diagnostics:
			if uri == "" || p.URI == uri {
				return p
			}
		case <-time.After(time.Minute):
			c.t.Fatalf("no diagnostics for %s; stderr: %s", uri, c.stderr)
		}
	}
}

func (c *lspClient) open(uri, text string) published {
	c.t.Helper()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "json", "version": 1, "text": text}})
	return c.next(uri)
}

func (c *lspClient) change(uri string, version int, text string) published {
	c.t.Helper()
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": version}, "contentChanges": []any{map[string]any{"text": text}}})
	return c.next(uri)
}

func (c *lspClient) stop() int {
	c.t.Helper()
	c.call("shutdown", nil, nil)
	c.notify("exit", nil)
	select {
	case code := <-c.exit:
		return code
	case <-time.After(time.Minute):
		c.t.Fatal("the server did not exit")
	}
	return -1
}

func codes(p published) []string {
	var out []string
	for _, d := range p.Diagnostics {
		out = append(out, d.Code)
	}
	return out
}

// TestLanguageServer drives atflint lsp as an editor would: diagnostics on
// open with positions in UTF-16 and the severity mapped, on change (an
// unsaved buffer, of a file that does not exist yet), none for a file
// that is no agent config, a hover with the rule's explanation, and the
// suppression code action, whose placeholder reason is itself reported
// until replaced.
func TestLanguageServer(t *testing.T) {
	root := t.TempDir()
	c := startLSP(t, root)

	// Not on disk; the é before the finding is one UTF-16 unit, the 🔓
	// two, and the columns atflint counts in code points.
	settings := "file://" + filepath.ToSlash(filepath.Join(root, ".claude", "settings.json"))
	p := c.open(settings, `{"env": {"NOTE": "é🔓"}, "permissions": {"defaultMode": "bypassPermissions"}}`)
	if len(p.Diagnostics) != 1 || p.Diagnostics[0].Code != "bypass-permissions" || p.Diagnostics[0].Severity != 1 || p.Diagnostics[0].Source != "atflint" {
		t.Fatalf("on open: %+v", p)
	}
	if r := p.Diagnostics[0].Range; r.Start.Line != 0 || r.Start.Character != 41 || r.End.Character != 75 {
		t.Errorf("range %+v, want line 0, characters 41 to 75 in UTF-16 (40 code points before it, one of them two units)", r)
	}
	var hover struct {
		Contents struct{ Kind, Value string } `json:"contents"`
	}
	c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": settings}, "position": map[string]any{"line": 0, "character": 50}}, &hover)
	if hover.Contents.Kind != "markdown" || !strings.Contains(hover.Contents.Value, "# bypass-permissions") || !strings.Contains(hover.Contents.Value, "## Why") {
		t.Errorf("hover: %+v", hover)
	}
	if p := c.change(settings, 2, `{"permissions": {"defaultMode": "default"}}`); len(p.Diagnostics) != 0 {
		t.Errorf("after the fix: %+v", p)
	}

	other := "file://" + filepath.ToSlash(filepath.Join(root, "docker-compose.yaml"))
	if p := c.open(other, "services: {web: [\n"); len(p.Diagnostics) != 0 {
		t.Errorf("a broken file that is no agent config: %+v", p)
	}

	huge := "file://" + filepath.ToSlash(filepath.Join(root, "huge", ".mcp.json"))
	if p := c.open(huge, `{"mcpServers": {}, "pad": "`+strings.Repeat("x", 5<<20)+`"}`); len(p.Diagnostics) != 1 || !strings.Contains(p.Diagnostics[0].Message, "MB") {
		t.Errorf("a 5 MB buffer: %+v", p.Diagnostics)
	}
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": huge}})
	c.next(huge)

	manifestPath := filepath.Join(root, "agent.atf.yaml")
	manifestText := "atf: \"0.9\"\nagent:\n  id: urn:acme:agent:x\n  level: intern\nsegmentation:\n  default: allow\n"
	if err := os.WriteFile(manifestPath, []byte(manifestText), 0o644); err != nil {
		t.Fatal(err)
	}
	manifest := "file://" + filepath.ToSlash(manifestPath)
	p = c.open(manifest, manifestText)
	var line int
	for _, d := range p.Diagnostics {
		if d.Code == "allow-by-default" {
			line = d.Range.Start.Line
		}
	}
	if line != 5 {
		t.Fatalf("allow-by-default not on line 6: %+v", p)
	}
	var actions []struct {
		Title string
		Edit  struct {
			Changes map[string][]struct {
				Range   struct{ Start, End struct{ Line, Character int } }
				NewText string
			}
		}
	}
	c.call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": manifest},
		"range":        map[string]any{"start": map[string]any{"line": line, "character": 4}, "end": map[string]any{"line": line, "character": 4}},
		"context":      map[string]any{"diagnostics": []any{}},
	}, &actions)
	var suppress string
	var fix []string
	for _, a := range actions {
		if a.Title == "Make the default deny" {
			for _, e := range a.Edit.Changes[manifest] {
				fix = append(fix, fmt.Sprintf("%d:%d-%d:%d %s", e.Range.Start.Line, e.Range.Start.Character, e.Range.End.Line, e.Range.End.Character, e.NewText))
			}
		}
		if strings.HasPrefix(a.Title, "Suppress allow-by-default") {
			edits := a.Edit.Changes[manifest]
			if len(edits) != 1 || edits[0].Range.Start.Line != 5 || edits[0].Range.Start.Character != 0 {
				t.Fatalf("suppression edit %+v", edits)
			}
			suppress = edits[0].NewText
		}
	}
	if suppress != "  # atflint:ignore[allow-by-default] <why this is accepted>\n" {
		t.Fatalf("code actions %+v: no suppression, or not indented as the line", actions)
	}
	if want := []string{`5:11-5:16 "deny"`}; !slices.Equal(fix, want) {
		t.Errorf("the rule's fix: %q, want %q", fix, want)
	}
	lines := strings.SplitAfter(manifestText, "\n")
	withComment := strings.Join(lines[:5], "") + suppress + strings.Join(lines[5:], "")
	p = c.change(manifest, 2, withComment)
	got := strings.Join(codes(p), " ")
	if !strings.Contains(got, "allow-by-default") || !strings.Contains(got, "invalid-suppression") {
		t.Errorf("with the placeholder reason: %s; want allow-by-default, still, and invalid-suppression", got)
	}
	reasoned := strings.Replace(withComment, "<why this is accepted>", "a sandbox with nothing in it", 1)
	if got := strings.Join(codes(c.change(manifest, 3, reasoned)), " "); strings.Contains(got, "allow-by-default") || strings.Contains(got, "suppression") {
		t.Errorf("with a reason: %s", got)
	}

	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": manifest}})
	if got := strings.Join(codes(c.next(manifest)), " "); strings.Contains(got, "allow-by-default") {
		t.Errorf("after save: %s", got)
	}
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": manifest}})
	if p := c.next(manifest); len(p.Diagnostics) != 0 {
		t.Errorf("after close: %+v", p)
	}
	if code := c.stop(); code != 0 {
		t.Errorf("exit code %d after shutdown; stderr: %s", code, c.stderr)
	}
}

// TestNeovim opens an agent config in a real editor, Neovim headless with
// its built-in LSP client and atflint lsp as the server, and reads the
// diagnostics the editor holds. It skips where Neovim is not installed
// (.ci/run installs Debian's).
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("nvim is not installed (Debian: apt-get install neovim)")
	}
	self := testBinary(t)
	script, err := filepath.Abs(filepath.Join("testdata", "lsp", "nvim.lua"))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	file := filepath.Join(root, ".mcp.json")
	if err := os.WriteFile(file, []byte("{\"mcpServers\": {\n  \"x\": {\"command\": \"npx\", \"args\": [\"-y\", \"pkg\"]}\n}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "diagnostics.txt")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "-n", "-u", "NONE", "-i", "NONE", "-c", "luafile "+script)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), asAtflint, "ATFLINT="+self, "ROOT="+root, "FILE="+file, "OUT="+out, "HOME="+root)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nvim: %v\n%s", err, b)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want := `1:41 1 unpinned-server MCP server "x" runs "pkg" from npm with no fixed version, so each start may run different code; pin it`
	if string(got) != want {
		t.Errorf("Neovim holds\n%s\nwant\n%s", got, want)
	}
}

// TestLanguageServerCorpus opens every real agent config of
// testdata/corpus in the language server at once and checks that it
// shows, file by file, what atflint check reports on the corpus: the
// server is the linter, not a copy of it.
func TestLanguageServerCorpus(t *testing.T) {
	corpus := filepath.Join(root, "testdata", "corpus")
	_, out, errOut := atflint(t, "check", "--no-go", "--format", "json", corpus)
	var checked struct {
		Findings []struct {
			Rule, File, Message string
			Line                int
		}
	}
	if err := json.Unmarshal([]byte(out), &checked); err != nil {
		t.Fatalf("%v: %s", err, errOut)
	}
	want := map[string][]string{}
	for _, f := range checked.Findings {
		uri := "file://" + filepath.ToSlash(filepath.Join(root, filepath.FromSlash(f.File)))
		want[uri] = append(want[uri], fmt.Sprintf("%d %s %s", f.Line, f.Rule, f.Message))
	}
	var uris []string
	err := filepath.WalkDir(corpus, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		uris = append(uris, "file://"+filepath.ToSlash(p))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	c := startLSP(t, corpus)
	for _, uri := range uris {
		path := strings.TrimPrefix(uri, "file://")
		text, _ := os.ReadFile(filepath.FromSlash(path))
		c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "text", "version": 1, "text": string(text)}})
	}
	// A check publishes every open document, in URI order; the first
	// that covers all of them saw them all.
	slices.Sort(uris)
	got := map[string][]string{}
	for i := 0; i < len(uris); {
		p := c.next("")
		if p.URI != uris[i] {
			i = 0
			clear(got)
			if p.URI != uris[0] {
				continue
			}
		}
		for _, d := range p.Diagnostics {
			got[p.URI] = append(got[p.URI], fmt.Sprintf("%d %s %s", d.Range.Start.Line+1, d.Code, d.Message))
		}
		i++
	}
	shown := 0
	for _, uri := range uris {
		slices.Sort(got[uri])
		slices.Sort(want[uri])
		if !slices.Equal(got[uri], want[uri]) {
			t.Errorf("%s:\nthe server shows %q\ncheck reports    %q", uri, got[uri], want[uri])
		}
		shown += len(got[uri])
	}
	if shown == 0 || shown != len(checked.Findings) {
		t.Errorf("the server shows %d findings in %d files; check reports %d", shown, len(uris), len(checked.Findings))
	}
	t.Logf("%d files, %d findings, the same in both", len(uris), shown)
	c.stop()
}
