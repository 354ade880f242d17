// Command measure runs a command several times and prints its best and
// median wall time, its peak resident memory and its median processor
// time (user and system, its child processes included), as one line of
// "name best_s median_s peak_mb cpu_s". Processor time is the steadier
// measure where other work shares the machine.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"syscall"
	"time"
)

func main() {
	if len(os.Args) < 4 {
		fmt.Fprintln(os.Stderr, "usage: measure NAME RUNS COMMAND [ARG...]")
		os.Exit(2)
	}
	name := os.Args[1]
	runs, err := strconv.Atoi(os.Args[2])
	if err != nil || runs < 1 {
		fmt.Fprintln(os.Stderr, "measure: RUNS must be a positive number")
		os.Exit(2)
	}
	var times, cpu []float64
	var peakKB int64
	for range runs {
		cmd := exec.Command(os.Args[3], os.Args[4:]...)
		cmd.Stderr = os.Stderr
		start := time.Now()
		err := cmd.Run()
		elapsed := time.Since(start).Seconds()
		// A linter exits 1 when it finds something; only a crash or a
		// usage error stops the measurement.
		if exit, ok := err.(*exec.ExitError); err != nil && (!ok || exit.ExitCode() > 1) {
			fmt.Fprintf(os.Stderr, "measure: %s: %v\n", name, err)
			os.Exit(1)
		}
		times = append(times, elapsed)
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peakKB = max(peakKB, ru.Maxrss)
		}
		cpu = append(cpu, (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds())
	}
	slices.Sort(times)
	slices.Sort(cpu)
	fmt.Printf("%s %.3f %.3f %.1f %.3f\n", name, times[0], times[len(times)/2], float64(peakKB)/1024, cpu[len(cpu)/2])
}
