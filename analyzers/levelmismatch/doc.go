// Package levelmismatch defines an Analyzer that reports Go agent code
// doing what its ATF maturity level forbids, and levels written in code.
//
// # Analyzer levelmismatch
//
// levelmismatch: report code beyond its agent's level, and levels hard-coded in Go
//
// An intern agent observes and reports: when the package's ATF manifest
// declares level intern, a tool handler that writes, deletes, executes,
// sends, spends or reads secrets is reported at the call. And a maturity
// level written in Go code (Level: "senior", const agentLevel = "junior")
// is reported: ATF calls the level set in application code an
// anti-pattern, since the code can then promote itself; the level belongs
// in the manifest, where it is reviewed.
package levelmismatch
