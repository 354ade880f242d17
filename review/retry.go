package review

import (
	"net/http"
	"time"
)

// retryTransport tries a request again when GitHub answers with a server
// error, waiting longer each time. A POST, which could create something
// twice, is tried again only when GitHub says it did not take the request
// (503); a bad gateway or a gateway timeout may have let it through.
type retryTransport struct {
	base    http.RoundTripper
	retries int
	backoff time.Duration
}

func (t *retryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	wait := t.backoff
	for attempt := 0; ; attempt++ {
		resp, err := t.base.RoundTrip(req)
		if err != nil || resp.StatusCode < 500 || attempt >= t.retries || !retriable(req.Method, resp.StatusCode) {
			return resp, err
		}
		if req.Body != nil {
			if req.GetBody == nil {
				return resp, nil
			}
			body, err := req.GetBody()
			if err != nil {
				return resp, nil
			}
			req = req.Clone(req.Context())
			req.Body = body
		}
		resp.Body.Close()
		select {
		case <-time.After(wait):
		case <-req.Context().Done():
			return nil, req.Context().Err()
		}
		wait *= 2
	}
}

func retriable(method string, status int) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPatch, http.MethodPut:
		return true
	}
	return status == http.StatusServiceUnavailable
}
