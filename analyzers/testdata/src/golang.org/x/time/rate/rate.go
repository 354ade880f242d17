// Package rate is a stub of golang.org/x/time/rate for the analyzers'
// tests: only what they call.
package rate

type Limit float64

type Limiter struct{}

func NewLimiter(r Limit, b int) *Limiter { return &Limiter{} }

func (l *Limiter) Allow() bool { return true }
