// Package hiddeninstruction defines an Analyzer that reports tool
// descriptions in Go that hide characters from a reviewer.
//
// # Analyzer hiddeninstruction
//
// hiddeninstruction: report descriptions the model reads that hide invisible or bidirectional characters
//
// A description given to a framework (see package modeltext) reaches the
// model whole: Unicode tag characters that spell text no screen shows,
// bidirectional controls that reorder what a reviewer sees, zero-width
// characters that split words past a filter. The analyzer reports the
// first such character of each description, at its place in the string
// literal, and shows the run escaped.
package hiddeninstruction
