// Package controlsdemo implements some ATF controls, and names others
// only.
package controlsdemo

import (
	"context"
	"log/slog"
	"os"
	"os/signal"

	"golang.org/x/time/rate"
)

var limiter = rate.NewLimiter(10, 1)

func serve() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if limiter.Allow() {
		slog.InfoContext(ctx, "tool called")
	}
	slog.Info("again")
}

// circuitBreaker is only a name: no breaker library is used.
func circuitBreaker() {}
