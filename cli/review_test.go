package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/atflint/atflint/internal/fakegithub"
)

const testToken = "ghs_cli0123456789abcdefghijklmnopqrstuvw"

// prEnv points github-review at a fake GitHub and an event for owner/repo#1.
func prEnv(t *testing.T, s *fakegithub.Server, event string) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "event.json")
	if err := os.WriteFile(p, []byte(event), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GITHUB_EVENT_PATH", p)
	t.Setenv("GITHUB_TOKEN", testToken)
	t.Setenv("GITHUB_API_URL", s.URL)
}

const prEvent = `{"pull_request": {"number": 1, "head": {"sha": "feedfacefeedfacefeedfacefeedfacefeedface"}}, "repository": {"full_name": "owner/repo"}}`

func TestGitHubReview(t *testing.T) {
	s := fakegithub.New(testToken)
	defer s.Close()
	// The pull request adds lines 1 to 17 of the insecure example.
	var patch strings.Builder
	patch.WriteString("@@ -0,0 +1,17 @@\n")
	for range 17 {
		patch.WriteString("+line\n")
	}
	s.Files = []fakegithub.File{{Name: "examples/insecure/support-bot.atf.yaml", Status: "added", Patch: patch.String()}}
	prEnv(t, s, prEvent)

	code, out, errOut := atflint(t, "github-review", "examples/insecure")
	if code != ExitClean {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if len(s.Reviews) != 1 {
		t.Fatalf("%d reviews posted", len(s.Reviews))
	}
	for _, c := range s.Reviews[0].Comments {
		if c.Line > 17 {
			t.Errorf("a comment on line %d, which the pull request does not change", c.Line)
		}
	}
	// Nine findings on six lines: one comment per line.
	if !strings.Contains(out, "pull request #1: 6 new comments posted") || strings.Contains(out+errOut, testToken) {
		t.Errorf("stdout %q, stderr %q", out, errOut)
	}
	lines := map[int]bool{}
	for _, c := range s.Reviews[0].Comments {
		if lines[c.Line] {
			t.Errorf("two comments on line %d", c.Line)
		}
		lines[c.Line] = true
	}
	if body := s.Reviews[0].Body; !strings.Contains(body, "### atflint:") || !strings.Contains(body, "| Rule | Errors |") {
		t.Errorf("the review's body has no summary:\n%s", body)
	}
	// A second run posts nothing new.
	if code, out, _ := atflint(t, "github-review", "examples/insecure"); code != ExitClean || len(s.Reviews) != 1 || !strings.Contains(out, "0 new comments posted, 0 updated, 6 earlier still true") {
		t.Errorf("re-run: exit %d, %d reviews, %q", code, len(s.Reviews), out)
	}
	if code, _, _ := atflint(t, "github-review", "--fail-on", "error", "examples/insecure"); code != ExitFindings {
		t.Errorf("--fail-on error: exit %d, want 1", code)
	}
	// Under another author, the comments are not atflint's own.
	if code, out, _ := atflint(t, "github-review", "--author", "some-app[bot]", "examples/insecure"); code != ExitClean || !strings.Contains(out, "6 new comments posted, 0 updated, 0 earlier") {
		t.Errorf("--author: exit %d, %q", code, out)
	}
}

// TestGitHubReviewDryRun prints the review as JSON and posts nothing.
func TestGitHubReviewDryRun(t *testing.T) {
	s := fakegithub.New(testToken)
	defer s.Close()
	s.Files = []fakegithub.File{{Name: "examples/insecure/support-bot.atf.yaml", Status: "added", Patch: "@@ -0,0 +1,6 @@\n+a\n+b\n+c\n+d\n+e\n+f\n"}}
	prEnv(t, s, prEvent)
	code, out, errOut := atflint(t, "github-review", "--dry-run", "--max-comments", "1", "examples/insecure")
	if code != ExitClean || len(s.Reviews) != 0 || len(s.Updated) != 0 {
		t.Fatalf("exit %d, %d reviews, %d updates: %s", code, len(s.Reviews), len(s.Updated), errOut)
	}
	var plan struct {
		Review struct {
			Body     string
			Comments []struct{ Path, Body string }
		}
		Result struct{ Posted, Uncommented int }
	}
	if err := json.Unmarshal([]byte(out), &plan); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if plan.Result.Posted != 1 || plan.Result.Uncommented != 1 || len(plan.Review.Comments) != 1 || !strings.Contains(plan.Review.Body, "at most 1 comment;") {
		t.Errorf("plan %+v", plan)
	}
	if code, _, errOut := atflint(t, "github-review", "--max-comments", "0", "examples/insecure"); code != ExitUsage || !strings.Contains(errOut, "want 1 or more") {
		t.Errorf("--max-comments 0: exit %d, %q", code, errOut)
	}
}

func TestGitHubReviewErrors(t *testing.T) {
	s := fakegithub.New(testToken)
	defer s.Close()

	prEnv(t, s, `{"pull_request": {`)
	if code, _, errOut := atflint(t, "github-review", "examples/insecure"); code != ExitUsage || !strings.Contains(errOut, "not valid JSON") {
		t.Errorf("malformed event: exit %d, %q", code, errOut)
	}
	prEnv(t, s, prEvent)
	t.Setenv("GITHUB_TOKEN", "")
	if code, _, errOut := atflint(t, "github-review", "examples/insecure"); code != ExitUsage || !strings.Contains(errOut, "set GITHUB_TOKEN") {
		t.Errorf("no token: exit %d, %q", code, errOut)
	}
	t.Setenv("GITHUB_EVENT_PATH", "")
	if code, _, errOut := atflint(t, "github-review", "examples/insecure"); code != ExitUsage || !strings.Contains(errOut, "neither GITHUB_EVENT_PATH nor GITHUB_TOKEN is set") {
		t.Errorf("no event, no token: exit %d, %q", code, errOut)
	}
	t.Setenv("GITHUB_TOKEN", testToken)
	if code, _, errOut := atflint(t, "github-review", "examples/insecure"); code != ExitUsage || !strings.Contains(errOut, "GITHUB_EVENT_PATH is not set") {
		t.Errorf("no event: exit %d, %q", code, errOut)
	}
	prEnv(t, s, prEvent)
	s.RateLimited = true
	code, out, errOut := atflint(t, "github-review", "examples/insecure")
	if code != ExitInternal || !strings.Contains(errOut, "rate limit") || strings.Contains(out+errOut, testToken) {
		t.Errorf("rate limited: exit %d, %q", code, errOut)
	}
}

// TestGitHubReviewSurface leads the review with what the pull request adds
// to the agents' surface since its base commit, or says why it could not.
func TestGitHubReviewSurface(t *testing.T) {
	dir, base := surfaceRepo(t)
	s := fakegithub.New(testToken)
	defer s.Close()
	s.Files = []fakegithub.File{{Name: "notes.atf.yaml", Status: "added", Patch: "@@ -0,0 +1,9 @@\n" + strings.Repeat("+line\n", 9)}}
	for _, tc := range []struct{ base, want string }{
		{base, "### Agent surface since `" + base + "`\n\n| | Change |\n|---|---|\n| ⚠️ | tool \"read_note\": description changed"},
		{"0000000000000000000000000000000000000000", "The agents' tools and MCP servers were not compared with the base commit: --diff 0000000000000000000000000000000000000000: no such revision"},
	} {
		prEnv(t, s, `{"pull_request": {"number": 1, "head": {"sha": "feedfacefeedfacefeedfacefeedfacefeedface"}, "base": {"sha": "`+tc.base+`"}}, "repository": {"full_name": "owner/repo"}}`)
		code, out, errOut := atflintIn(t, dir, "github-review", "--dry-run", "--no-go")
		var plan struct{ Review struct{ Body string } }
		if err := json.Unmarshal([]byte(out), &plan); code != ExitClean || err != nil {
			t.Fatalf("exit %d, %v: %s%s", code, err, out, errOut)
		}
		if !strings.HasPrefix(plan.Review.Body, tc.want) {
			t.Errorf("body:\n%s\nwant it to start with\n%s", plan.Review.Body, tc.want)
		}
	}
}
