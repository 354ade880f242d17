// Package toolinput defines an Analyzer that reports a tool's input, which
// the model chooses, reaching a command, a file path, a URL or an SQL
// statement with no check first.
//
// # Analyzer toolinput
//
// toolinput: report the model's input reaching a command, path, URL or SQL statement unchecked
//
// A tool's arguments are chosen by the model, and through it by whoever
// wrote what the model read: the OWASP Agentic Top 10's tool misuse. In a
// handler declared in the package, the arguments are its parameters (the
// typed input of go-sdk, Genkit and Eino, the string of langchaingo) and
// what the framework's request returns (mcp-go's req.GetString and the
// like, go-sdk's req.Params.Arguments). A value computed from them that
// reaches the name or arguments of a command, the path of a file call, the
// URL of a request or an SQL statement is reported, unless a check that
// decides whether the call happens stands before it: a lookup in a set
// fixed in the code, a path compared after filepath.Clean,
// filepath.IsLocal, or a function of the project whose result says so.
// The value is followed through assignments and into the functions it is
// passed to: each function of the code being checked is summarised once
// by which of its parameters reach a sink unchecked, and the summary is a
// fact, so a helper in another package counts. Helpers of versioned
// dependencies and of the standard library are not followed; their sinks
// are what the table of sinks names. For a URL only its host counts: input
// after a head the code chose (a constant with a host, a configured base
// URL, base.JoinPath) picks a path, not where the request goes. What a
// call that sends a request returns (a download URL an API answers with)
// is the remote's answer, not the model's input.
package toolinput
