// Package clients has no manifest: calls through the module's own
// interfaces reach what the module's implementations do, Kubernetes'
// client interfaces write or read by their operation (an access review
// reads), a pod exec runs a
// command, and what runs only on a branch that ends the process is not
// the tool's.
package clients

import (
	"context"
	"log"
	"net/url"
	"os"

	"github.com/google/go-github/v89/github"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"github.com/shurcooL/githubv4"
	"github.com/slack-go/slack"
	authv1 "k8s.io/client-go/kubernetes/typed/authorization/v1"
	corev1 "k8s.io/client-go/kubernetes/typed/core/v1"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/remotecommand"

	"unguarded/clients/store"
)

// Notifier is implemented in this package, by a type that writes a file.
type Notifier interface{ Notify(msg string) error }

type fileNotifier struct{ path string }

func (f fileNotifier) Notify(msg string) error { return os.WriteFile(f.path, []byte(msg), 0o600) }

// Chat is the project's own face of the Slack client, as servers keep one
// to swap in a demo client.
type Chat interface {
	PostMessageContext(ctx context.Context, channel string, options ...slack.MsgOption) (string, string, error)
	GetConversationHistoryContext(ctx context.Context, channel string) ([]slack.Message, error)
}

type slackChat struct{ api *slack.Client }

func (c slackChat) PostMessageContext(ctx context.Context, channel string, options ...slack.MsgOption) (string, string, error) {
	return c.api.PostMessageContext(ctx, channel, options...)
}

func (c slackChat) GetConversationHistoryContext(ctx context.Context, channel string) ([]slack.Message, error) {
	return c.api.GetConversationHistoryContext(ctx, channel)
}

// saveAtomically writes through a temporary file it removes if the rename
// did not take it: that removal deletes nothing of anyone else's.
func saveAtomically(path string, data []byte) error {
	temp, err := os.CreateTemp(".", ".save-*")
	if err != nil {
		return err
	}
	tempPath := temp.Name()
	defer func() { _ = os.Remove(tempPath) }()
	if _, err := temp.Write(data); err != nil {
		return err
	}
	return os.Rename(tempPath, path)
}

// die ends the process after a last write: what it does is not a tool's.
func die(err error) {
	os.WriteFile("crash.log", []byte(err.Error()), 0o600)
	os.Exit(1)
}

func Register(s *server.MCPServer, st store.Store, n Notifier, core corev1.CoreV1Interface, auth authv1.AuthorizationV1Interface, cfg *rest.Config, chat Chat, gh *githubv4.Client, issues *github.Client) {
	s.AddTool(mcp.NewTool("post"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, _, err := chat.PostMessageContext(ctx, req.GetString("channel", ""), slack.MsgOptionText(req.GetString("text", ""), false)) // want `tool "post" reaches clients.Chat.PostMessageContext → clients.slackChat.PostMessageContext → slack.Client.PostMessageContext \(net.outbound\)`
		return nil, err
	})
	s.AddTool(mcp.NewTool("history"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := chat.GetConversationHistoryContext(ctx, req.GetString("channel", ""))
		return nil, err
	})
	s.AddTool(mcp.NewTool("drop"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, st.Drop(req.GetString("name", "")) // want `tool "drop" reaches store.Store.Drop → store.Disk.Drop → os.Remove \(fs.delete\)`
	})
	s.AddTool(mcp.NewTool("size"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := st.Size(req.GetString("name", ""))
		return nil, err
	})
	s.AddTool(mcp.NewTool("notify"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, n.Notify(req.GetString("msg", "")) // want `tool "notify" reaches clients.Notifier.Notify → clients.fileNotifier.Notify → os.WriteFile \(fs.write\)`
	})
	s.AddTool(mcp.NewTool("pod_get"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := core.Pods("default").Get(ctx, req.GetString("name", ""), corev1.GetOptions{})
		return nil, err
	})
	// Creating an access review asks whether a request would be allowed.
	s.AddTool(mcp.NewTool("can_delete"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		_, err := auth.SelfSubjectAccessReviews().Create(ctx, &authv1.SelfSubjectAccessReview{}, authv1.CreateOptions{})
		return nil, err
	})
	// A GraphQL query reads and a mutation writes, though both are POSTs.
	s.AddTool(mcp.NewTool("issue_get"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, gh.Query(ctx, nil, nil)
	})
	s.AddTool(mcp.NewTool("issue_close"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		if err := gh.Query(ctx, nil, nil); err != nil {
			return nil, err
		}
		return nil, gh.Mutate(ctx, nil, nil, nil) // want `tool "issue_close" reaches githubv4.Client.Mutate \(net.outbound\)`
	})
	// go-github's services say by their verb what the request does.
	s.AddTool(mcp.NewTool("issue_rename"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		issue, _, err := issues.Issues.Get(ctx, "o", "r", 1)
		if err != nil {
			return nil, err
		}
		_, _, err = issues.Issues.Edit(ctx, "o", "r", 1, &github.Issue{Title: new(issue.GetTitle() + "!")}) // want `tool "issue_rename" reaches github.IssuesService.Edit \(net.outbound\)`
		return nil, err
	})
	s.AddTool(mcp.NewTool("save"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, saveAtomically("notes.txt", []byte(req.GetString("text", ""))) // want `tool "save" reaches clients.saveAtomically → os.CreateTemp \(fs.write\)`
	})
	s.AddTool(mcp.NewTool("pod_delete"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		return nil, core.Pods("default").Delete(ctx, req.GetString("name", ""), corev1.DeleteOptions{}) // want `tool "pod_delete" reaches v1.PodInterface.Delete \(net.outbound\)`
	})
	s.AddTool(mcp.NewTool("pod_exec"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		ex, err := remotecommand.NewSPDYExecutor(cfg, "POST", &url.URL{}) // want `tool "pod_exec" reaches remotecommand.NewSPDYExecutor \(exec\)`
		if err != nil {
			return nil, err
		}
		return nil, ex.StreamWithContext(ctx, remotecommand.StreamOptions{})
	})
	s.AddTool(mcp.NewTool("settings"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		data, err := os.ReadFile("settings.json")
		if err != nil {
			os.WriteFile("crash.log", []byte(err.Error()), 0o600)
			log.Fatalf("no settings: %v", err)
		}
		if len(data) == 0 {
			die(err)
		}
		switch len(data) {
		case 1:
			os.Remove("settings.json")
			os.Exit(2)
		}
		return mcp.NewToolResultText(string(data)), nil
	})
}
