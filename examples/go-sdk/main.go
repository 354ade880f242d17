// Command cdn-cache is an MCP server, on the official MCP Go SDK, that
// purges CDN cache entries. Purging asks the person at the client first,
// through an elicitation whose answer decides, so atflint counts it as
// guarded; the stats tool writes a log file the manifest does not declare.
package main

import (
	"context"
	"errors"
	"net/http"
	"os"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

type PurgeIn struct {
	Prefix string `json:"prefix" jsonschema:"the cache key prefix to purge"`
}

type StatsIn struct{}

func main() {
	s := mcp.NewServer(&mcp.Implementation{Name: "cdn-cache", Version: "1.0.0"}, nil)

	mcp.AddTool(s, &mcp.Tool{Name: "purge_cache", Description: "Purge CDN cache entries"},
		func(ctx context.Context, req *mcp.CallToolRequest, in PurgeIn) (*mcp.CallToolResult, any, error) {
			res, err := req.Session.Elicit(ctx, &mcp.ElicitParams{Message: "Purge every entry under " + in.Prefix + "?"})
			if err != nil || res.Action != "accept" {
				return nil, nil, errors.New("not approved")
			}
			resp, err := http.Post("https://cdn.acme.example/api/purge", "text/plain", strings.NewReader(in.Prefix))
			if err != nil {
				return nil, nil, err
			}
			resp.Body.Close()
			return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: "purged"}}}, nil, nil
		})

	mcp.AddTool(s, &mcp.Tool{Name: "cache_stats", Description: "Cache hit rates"},
		func(ctx context.Context, req *mcp.CallToolRequest, in StatsIn) (*mcp.CallToolResult, any, error) {
			resp, err := http.Get("https://cdn.acme.example/api/stats")
			if err != nil {
				return nil, nil, err
			}
			defer resp.Body.Close()
			if err := os.WriteFile("/tmp/last-stats", []byte(resp.Status), 0o600); err != nil {
				return nil, nil, err
			}
			return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: resp.Status}}}, nil, nil
		})

	if err := s.Run(context.Background(), &mcp.StdioTransport{}); err != nil {
		os.Exit(1)
	}
}
