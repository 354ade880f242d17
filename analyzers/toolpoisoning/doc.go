// Package toolpoisoning defines an Analyzer that reports tool
// descriptions in Go that give the model orders.
//
// # Analyzer toolpoisoning
//
// toolpoisoning: report descriptions the model reads that tell it to drop its instructions, hide things or send data out
//
// A description given to a framework (see package modeltext) is read by
// the model as trusted, every time the tool is listed. The analyzer looks
// in it for the small, tested set of phrasings of package injection:
// telling the model to ignore its instructions, to keep something from
// the user, to read credentials on the machine or to send data to an
// address, and blocks marked as instructions. It reports the first, at
// its place in the string literal, quoting it.
package toolpoisoning
