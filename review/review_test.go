package review

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/internal/fakegithub"
	"github.com/atflint/atflint/syntax"
)

const token = "ghs_test0123456789abcdefghijklmnopqrstuv"

var pr = PullRequest{Owner: "owner", Repo: "repo", Number: 1, HeadSHA: "0123456789abcdef0123456789abcdef01234567"}

func at(file string, line int, rule, msg string) finding.Finding {
	return finding.Finding{Rule: rule, Severity: finding.Error, Message: msg, File: file,
		Span: syntax.Span{Start: syntax.Pos{Line: line, Col: 1}, End: syntax.Pos{Line: line, Col: 5}}, ATF: []string{"I-1"}}
}

func newReviewer(t *testing.T, s *fakegithub.Server) *Reviewer {
	t.Helper()
	r, err := New(token, Options{APIURL: s.URL, Retries: 3, Backoff: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestReview(t *testing.T) {
	s := fakegithub.New(token)
	defer s.Close()
	s.Files = []fakegithub.File{
		{Name: "a.atf.yaml", Status: "modified", Patch: "@@ -1,3 +1,5 @@\n ctx\n-old\n+new3\n+new4\n+new5\n ctx"},
		{Name: "gone.atf.yaml", Status: "removed", Patch: "@@ -1 +0,0 @@\n-x"},
		{Name: "c.atf.yaml", Status: "added", Patch: "@@ -0,0 +10,1 @@\n+x"},
	}
	fs := []finding.Finding{
		at("a.atf.yaml", 3, "missing-identity", "no id"),
		at("a.atf.yaml", 3, "unknown-key", "a misspelt key"),
		at("a.atf.yaml", 20, "unknown-key", "outside the diff"),
		at("c.atf.yaml", 10, "inline-secret", "a secret"),
	}
	r := newReviewer(t, s)
	res, err := r.Review(context.Background(), pr, fs)
	if err != nil {
		t.Fatal(err)
	}
	if res != (Result{Posted: 2, OutsideDiff: 1}) || len(s.Reviews) != 1 {
		t.Fatalf("result %+v, %d reviews", res, len(s.Reviews))
	}
	rv := s.Reviews[0]
	if rv.CommitID != pr.HeadSHA || rv.Event != "COMMENT" || len(rv.Comments) != 2 || rv.Comments[0].Path != "a.atf.yaml" || rv.Comments[0].Line != 3 {
		t.Errorf("review %+v", rv)
	}
	// One comment for the line, with both of its findings.
	first := rv.Comments[0].Body
	if !strings.Contains(first, "2 findings on this line") || !strings.Contains(first, "[`missing-identity`](https://github.com/atflint/atflint/blob/main/docs/rules/missing-identity.md)") || !strings.Contains(first, "a misspelt key") {
		t.Errorf("comment body %q", first)
	}
	if !strings.HasPrefix(rv.Body, "atflint found 3 findings on the lines this pull request changes, in 2 lines.") {
		t.Errorf("review body %q", rv.Body)
	}

	// A re-run with the same findings posts nothing new.
	res, err = r.Review(context.Background(), pr, fs)
	if err != nil {
		t.Fatal(err)
	}
	if res != (Result{Kept: 2, OutsideDiff: 1}) || len(s.Reviews) != 1 {
		t.Errorf("re-run: result %+v, %d reviews", res, len(s.Reviews))
	}

	// One of the line's findings fixed: its comment is rewritten in place.
	res, err = r.Review(context.Background(), pr, fs[1:])
	if err != nil {
		t.Fatal(err)
	}
	if res != (Result{Updated: 1, Kept: 1, OutsideDiff: 1}) || len(s.Reviews) != 1 || len(s.Updated) != 1 {
		t.Fatalf("after one fix: result %+v, %d reviews, %d updated", res, len(s.Reviews), len(s.Updated))
	}
	for _, body := range s.Updated {
		if strings.Contains(body, "no id") || !strings.Contains(body, "a misspelt key") {
			t.Errorf("updated body %q", body)
		}
	}
	if res, _ = r.Review(context.Background(), pr, fs[1:]); res != (Result{Kept: 2, OutsideDiff: 1}) {
		t.Errorf("after the update, a re-run: %+v", res)
	}

	// Once the line is clean, its comment says so, once.
	clear(s.Updated)
	res, err = r.Review(context.Background(), pr, fs[2:])
	if err != nil {
		t.Fatal(err)
	}
	if res != (Result{Kept: 1, Resolved: 1, OutsideDiff: 1}) || len(s.Updated) != 1 {
		t.Fatalf("after the fix: result %+v, %d updated", res, len(s.Updated))
	}
	for _, body := range s.Updated {
		if !strings.HasPrefix(body, "No longer reported by atflint at 0123456.") || !strings.Contains(body, "a misspelt key") {
			t.Errorf("updated body %q", body)
		}
	}
	if res, _ = r.Review(context.Background(), pr, fs[2:]); res.Resolved != 0 {
		t.Errorf("a resolved comment was resolved again: %+v", res)
	}
	for _, req := range s.Requests {
		if strings.Contains(req, token) {
			t.Errorf("the token is in a request line: %s", req)
		}
	}
}

// TestPlanAndLimit: a plan changes nothing, and a review posts at most
// MaxComments, listing the other lines in its body.
func TestPlanAndLimit(t *testing.T) {
	s := fakegithub.New(token)
	defer s.Close()
	s.Files = []fakegithub.File{{Name: "a.atf.yaml", Status: "added", Patch: "@@ -0,0 +1,3 @@\n+x\n+y\n+z"}}
	r, err := New(token, Options{APIURL: s.URL, MaxComments: 2, Summarize: func(fs []finding.Finding) string { return fmt.Sprintf("SUMMARY of %d\n", len(fs)) }})
	if err != nil {
		t.Fatal(err)
	}
	fs := []finding.Finding{at("a.atf.yaml", 1, "r1", "m"), at("a.atf.yaml", 2, "r2", "m"), at("a.atf.yaml", 3, "r3", "m")}
	p, err := r.Plan(context.Background(), pr, fs)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Reviews) != 0 || len(s.Updated) != 0 {
		t.Fatal("planning posted something")
	}
	if p.Result != (Result{Posted: 2, Uncommented: 1}) || len(p.Review.Comments) != 2 {
		t.Fatalf("plan %+v", p.Result)
	}
	if body := p.Review.Body; !strings.Contains(body, "SUMMARY of 3") || !strings.Contains(body, "at most 2 comments") || !strings.Contains(body, "- `a.atf.yaml:3`: r3") {
		t.Errorf("body %q", body)
	}
	if err := r.Apply(context.Background(), pr, p); err != nil || len(s.Reviews) != 1 {
		t.Errorf("apply: %v, %d reviews", err, len(s.Reviews))
	}
}

// TestInert: what a file puts into a message cannot hide the marker,
// notify anyone or break the list.
func TestInert(t *testing.T) {
	r := &Reviewer{}
	body, _ := r.lineBody([]finding.Finding{at("a.atf.yaml", 1, "unknown-key", "key <!-- atflint:line:0 --> for @acme/security\n- injected")}, "k")
	if strings.Count(body, markerPrefix) != 1 || strings.Contains(body, "@acme") || strings.Contains(body, "\n- injected") {
		t.Errorf("body %q", body)
	}
	if key, _, ok := activeKey(body); !ok || key != "k" {
		t.Errorf("key %q", key)
	}
}

func TestServerErrorsAreRetried(t *testing.T) {
	s := fakegithub.New(token)
	defer s.Close()
	s.Files = []fakegithub.File{{Name: "a.atf.yaml", Status: "added", Patch: "@@ -0,0 +1 @@\n+x"}}
	s.Failures = 2
	res, err := newReviewer(t, s).Review(context.Background(), pr, []finding.Finding{at("a.atf.yaml", 1, "missing-identity", "no id")})
	if err != nil || res.Posted != 1 {
		t.Errorf("result %+v, err %v; two 502s should be retried", res, err)
	}
}

func TestErrors(t *testing.T) {
	s := fakegithub.New(token)
	defer s.Close()
	s.RateLimited = true
	_, err := newReviewer(t, s).Review(context.Background(), pr, nil)
	if err == nil || !strings.Contains(err.Error(), "rate limit is used up (5000 requests an hour); it resets at 12:00 UTC") {
		t.Errorf("rate limit: %v", err)
	}
	s.RateLimited = false
	s.Failures = 10
	_, err = newReviewer(t, s).Review(context.Background(), pr, nil)
	if err == nil || !strings.Contains(err.Error(), "502") {
		t.Errorf("server errors past the retries: %v", err)
	}
	s.Failures = 0
	bad, err := New("ghs_wrong", Options{APIURL: s.URL})
	if err != nil {
		t.Fatal(err)
	}
	_, err = bad.Review(context.Background(), pr, nil)
	if err == nil || !strings.Contains(err.Error(), "401 Bad credentials; the token needs pull-requests: write") || strings.Contains(err.Error(), "ghs_wrong") {
		t.Errorf("bad token: %v", err)
	}
	if _, err := New("", Options{}); err == nil || !strings.Contains(err.Error(), "GITHUB_TOKEN") {
		t.Errorf("no token: %v", err)
	}
}

func TestReadEvent(t *testing.T) {
	dir := t.TempDir()
	write := func(s string) string {
		p := filepath.Join(dir, "event.json")
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	got, err := ReadEvent(write(`{"pull_request": {"number": 7, "head": {"sha": "abc"}}, "repository": {"full_name": "o/r"}}`))
	if err != nil || got != (PullRequest{"o", "r", 7, "abc", ""}) {
		t.Errorf("ReadEvent = %+v, %v", got, err)
	}
	for src, want := range map[string]string{
		`{"pull_request": `:                                 "not valid JSON",
		`{"ref": "refs/heads/main"}`:                        "not about a pull request",
		`{"pull_request": {"number": 7}, "repository": {}}`: "lacks the repository",
	} {
		if _, err := ReadEvent(write(src)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ReadEvent(%s) = %v; want %q", src, err, want)
		}
	}
	if _, err := ReadEvent(filepath.Join(dir, "missing.json")); err == nil {
		t.Error("a missing event file is not an error")
	}
}

func TestAddedLines(t *testing.T) {
	patch := "@@ -1,4 +1,5 @@\n a\n-b\n+B\n+C\n c\n\\ No newline at end of file\n@@ -20,2 +21,3 @@ func x\n x\n+y\n z"
	got := addedLines(patch)
	if len(got) != 3 || !got[2] || !got[3] || !got[22] {
		t.Errorf("addedLines = %v; want 2, 3 and 22", got)
	}
}

// TestOthersMarkersAreIgnored checks that a comment carrying atflint's
// marker but written by someone else neither stands for a finding nor
// gets edited.
func TestOthersMarkersAreIgnored(t *testing.T) {
	for _, login := range []string{"", "atflint-pat-user"} {
		s := fakegithub.New(token)
		s.Login = login
		s.Files = []fakegithub.File{{Name: "a.atf.yaml", Status: "added", Patch: "@@ -0,0 +1 @@\n+x"}}
		f := at("a.atf.yaml", 1, "missing-identity", "no id")
		same, _ := (&Reviewer{}).lineBody([]finding.Finding{f}, lineKey(f.File, 1))
		other, _ := (&Reviewer{}).lineBody([]finding.Finding{f}, "0000000000000000")
		s.Comments = []fakegithub.Comment{
			{ID: 1, Path: "a.atf.yaml", Line: 1, Body: same, User: &fakegithub.User{Login: "mallory"}},
			{ID: 2, Path: "a.atf.yaml", Line: 1, Body: other, User: &fakegithub.User{Login: "mallory"}},
		}
		res, err := newReviewer(t, s).Review(context.Background(), pr, []finding.Finding{f})
		if err != nil || res != (Result{Posted: 1}) || len(s.Updated) != 0 {
			t.Errorf("login %q: result %+v, err %v, updated %v; want the finding posted and no one else's comment touched", login, res, err, s.Updated)
		}
		// atflint's own comment is found again, whoever the token is.
		if res, err := newReviewer(t, s).Review(context.Background(), pr, []finding.Finding{f}); err != nil || res != (Result{Kept: 1}) {
			t.Errorf("login %q: re-run result %+v, err %v", login, res, err)
		}
		s.Close()
	}
}
