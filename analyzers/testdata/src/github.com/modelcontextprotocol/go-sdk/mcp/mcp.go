// Package mcp is a stub of the MCP Go SDK's server API, for tests.
package mcp

import (
	"context"

	"github.com/modelcontextprotocol/go-sdk/auth"
)

type Implementation struct {
	Name, Title, Version string
}

type ServerOptions struct{}

type Server struct{}

func NewServer(impl *Implementation, opts *ServerOptions) *Server { return &Server{} }

type ToolAnnotations struct {
	DestructiveHint *bool
	IdempotentHint  bool
	OpenWorldHint   *bool
	ReadOnlyHint    bool
	Title           string
}

type Tool struct {
	Annotations  *ToolAnnotations
	Description  string
	InputSchema  any
	Name         string
	OutputSchema any
	Title        string
}

type ServerSession struct{}

type ElicitParams struct {
	Message         string
	RequestedSchema any
}

type ElicitResult struct {
	Action  string
	Content map[string]any
}

func (ss *ServerSession) Elicit(ctx context.Context, p *ElicitParams) (*ElicitResult, error) {
	return nil, nil
}

type CallToolParamsRaw struct {
	Name           string
	Arguments      []byte
	InputResponses map[string]any // the answers to a previous result's InputRequests
}

type CallToolRequest struct {
	Session *ServerSession
	Params  *CallToolParamsRaw
	Extra   *RequestExtra
}

// RequestExtra is what the transport adds to a request.
type RequestExtra struct {
	TokenInfo *auth.TokenInfo
}

type Content interface{}

type TextContent struct{ Text string }

type CallToolResult struct {
	Content []Content
}

type ToolHandler func(context.Context, *CallToolRequest) (*CallToolResult, error)

type ToolHandlerFor[In, Out any] func(_ context.Context, request *CallToolRequest, input In) (result *CallToolResult, output Out, _ error)

func AddTool[In, Out any](s *Server, t *Tool, h ToolHandlerFor[In, Out]) {}

func (s *Server) AddTool(t *Tool, h ToolHandler) {}

type ClientSession struct{}

type CallToolParams struct {
	Name      string
	Arguments any
}

func (cs *ClientSession) CallTool(ctx context.Context, params *CallToolParams) (*CallToolResult, error) {
	return nil, nil
}
