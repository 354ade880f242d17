// Package unguardedtool defines an Analyzer that reports tools whose
// handlers change something with no human approval or authorization check
// before it.
//
// # Analyzer unguardedtool
//
// unguardedtool: report side-effecting tool handlers with no guard
//
// A tool registered with a Go agent framework (the MCP go-sdk, mcp-go,
// Genkit, Eino, langchaingo, openai-go, anthropic-sdk-go, ADK) is reported
// when its handler, directly or through other functions, in this package
// or others, runs a command, writes or deletes files, writes a database,
// sends over the network or delegates to another agent, and no guard
// decides first whether that happens, where a guard is needed: the tool's
// ATF manifest entry says approval: required, the agent's level is intern
// or junior, or no manifest declares either.
//
// A guard is a decision the side effect depends on, recognised by what it
// is, never by a function's name: a person's approval (an MCP elicitation
// whose answer is checked, the answer of the call that asks or one a
// client sends back with a retried call; a Genkit or Eino interrupt; ADK
// confirmation), an authorization decision (a check of the caller's token
// scopes or identity), a resource check (a lookup in a set fixed in the
// code, a path compared after filepath.Clean), a project function whose
// result carries one of these (a fact, across packages), or a function
// the manifest's guards: field names. Only the way
// the decision says yes to is guarded: not the else of if approved, nor
// what follows if approved { return }. A decision whose result is not
// tested guards nothing, nor one whose variable is set again before the
// test.
//
// MCP annotations are claims, not guards: a tool annotated read-only whose
// handler has any side effect, or annotated not destructive
// (destructiveHint false, "it only adds") whose handler deletes, is
// reported whatever its level. An unset hint claims nothing. An HTTP POST
// is the one effect the annotation settles: HTTP counts it a write, but
// query and search APIs (GraphQL, datasource queries, _search) read with
// it, so a POST of a tool annotated read-only is taken for a read, and the
// finding on a POST of any other tool says so.
//
// The finding points at the side effect, with the registration as a
// related position.
package unguardedtool
