package controlsdemo

import (
	"os"
	"os/signal"
)

// A test's signal handling is not the agent's.
func init() { signal.Notify(make(chan os.Signal, 1), os.Interrupt) }
