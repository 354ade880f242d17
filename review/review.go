// Package review posts findings to a GitHub pull request as one review,
// with one comment for each changed line that has findings, listing them
// all. Findings elsewhere are left to code scanning. On a re-run it finds
// its own earlier comments by a marker, leaves those still true alone,
// rewrites in place those whose line's findings changed, and marks those
// no longer reported, so nothing is posted twice.
package review

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/go-github/v93/github"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/ruledoc"
)

// PullRequest names the pull request a workflow runs for.
type PullRequest struct {
	Owner, Repo string
	Number      int
	HeadSHA     string
	// BaseSHA is the commit of the base branch the event names; "" when
	// it names none.
	BaseSHA string
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
			Base struct {
				SHA string `json:"sha"`
			} `json:"base"`
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
	return PullRequest{owner, repo, ev.PullRequest.Number, ev.PullRequest.Head.SHA, ev.PullRequest.Base.SHA}, nil
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
	// MaxComments is the most new comments one review posts; the lines
	// past it are listed in the review's body. 0 means DefaultMaxComments.
	MaxComments int
	// Lead writes the Markdown the review's body starts with: what the
	// pull request adds to the agents' surface. Nil leaves it out.
	Lead func() string
	// Summarize writes the Markdown summary of the findings on the changed
	// lines, after the lead; nil leaves it out.
	Summarize func([]finding.Finding) string
	// Ref is the release or commit the rules' documentation is linked at.
	Ref string
}

// DefaultMaxComments keeps a review readable, and within what GitHub
// takes in one request without complaint.
const DefaultMaxComments = 30

// maxFindingsPerComment bounds one comment, far below GitHub's 65,536
// characters.
const maxFindingsPerComment = 20

// A Reviewer posts reviews with one token.
type Reviewer struct {
	gh  *github.Client
	opt Options
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
	if opt.MaxComments <= 0 {
		opt.MaxComments = DefaultMaxComments
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
	return &Reviewer{gh: gh, opt: opt}, nil
}

// Result says what a review did.
type Result struct {
	Posted      int `json:"posted"`      // new line comments
	Updated     int `json:"updated"`     // earlier comments rewritten in place, their line's findings changed
	Kept        int `json:"kept"`        // earlier comments still true as they are
	Resolved    int `json:"resolved"`    // earlier comments marked no longer reported
	OutsideDiff int `json:"outsideDiff"` // findings not on a changed line, left to code scanning
	// Uncommented are lines with findings past Options.MaxComments,
	// listed in the review's body instead.
	Uncommented int `json:"uncommented"`
}

// A Plan is what a review does: the review to post, if any (its body and
// new comments, one per line), the earlier comments to rewrite in place,
// and those to mark as no longer reported. A dry run prints it.
type Plan struct {
	Review   *NewReview    `json:"review"` // nil when nothing is new
	Updates  []EditComment `json:"updates"`
	Resolved []EditComment `json:"resolved"`
	Result   Result        `json:"result"`
}

// NewReview is the review a plan posts.
type NewReview struct {
	CommitID string       `json:"commit_id"`
	Body     string       `json:"body"`
	Comments []NewComment `json:"comments"`
}

// NewComment is one line's comment.
type NewComment struct {
	Path string `json:"path"`
	Line int    `json:"line"`
	Body string `json:"body"`
}

// EditComment rewrites an earlier comment.
type EditComment struct {
	ID   int64  `json:"id"`
	Path string `json:"path"`
	Line int    `json:"line"`
	Body string `json:"body"`
}

// Review plans the review of the findings on changed lines and posts it.
func (r *Reviewer) Review(ctx context.Context, pr PullRequest, fs []finding.Finding) (Result, error) {
	p, err := r.Plan(ctx, pr, fs)
	if err != nil {
		return Result{}, err
	}
	return p.Result, r.Apply(ctx, pr, p)
}

// Plan reads the pull request's changed lines and atflint's earlier
// comments, and works out the review, changing nothing.
func (r *Reviewer) Plan(ctx context.Context, pr PullRequest, fs []finding.Finding) (*Plan, error) {
	changed, err := r.changedLines(ctx, pr)
	if err != nil {
		return nil, err
	}
	earlier, err := r.ownComments(ctx, pr)
	if err != nil {
		return nil, err
	}
	p := &Plan{Updates: []EditComment{}, Resolved: []EditComment{}}
	// The findings on changed lines, by line, in file order.
	type line struct {
		file string
		n    int
	}
	var lines []line
	byLine := map[line][]finding.Finding{}
	var onDiff []finding.Finding
	for _, f := range fs {
		l := line{f.File, f.Span.Start.Line}
		if !changed[f.File][l.n] {
			p.Result.OutsideDiff++
			continue
		}
		if byLine[l] == nil {
			lines = append(lines, l)
		}
		byLine[l] = append(byLine[l], f)
		onDiff = append(onDiff, f)
	}
	current := map[string]bool{}
	var comments []NewComment
	var over []string
	for _, l := range lines {
		key := lineKey(l.file, l.n)
		current[key] = true
		body, sum := r.lineBody(byLine[l], key)
		if c, ok := earlier[key]; ok {
			if _, was, _ := activeKey(c.GetBody()); was == sum {
				p.Result.Kept++
			} else {
				p.Updates = append(p.Updates, EditComment{c.GetID(), l.file, l.n, body})
				p.Result.Updated++
			}
			continue
		}
		if len(comments) == r.opt.MaxComments {
			over = append(over, fmt.Sprintf("- `%s:%d`: %s", l.file, l.n, ruleList(byLine[l])))
			p.Result.Uncommented++
			continue
		}
		comments = append(comments, NewComment{l.file, l.n, body})
	}
	for key, c := range earlier {
		if !current[key] {
			p.Resolved = append(p.Resolved, EditComment{c.GetID(), c.GetPath(), c.GetLine(), resolvedBody(c.GetBody(), key, pr.HeadSHA)})
		}
	}
	slices.SortFunc(p.Resolved, func(a, b EditComment) int { return cmp.Compare(a.ID, b.ID) })
	p.Result.Resolved = len(p.Resolved)
	if len(comments) > 0 {
		p.Review = &NewReview{CommitID: pr.HeadSHA, Body: r.reviewBody(onDiff, len(comments), over), Comments: comments}
		p.Result.Posted = len(comments)
	}
	return p, nil
}

// Apply carries out a plan: the review first, then the edits.
func (r *Reviewer) Apply(ctx context.Context, pr PullRequest, p *Plan) error {
	if p.Review != nil {
		var comments []*github.DraftReviewComment
		for _, c := range p.Review.Comments {
			comments = append(comments, &github.DraftReviewComment{Path: github.Ptr(c.Path), Line: github.Ptr(c.Line), Side: github.Ptr("RIGHT"), Body: github.Ptr(c.Body)})
		}
		_, _, err := r.gh.PullRequests.CreateReview(ctx, pr.Owner, pr.Repo, pr.Number, &github.PullRequestReviewRequest{
			CommitID: github.Ptr(p.Review.CommitID), Event: github.Ptr("COMMENT"), Body: github.Ptr(p.Review.Body), Comments: comments,
		})
		if err != nil {
			return apiError("post the review", err)
		}
	}
	for _, e := range slices.Concat(p.Updates, p.Resolved) {
		if _, _, err := r.gh.PullRequests.UpdateComment(ctx, pr.Owner, pr.Repo, e.ID, github.UpdatePullRequestCommentRequest{Body: e.Body}); err != nil {
			return apiError("update an earlier comment", err)
		}
	}
	return nil
}

// reviewBody heads the review: the surface change, how many findings and
// comments, the summary, and the lines past the comment limit.
func (r *Reviewer) reviewBody(onDiff []finding.Finding, comments int, over []string) string {
	var b strings.Builder
	if r.opt.Lead != nil {
		b.WriteString(r.opt.Lead() + "\n")
	}
	fmt.Fprintf(&b, "atflint found %s on the lines this pull request changes, in %s.\n", count(len(onDiff), "finding"), count(comments+len(over), "line"))
	if r.opt.Summarize != nil {
		b.WriteString("\n" + r.opt.Summarize(onDiff))
	}
	if len(over) > 0 {
		fmt.Fprintf(&b, "\nOne review holds at most %s; these lines have findings too:\n\n%s\n", count(r.opt.MaxComments, "comment"), strings.Join(over, "\n"))
	}
	return b.String()
}

// ruleList names the rules of a line's findings, each once.
func ruleList(fs []finding.Finding) string {
	var ids []string
	for _, f := range fs {
		if !slices.Contains(ids, f.Rule) {
			ids = append(ids, f.Rule)
		}
	}
	return strings.Join(ids, ", ")
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
		if key, _, ok := activeKey(c.GetBody()); ok {
			own[key] = c
		}
	}
	return own, nil
}

// login returns who the token posts as: Options.Author, else the token's
// user, else, for a token that may not read its user, as a workflow's may
// not, github-actions[bot].
func (r *Reviewer) login(ctx context.Context) (string, error) {
	if r.opt.Author != "" {
		return r.opt.Author, nil
	}
	user, _, err := r.gh.Users.Get(ctx, "")
	var er *github.ErrorResponse
	switch {
	case err == nil:
		r.opt.Author = user.GetLogin()
	case errors.As(err, &er) && er.Response != nil && (er.Response.StatusCode == http.StatusForbidden || er.Response.StatusCode == http.StatusNotFound):
		r.opt.Author = workflowBot
	default:
		return "", apiError("read the token's user", err)
	}
	return r.opt.Author, nil
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
			// A start that is no line number ends the hunk's lines: a
			// comment on line 0 or -1 is one GitHub refuses.
			if next, _ = strconv.Atoi(start); next < 1 {
				next = 0
			}
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

const markerPrefix = "<!-- atflint:line:"

// lineKey identifies the comment of one line across runs.
func lineKey(file string, line int) string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d", file, line)))
	return hex.EncodeToString(sum[:8])
}

// activeKey reads the marker that ends one of atflint's comments: the
// line's key, and the sum of the text above it, which tells whether a
// re-run has anything new to say there (GitHub may re-encode the text
// itself).
func activeKey(body string) (key, sum string, ok bool) {
	// The marker ends the body; a finding's message quoted above it may
	// hold marker-like text.
	i := strings.LastIndex(body, markerPrefix)
	if i < 0 {
		return "", "", false
	}
	inner, _, ok := strings.Cut(body[i+len(markerPrefix):], " -->")
	key, sum, _ = strings.Cut(inner, " ")
	return key, sum, ok && key != ""
}

func textSum(text string) string {
	s := sha256.Sum256([]byte(text))
	return hex.EncodeToString(s[:8])
}

// lineBody is the comment of one line: every finding on it, the missing
// controls of one place as one item, each with its rule's page.
func (r *Reviewer) lineBody(fs []finding.Finding, key string) (body, sum string) {
	grouped := finding.Grouped(fs)
	var b strings.Builder
	if len(grouped) == 1 {
		b.WriteString("**atflint**\n\n")
	} else {
		fmt.Fprintf(&b, "**atflint**: %s on this line\n\n", count(len(grouped), "finding"))
	}
	for _, f := range grouped[:min(len(grouped), maxFindingsPerComment)] {
		fmt.Fprintf(&b, "- **%s** [`%s`](%s)", f.Severity, f.Rule, ruledoc.URLAt(f.Rule, r.opt.Ref))
		if len(f.ATF) > 0 {
			fmt.Fprintf(&b, " (ATF %s)", strings.Join(f.ATF, ", "))
		}
		fmt.Fprintf(&b, ": %s\n", inert(f.Message))
	}
	if n := len(grouped) - maxFindingsPerComment; n > 0 {
		fmt.Fprintf(&b, "- and %s more (atflint check lists them all)\n", count(n, "finding"))
	}
	sum = textSum(b.String())
	return fmt.Sprintf("%s\n%s%s %s -->", b.String(), markerPrefix, key, sum), sum
}

// inert keeps text a file put into a message from acting in a comment:
// no HTML (a comment could hide the marker), no mentions that notify, on
// one line.
func inert(s string) string {
	return strings.NewReplacer("<", "&lt;", ">", "&gt;", "@", "@\u200b", "\r", " ", "\n", " ").Replace(s)
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

// count writes "1 finding", "2 findings".
func count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
