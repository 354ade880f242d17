// Package roots keeps every path inside the directories the server was
// started with, the way file-system servers do: a method that makes the
// path absolute, compares it with each allowed root and returns an error
// when it is outside. Its error being nil is a resource check, enough when
// no manifest asks for more; a look-alike that returns the path unchecked
// is none.
package roots

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

type handler struct{ allowedDirs []string }

func (h *handler) inAllowedDirs(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	if !strings.HasSuffix(abs, string(filepath.Separator)) {
		abs = abs + string(filepath.Separator)
	}
	for _, dir := range h.allowedDirs {
		if strings.HasPrefix(abs, dir) {
			return true
		}
	}
	return false
}

func (h *handler) validatePath(requested string) (string, error) {
	abs, err := filepath.Abs(requested)
	if err != nil {
		return "", err
	}
	if !h.inAllowedDirs(abs) {
		return "", errors.New("access denied: outside the allowed directories")
	}
	return abs, nil
}

// validateName looks like a check and decides nothing.
func (h *handler) validateName(requested string) (string, error) {
	return strings.TrimSpace(requested), nil
}

func (h *handler) remove(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	p, err := h.validatePath(req.GetString("path", ""))
	if err != nil {
		return nil, err
	}
	return nil, os.Remove(p)
}

func (h *handler) removeNamed(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	p, err := h.validateName(req.GetString("path", ""))
	if err != nil {
		return nil, err
	}
	return nil, os.Remove(p) // want `tool "remove_named" reaches os.Remove \(fs.delete\) with no guard`
}

func Register(s *server.MCPServer, dirs []string) {
	h := &handler{allowedDirs: dirs}
	s.AddTool(mcp.NewTool("remove"), h.remove)
	s.AddTool(mcp.NewTool("remove_named"), h.removeNamed)
}
