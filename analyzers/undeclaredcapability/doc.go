// Package undeclaredcapability defines an Analyzer that reports what tool
// handlers do that the agent's ATF manifest does not declare.
//
// # Analyzer undeclaredcapability
//
// undeclaredcapability: report capabilities and tools the manifest does not declare
//
// The capability manifest (ATF I-5) is only evidence if it matches the
// code. For a package linked to an ATF manifest, a tool's handler that
// reaches a capability (exec, code.eval, net.outbound, net.listen,
// fs.read, fs.write, fs.delete, env.read, secrets.read, db.read, db.write,
// agent.delegate), directly or through other functions in any package, is
// reported when the manifest declares that capability neither for the tool
// nor for the agent; and a tool registered in code is reported when the
// manifest does not list it at all.
//
// The package is linked to the manifest among those in its directory and
// its parents whose agent.code patterns match it, else to the nearest. A
// package with tools and no manifest is left to missingidentity.
package undeclaredcapability
