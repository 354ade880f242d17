// Package unresolvedtool defines an Analyzer that reports tool
// registrations whose tools the analysis could not follow.
//
// # Analyzer unresolvedtool
//
// unresolvedtool: report tool registrations whose tool could not be followed to where it is built
//
// A tool is found where its value is built and followed to the call that
// registers it. A registration whose tool comes from somewhere the
// analysis cannot see into (another module's function, a map lookup, a
// list fetched at run time) registers tools nobody checked; it is
// reported as a note, so that what was not analysed is never read as
// clean.
package unresolvedtool
