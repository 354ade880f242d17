// Package fakegithub is a test server that speaks the GitHub REST
// endpoints atflint's pull-request review uses: pull request files and
// review comments, with pagination, reviews, comment updates, rate limits
// and server errors.
package fakegithub

import (
	"cmp"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"
)

// A File is a file of the pull request.
type File struct {
	Name, Status, Patch string
}

// A Comment is a review comment on the pull request.
type Comment struct {
	ID   int64  `json:"id"`
	Path string `json:"path"`
	Line int    `json:"line"`
	Body string `json:"body"`
	User *User  `json:"user,omitempty"`
}

// A User is the author of a comment.
type User struct {
	Login string `json:"login"`
}

// WorkflowBot is who a workflow's GITHUB_TOKEN posts as.
const WorkflowBot = "github-actions[bot]"

// A Review is a review posted to the server.
type Review struct {
	CommitID string    `json:"commit_id"`
	Body     string    `json:"body"`
	Event    string    `json:"event"`
	Comments []Comment `json:"comments"`
}

// Server is a fake GitHub for one pull request, owner/repo#1.
type Server struct {
	*httptest.Server
	Token    string
	PageSize int // the most items a page holds; smaller than requested forces pagination
	// Login is the token's user; empty for a workflow's token, which
	// cannot read /user and posts as WorkflowBot.
	Login string

	mu          sync.Mutex
	Files       []File
	Comments    []Comment
	Reviews     []Review
	Updated     map[int64]string
	Failures    int  // server errors to answer before succeeding
	RateLimited bool // answer every request with a rate-limit 403
	Requests    []string
}

// New starts a server; close it with Close.
func New(token string) *Server {
	s := &Server{Token: token, PageSize: 2, Updated: map[int64]string{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.Requests = append(s.Requests, r.Method+" "+r.URL.Path)
	if r.Header.Get("Authorization") != "Bearer "+s.Token {
		reply(w, http.StatusUnauthorized, map[string]string{"message": "Bad credentials"})
		return
	}
	if s.RateLimited {
		w.Header().Set("X-RateLimit-Limit", "5000")
		w.Header().Set("X-RateLimit-Remaining", "0")
		w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(time.Date(2030, 1, 1, 12, 0, 0, 0, time.UTC).Unix(), 10))
		reply(w, http.StatusForbidden, map[string]string{"message": "API rate limit exceeded"})
		return
	}
	if s.Failures > 0 {
		s.Failures--
		reply(w, http.StatusBadGateway, map[string]string{"message": "Server Error"})
		return
	}
	const base = "/repos/owner/repo/pulls/"
	switch path := r.URL.Path; {
	case r.Method == http.MethodGet && path == "/user":
		if s.Login == "" {
			reply(w, http.StatusForbidden, map[string]string{"message": "Resource not accessible by integration"})
			return
		}
		reply(w, http.StatusOK, User{s.Login})
	case r.Method == http.MethodGet && path == base+"1/files":
		var items []any
		for _, f := range s.Files {
			items = append(items, map[string]string{"filename": f.Name, "status": f.Status, "patch": f.Patch})
		}
		s.page(w, r, items)
	case r.Method == http.MethodGet && path == base+"1/comments":
		var items []any
		for _, c := range s.Comments {
			items = append(items, c)
		}
		s.page(w, r, items)
	case r.Method == http.MethodPost && path == base+"1/reviews":
		var rv Review
		if err := json.NewDecoder(r.Body).Decode(&rv); err != nil {
			reply(w, http.StatusBadRequest, map[string]string{"message": err.Error()})
			return
		}
		s.Reviews = append(s.Reviews, rv)
		for _, c := range rv.Comments {
			c.ID = int64(1000 + len(s.Comments))
			c.User = &User{cmp.Or(s.Login, WorkflowBot)}
			s.Comments = append(s.Comments, c)
		}
		reply(w, http.StatusOK, map[string]any{"id": len(s.Reviews)})
	case r.Method == http.MethodPatch && strings.HasPrefix(path, base+"comments/"):
		id, _ := strconv.ParseInt(strings.TrimPrefix(path, base+"comments/"), 10, 64)
		var body struct{ Body string }
		json.NewDecoder(r.Body).Decode(&body)
		for i := range s.Comments {
			if s.Comments[i].ID == id {
				s.Comments[i].Body = body.Body
				s.Updated[id] = body.Body
				reply(w, http.StatusOK, s.Comments[i])
				return
			}
		}
		reply(w, http.StatusNotFound, map[string]string{"message": "Not Found"})
	default:
		reply(w, http.StatusNotFound, map[string]string{"message": "Not Found"})
	}
}

// page answers one page of items, with a Link header to the next.
func (s *Server) page(w http.ResponseWriter, r *http.Request, items []any) {
	size := s.PageSize
	if n, err := strconv.Atoi(r.URL.Query().Get("per_page")); err == nil && n < size {
		size = n
	}
	page := 1
	if n, err := strconv.Atoi(r.URL.Query().Get("page")); err == nil && n > 0 {
		page = n
	}
	from := min((page-1)*size, len(items))
	to := min(from+size, len(items))
	if to < len(items) {
		q := r.URL.Query()
		q.Set("page", strconv.Itoa(page+1))
		w.Header().Set("Link", fmt.Sprintf(`<%s%s?%s>; rel="next"`, s.URL, r.URL.Path, q.Encode()))
	}
	if items == nil {
		items = []any{}
	}
	reply(w, http.StatusOK, items[from:to])
}

func reply(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
