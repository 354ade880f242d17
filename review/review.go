// Package review posts findings to a GitHub pull request as one review
// whose inline comments are the findings on the lines the pull request
// changes. Findings elsewhere are left to code scanning. On a re-run it
// finds its own earlier comments by a marker, leaves those still true
// alone, and marks those no longer reported, so nothing is posted twice.
package review

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/google/go-github/v93/github"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/rules"
)

// PullRequest names the pull request a workflow runs for.
type PullRequest struct {
	Owner, Repo string
	Number      int
	HeadSHA     string
}

// ReadEvent reads the pull request from a GitHub Actions event file
// (GITHUB_EVENT_PATH) of a pull_request or pull_request_target event.
func ReadEvent(path string) (PullRequest, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return PullRequest{}, fmt.Errorf("read the event file: %w", err)
	}
	var ev struct {
		PullRequest *struct {
			Number int `json:"number"`
			Head   struct {
				SHA string `json:"sha"`
			} `json:"head"`
		} `json:"pull_request"`
		Repository struct {
			FullName string `json:"full_name"`
		} `json:"repository"`
	}
	if err := json.Unmarshal(data, &ev); err != nil {
		return PullRequest{}, fmt.Errorf("the event file %s is not valid JSON: %w", path, err)
	}
	if ev.PullRequest == nil {
		return PullRequest{}, fmt.Errorf("the event in %s is not about a pull request; run github-review on pull_request events", path)
	}
	owner, repo, ok := strings.Cut(ev.Repository.FullName, "/")
	if !ok || owner == "" || repo == "" || ev.PullRequest.Number <= 0 || ev.PullRequest.Head.SHA == "" {
		return PullRequest{}, fmt.Errorf("the event in %s lacks the repository, pull request number or head commit", path)
	}
	return PullRequest{owner, repo, ev.PullRequest.Number, ev.PullRequest.Head.SHA}, nil
}

// Options configure a Reviewer.
type Options struct {
	// APIURL is the REST API root, https://api.github.com/ by default.
	APIURL string
	// Retries is how many times a request that failed with a server error
	// is tried again; Backoff is the wait before the first retry, doubled
	// after each.
	Retries int
	Backoff time.Duration
	// Author is the login the token posts as; comments by anyone else are
	// never taken for atflint's. By default, the token's user, or
	// github-actions[bot] for a workflow's token, which cannot read its
	// user.
	Author string
}

// A Reviewer posts reviews with one token.
type Reviewer struct {
	gh     *github.Client
	author string
}

// workflowBot is who a workflow's GITHUB_TOKEN posts as.
const workflowBot = "github-actions[bot]"

// New returns a Reviewer that authenticates with token. The token goes
// into the Authorization header of each request and nowhere else.
func New(token string, opt Options) (*Reviewer, error) {
	if token == "" {
		return nil, errors.New("no GitHub token: set GITHUB_TOKEN (in a workflow, env: GITHUB_TOKEN: ${{ github.token }}, with permissions pull-requests: write)")
	}
	if opt.Backoff == 0 {
		opt.Backoff = time.Second
	}
	opts := []github.ClientOptionsFunc{
		github.WithAuthToken(token),
		github.WithHTTPClient(&http.Client{Timeout: 30 * time.Second, Transport: &retryTransport{base: http.DefaultTransport, retries: opt.Retries, backoff: opt.Backoff}}),
		github.WithUserAgent("atflint"),
	}
	if opt.APIURL != "" {
		u := strings.TrimSuffix(opt.APIURL, "/") + "/"
		opts = append(opts, github.WithURLs(&u, &u))
	}
	gh, err := github.NewClient(opts...)
	if err != nil {
		return nil, fmt.Errorf("GitHub client: %w", err)
	}
	return &Reviewer{gh: gh, author: opt.Author}, nil
}

// Result says what a review did.
type Result struct {
	Posted      int // new inline comments
	Kept        int // earlier comments still true
	Resolved    int // earlier comments marked as no longer reported
	OutsideDiff int // findings not on a changed line, left to code scanning
}

// Review posts the findings on changed lines of the pull request.
func (r *Reviewer) Review(ctx context.Context, pr PullRequest, fs []finding.Finding) (Result, error) {
	changed, err := r.changedLines(ctx, pr)
	if err != nil {
		return Result{}, err
	}
	earlier, err := r.ownComments(ctx, pr)
	if err != nil {
		return Result{}, err
	}
	var res Result
	current := map[string]bool{}
	var comments []*github.DraftReviewComment
	for _, f := range fs {
		if !changed[f.File][f.Span.Start.Line] {
			res.OutsideDiff++
			continue
		}
		key := findingKey(f)
		if current[key] {
			continue
		}
		current[key] = true
		if _, ok := earlier[key]; ok {
			res.Kept++
			continue
		}
		comments = append(comments, &github.DraftReviewComment{
			Path: github.Ptr(f.File), Line: github.Ptr(f.Span.Start.Line), Side: github.Ptr("RIGHT"),
			Body: github.Ptr(commentBody(f, key)),
		})
	}
	if len(comments) > 0 {
		_, _, err := r.gh.PullRequests.CreateReview(ctx, pr.Owner, pr.Repo, pr.Number, &github.PullRequestReviewRequest{
			CommitID: github.Ptr(pr.HeadSHA),
			Event:    github.Ptr("COMMENT"),
			Body:     github.Ptr(fmt.Sprintf("atflint found %d %s on the lines this pull request changes.", len(comments), plural(len(comments), "problem"))),
			Comments: comments,
		})
		if err != nil {
			return res, apiError("post the review", err)
		}
		res.Posted = len(comments)
	}
	for key, c := range earlier {
		if current[key] {
			continue
		}
		body := resolvedBody(c.GetBody(), key, pr.HeadSHA)
		if _, _, err := r.gh.PullRequests.UpdateComment(ctx, pr.Owner, pr.Repo, c.GetID(), github.UpdatePullRequestCommentRequest{Body: body}); err != nil {
			return res, apiError("update an earlier comment", err)
		}
		res.Resolved++
	}
	return res, nil
}

// changedLines returns, for each file the pull request adds or changes,
// the line numbers its diff adds.
func (r *Reviewer) changedLines(ctx context.Context, pr PullRequest) (map[string]map[int]bool, error) {
	changed := map[string]map[int]bool{}
	for f, err := range r.gh.PullRequests.ListFilesIter(ctx, pr.Owner, pr.Repo, pr.Number, &github.ListOptions{PerPage: 100}) {
		if err != nil {
			return nil, apiError("list the pull request's files", err)
		}
		if f.GetStatus() == "removed" || f.GetPatch() == "" {
			continue
		}
		changed[f.GetFilename()] = addedLines(f.GetPatch())
	}
	return changed, nil
}

// ownComments returns atflint's active comments on the pull request, by
// the key of the finding each carries. Only the token's own comments
// count: anyone can write a marker into a comment.
func (r *Reviewer) ownComments(ctx context.Context, pr PullRequest) (map[string]*github.PullRequestComment, error) {
	author, err := r.login(ctx)
	if err != nil {
		return nil, err
	}
	own := map[string]*github.PullRequestComment{}
	opts := &github.PullRequestListCommentsOptions{ListOptions: github.ListOptions{PerPage: 100}}
	for c, err := range r.gh.PullRequests.ListCommentsIter(ctx, pr.Owner, pr.Repo, pr.Number, opts) {
		if err != nil {
			return nil, apiError("list the pull request's review comments", err)
		}
		if c.GetUser().GetLogin() != author {
			continue
		}
		if key, ok := activeKey(c.GetBody()); ok {
			own[key] = c
		}
	}
	return own, nil
}

// login returns who the token posts as: Options.Author, else the token's
// user, else, for a token that may not read its user, as a workflow's may
// not, github-actions[bot].
func (r *Reviewer) login(ctx context.Context) (string, error) {
	if r.author != "" {
		return r.author, nil
	}
	user, _, err := r.gh.Users.Get(ctx, "")
	var er *github.ErrorResponse
	switch {
	case err == nil:
		r.author = user.GetLogin()
	case errors.As(err, &er) && er.Response != nil && (er.Response.StatusCode == http.StatusForbidden || er.Response.StatusCode == http.StatusNotFound):
		r.author = workflowBot
	default:
		return "", apiError("read the token's user", err)
	}
	return r.author, nil
}

// addedLines reads a unified diff's hunks and returns the new-file line
// numbers of the added lines.
func addedLines(patch string) map[int]bool {
	lines := map[int]bool{}
	next := 0
	for _, l := range strings.Split(patch, "\n") {
		switch {
		case strings.HasPrefix(l, "@@"):
			// @@ -a,b +c,d @@
			fields := strings.Fields(l)
			if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
				next = 0
				continue
			}
			start, _, _ := strings.Cut(fields[2][1:], ",")
			next, _ = strconv.Atoi(start)
		case next == 0:
		case strings.HasPrefix(l, "+"):
			lines[next] = true
			next++
		case strings.HasPrefix(l, "-"), strings.HasPrefix(l, `\`):
		default:
			next++
		}
	}
	return lines
}

const markerPrefix = "<!-- atflint:finding:"

// findingKey identifies a finding across runs: same rule, file, line and
// message.
func findingKey(f finding.Finding) string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%s\x00%d\x00%s", f.Rule, f.File, f.Span.Start.Line, f.Message)))
	return hex.EncodeToString(sum[:8])
}

func activeKey(body string) (string, bool) {
	// The marker ends the body; a finding's message quoted above it may
	// hold marker-like text.
	i := strings.LastIndex(body, markerPrefix)
	if i < 0 {
		return "", false
	}
	rest := body[i+len(markerPrefix):]
	key, _, ok := strings.Cut(rest, " -->")
	return key, ok && key != ""
}

func commentBody(f finding.Finding, key string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**atflint** %s `%s`", f.Severity, f.Rule)
	if len(f.ATF) > 0 {
		fmt.Fprintf(&b, " (ATF %s)", strings.Join(f.ATF, ", "))
	}
	fmt.Fprintf(&b, "\n\n%s\n", f.Message)
	if r := rules.Lookup(f.Rule); r != nil {
		fmt.Fprintf(&b, "\n[%s: why, and how to fix it](%s)\n", r.Title, r.URL())
	}
	fmt.Fprintf(&b, "\n%s%s -->", markerPrefix, key)
	return b.String()
}

// resolvedBody rewrites an earlier comment once atflint no longer reports
// it; its marker changes, so it is not taken for an active one again.
func resolvedBody(body, key, sha string) string {
	text, _, _ := strings.Cut(body, markerPrefix)
	short := sha
	if len(short) > 7 {
		short = short[:7]
	}
	return fmt.Sprintf("No longer reported by atflint at %s.\n\n<details><summary>The earlier finding</summary>\n\n%s\n</details>\n\n<!-- atflint:resolved:%s -->",
		short, strings.TrimSpace(text), key)
}

// apiError words an API failure for the person reading the job log.
func apiError(what string, err error) error {
	var rl *github.RateLimitError
	var abuse *github.AbuseRateLimitError
	var resp *github.ErrorResponse
	switch {
	case errors.As(err, &rl):
		return fmt.Errorf("could not %s: the GitHub API rate limit is used up (%d requests an hour); it resets at %s; run the job again after that",
			what, rl.Rate.Limit, rl.Rate.Reset.UTC().Format("15:04 MST"))
	case errors.As(err, &abuse):
		return fmt.Errorf("could not %s: GitHub's secondary rate limit stopped the request; run the job again in a few minutes", what)
	case errors.As(err, &resp) && resp.Response != nil && (resp.Response.StatusCode == http.StatusUnauthorized || resp.Response.StatusCode == http.StatusForbidden):
		return fmt.Errorf("could not %s: GitHub answered %d %s; the token needs pull-requests: write", what, resp.Response.StatusCode, resp.Message)
	case errors.As(err, &resp) && resp.Response != nil:
		return fmt.Errorf("could not %s: GitHub answered %d %s", what, resp.Response.StatusCode, resp.Message)
	}
	return fmt.Errorf("could not %s: %w", what, err)
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
