// Package mcpgo passes mcp-go tools' arguments to commands, paths, URLs
// and SQL, checked and not.
package mcpgo

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"input/lib"
)

// logsURL asks the API where a job's logs are.
func logsURL(job string) (string, error) {
	resp, err := http.Get("https://api.example.com/jobs/" + job + "/logs")
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return resp.Header.Get("Location"), nil
}

// readNamed reads the file its caller names, checking nothing.
func readNamed(name string) ([]byte, error) { return os.ReadFile(name) }

// readUnderRoot keeps the name inside the root before it reads.
func readUnderRoot(name string) ([]byte, error) {
	p := filepath.Join(root, name)
	if !strings.HasPrefix(filepath.Clean(p), root+"/") {
		return nil, fmt.Errorf("%s is outside %s", name, root)
	}
	return os.ReadFile(p)
}

// load passes its second parameter on.
func load(ctx context.Context, name string) ([]byte, error) { return readNamed(name) }

const (
	root = "/srv/scratch"
	sep  = "/"
)

var allowed = map[string]bool{"status": true, "log": true}

func Register(s *server.MCPServer, db *sql.DB) {
	s.AddTool(mcp.NewTool("run"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		cmd := req.GetString("cmd", "")
		return nil, exec.CommandContext(ctx, "sh", "-c", cmd).Run() // want `tool "run" passes the model's input \(req.GetString\("cmd", ""\)\) to CommandContext's command`
	})
	s.AddTool(mcp.NewTool("git"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		sub := req.GetString("sub", "")
		if !allowed[sub] {
			return nil, fmt.Errorf("not allowed: %s", sub)
		}
		return nil, exec.CommandContext(ctx, "git", sub).Run()
	})
	s.AddTool(mcp.NewTool("remove"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		p := filepath.Join(root, req.GetString("name", ""))
		return nil, os.Remove(p) // want `tool "remove" passes the model's input .* to Remove's path`
	})
	s.AddTool(mcp.NewTool("remove_checked"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		p := filepath.Join(root, req.GetString("name", ""))
		if !strings.HasPrefix(filepath.Clean(p), root+"/") {
			return nil, nil
		}
		return nil, os.Remove(p)
	})
	// The cleaned path keeps its cleaning when a separator is added to it.
	s.AddTool(mcp.NewTool("remove_checked_sep"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		p := filepath.Join(root, req.GetString("name", ""))
		clean := filepath.Clean(p) + sep
		if !strings.HasPrefix(clean, root+sep) {
			return nil, nil
		}
		return nil, os.Remove(p)
	})
	s.AddTool(mcp.NewTool("fetch"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := http.Get(req.GetString("url", "")) // want `tool "fetch" passes the model's input .* to Get's URL`
		return nil, err
	})
	// The host is the code's: the input chooses only the path.
	s.AddTool(mcp.NewTool("item"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := http.Get("https://api.example.com/items/" + req.GetString("id", ""))
		return nil, err
	})
	s.AddTool(mcp.NewTool("item_fmt"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := http.Get(fmt.Sprintf("https://api.example.com/items/%s", req.GetString("id", "")))
		return nil, err
	})
	s.AddTool(mcp.NewTool("lookup"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		name := req.GetString("name", "")
		_, err := db.QueryContext(ctx, "SELECT id FROM users WHERE name = '"+name+"'") // want `tool "lookup" passes the model's input .* to QueryContext's SQL statement`
		return nil, err
	})
	s.AddTool(mcp.NewTool("lookup_param"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := db.QueryContext(ctx, "SELECT id FROM users WHERE name = $1", req.GetString("name", ""))
		return nil, err
	})
	s.AddTool(mcp.NewTool("read"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := load(ctx, req.GetString("name", "")) // want `tool "read" passes the model's input .* to mcpgo.load → mcpgo.readNamed → os.ReadFile's path`
		return nil, err
	})
	s.AddTool(mcp.NewTool("read_checked"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := readUnderRoot(req.GetString("name", ""))
		return nil, err
	})
	s.AddTool(mcp.NewTool("run_remote"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, lib.Run(ctx, "ssh", "-n", req.GetString("host", "")) // want `tool "run_remote" passes the model's input .* to lib.Run → exec.CommandContext's command`
	})
	s.AddTool(mcp.NewTool("run_known"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, lib.RunKnown(ctx, req.GetString("cmd", ""))
	})
}

// client sends to the host it was configured with.
type client struct{ base string }

func (c *client) get(ctx context.Context, path string) error {
	u := c.base + path
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

// send builds its URL from a configured base it is given beside the
// path: only a base that is the input would choose the host.
func send(ctx context.Context, cfg config, path string, query url.Values) error {
	endpoint := strings.TrimRight(cfg.URL, "/") + path
	if q := query.Encode(); q != "" {
		endpoint += "?" + q
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, nil)
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

type config struct{ URL string }

// joined keeps its base as a parsed URL.
type joined struct{ base *url.URL }

func (j joined) get(ctx context.Context, path string) error {
	u := j.base.JoinPath(path)
	_, err := http.Get(u.String())
	return err
}

func RegisterClient(s *server.MCPServer, c *client, cfg config, j joined) {
	s.AddTool(mcp.NewTool("send_path"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, send(ctx, cfg, "/api/"+req.GetString("id", ""), url.Values{"q": {req.GetString("q", "")}})
	})
	s.AddTool(mcp.NewTool("send_anywhere"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, send(ctx, config{URL: req.GetString("url", "")}, "/api", nil) // want `tool "send_anywhere" passes the model's input .* to mcpgo.send → http.NewRequestWithContext's URL`
	})
	s.AddTool(mcp.NewTool("configured"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		endpoint := cfg.URL + "/api/health"
		_, err := http.Get(endpoint)
		return nil, err
	})
	s.AddTool(mcp.NewTool("joined_path"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, j.get(ctx, req.GetString("id", ""))
	})
	s.AddTool(mcp.NewTool("joined_anywhere"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		u, err := url.JoinPath(req.GetString("base", ""), "api")
		if err != nil {
			return nil, err
		}
		_, err = http.Get(u) // want `tool "joined_anywhere" passes the model's input .* to Get's URL`
		return nil, err
	})
	s.AddTool(mcp.NewTool("item_base"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, c.get(ctx, "/api/items/"+req.GetString("id", ""))
	})
	s.AddTool(mcp.NewTool("item_sprintf"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := http.Get(fmt.Sprintf("%s/api/items/%s", c.base, req.GetString("id", "")))
		return nil, err
	})
	s.AddTool(mcp.NewTool("any_host"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := http.Get(fmt.Sprintf("https://%s/api", req.GetString("host", ""))) // want `tool "any_host" passes the model's input .* to Get's URL`
		return nil, err
	})
	// The URL the API answers with is the API's, whatever the request
	// asked; what the model chose only picked the job.
	s.AddTool(mcp.NewTool("job_logs"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		logs, err := logsURL(req.GetString("job", ""))
		if err != nil {
			return nil, err
		}
		_, err = http.Get(logs)
		return nil, err
	})
	s.AddTool(mcp.NewTool("any_host_concat"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := http.Get("https://" + req.GetString("host", "") + "/api") // want `tool "any_host_concat" passes the model's input .* to Get's URL`
		return nil, err
	})
}
