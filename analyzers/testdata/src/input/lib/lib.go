// Package lib has helpers another package's tools pass their input to.
package lib

import (
	"context"
	"os/exec"
)

// Run runs a command with the arguments it is given, checking none.
func Run(ctx context.Context, name string, args ...string) error { // want Run:`input sinks 1→exec.CommandContext\(command\), 2→exec.CommandContext\(command\)`
	return exec.CommandContext(ctx, name, args...).Run()
}

var known = map[string]bool{"uptime": true, "df": true}

// RunKnown runs only the commands it knows.
func RunKnown(ctx context.Context, name string) error {
	if !known[name] {
		return nil
	}
	return exec.CommandContext(ctx, name).Run()
}
