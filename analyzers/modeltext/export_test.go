package modeltext

// SourceOffset is sourceOffset, for the tests.
var SourceOffset = sourceOffset
