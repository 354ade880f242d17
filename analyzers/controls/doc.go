// Package controls defines an Analyzer that finds where a package
// implements one of the ATF controls a manifest declares: a rate limiter
// (S-3), a circuit breaker, structured logging (B-1), tracing that
// ties each action to its session (B-2), a stop wired to the process's
// signals, and a validator of input (D-1).
//
// # Analyzer atfcontrols
//
// atfcontrols: find the code that implements ATF controls, for atflint assess
//
// A control is recognised by the library that implements it: a use of a
// function or type of golang.org/x/time/rate is a rate limiter whatever
// the variable holding it is called. The Analyzer reports nothing; its
// result lists, per requirement, the first uses of each such function or
// type in the package, which atflint assess cites as evidence that a
// declared control is implemented, and whose absence it says.
package controls
