// Package slack is a stub of github.com/slack-go/slack's client: methods
// named after the Web API method they call.
package slack

import "context"

type Client struct{}

type MsgOption func()

type ItemRef struct{ Channel, Timestamp string }

type Message struct{ Text string }

func New(token string) *Client { return &Client{} }

func (c *Client) PostMessageContext(ctx context.Context, channel string, options ...MsgOption) (string, string, error) {
	return "", "", nil
}

func (c *Client) AddReactionContext(ctx context.Context, name string, item ItemRef) error { return nil }

func (c *Client) GetConversationHistoryContext(ctx context.Context, channel string) ([]Message, error) {
	return nil, nil
}

func MsgOptionText(text string, escape bool) MsgOption { return nil }
