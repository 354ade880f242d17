// Package httpmethods has no manifest: a request sent with a GET only
// reads, one with another constant method writes, and one whose method is
// not a constant is not taken for a write. A read and a write of the same
// capability are reported at the write. A tool said not destructive may
// post, not delete. A POST is what query APIs read with: a tool said
// read-only may post, and a DELETE beside it is what is shown. What a logging library does on the way is not the
// tool's.
package httpmethods

import (
	"context"
	"log"
	"net/http"
	"os"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"github.com/sirupsen/logrus"
)

func Register(s *server.MCPServer, client *http.Client) {
	s.AddTool(mcp.NewTool("fetch"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		r, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.example/items", nil)
		if err != nil {
			return nil, err
		}
		_, err = client.Do(r)
		log.Printf("fetched: %v", err)
		logrus.Infof("fetched")
		return nil, err
	})
	s.AddTool(mcp.NewTool("notify"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		r, err := http.NewRequest("POST", "https://hooks.example/notify", nil)
		if err != nil {
			return nil, err
		}
		_, err = client.Do(r) // want `tool "notify" reaches http.Client.Do \(net.outbound, a POST; annotate the tool read-only if the request only reads\)`
		return nil, err
	})
	s.AddTool(mcp.NewTool("call"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		r, err := http.NewRequest(req.GetString("method", "GET"), "https://api.example/", nil)
		if err != nil {
			return nil, err
		}
		_, err = client.Do(r)
		return nil, err
	})
	s.AddTool(mcp.NewTool("lookup_then_post"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		if _, err := http.Get("https://api.example/channels"); err != nil {
			return nil, err
		}
		_, err := http.Post("https://api.example/messages", "text/plain", nil) // want `tool "lookup_then_post" reaches http.Post \(net.outbound, a POST; annotate the tool read-only if the request only reads\)`
		return nil, err
	})
	s.AddTool(mcp.NewTool("post_only", mcp.WithDestructiveHintAnnotation(false)), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := http.Post("https://api.example/messages", "text/plain", nil) // want `tool "post_only" reaches http.Post \(net.outbound, a POST; annotate the tool read-only if the request only reads\)`
		return nil, err
	})
	s.AddTool(mcp.NewTool("search", mcp.WithReadOnlyHintAnnotation(true)), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := http.Post("https://api.example/_search", "application/json", nil)
		return nil, err
	})
	s.AddTool(mcp.NewTool("search_and_purge", mcp.WithReadOnlyHintAnnotation(true)), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool "search_and_purge" is annotated read-only, but its handler reaches http.Client.Do \(net.outbound\)`
		if _, err := http.Post("https://api.example/_search", "application/json", nil); err != nil {
			return nil, err
		}
		r, err := http.NewRequest(http.MethodDelete, "https://api.example/items", nil)
		if err != nil {
			return nil, err
		}
		_, err = client.Do(r) // want `tool "search_and_purge" reaches http.Client.Do \(net.outbound\) with no guard`
		return nil, err
	})
	s.AddTool(mcp.NewTool("tidy", mcp.WithDestructiveHintAnnotation(false)), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) { // want `tool "tidy" is annotated not destructive, but its handler reaches os.Remove \(fs.delete\)`
		return nil, os.Remove("draft.txt") // want `tool "tidy" reaches os.Remove \(fs.delete\)`
	})
}
