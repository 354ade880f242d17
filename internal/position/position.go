// Package position reads the file:line:column places go vet and the
// analyzers' facts write, for the packages on either side of go vet's
// output.
package position

import (
	"go/token"
	"strconv"
	"strings"
)

// Parse reads "file:line:column", "file:line" or "file"; the file may
// hold colons of its own.
func Parse(posn string) token.Position {
	i := strings.LastIndex(posn, ":")
	if i < 0 {
		return token.Position{Filename: posn}
	}
	j := strings.LastIndex(posn[:i], ":")
	if j < 0 {
		line, _ := strconv.Atoi(posn[i+1:])
		return token.Position{Filename: posn[:i], Line: line}
	}
	line, _ := strconv.Atoi(posn[j+1 : i])
	col, _ := strconv.Atoi(posn[i+1:])
	return token.Position{Filename: posn[:j], Line: line, Column: col}
}
