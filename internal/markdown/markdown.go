// Package markdown writes text from files into Markdown that GitHub
// renders, so that what a file holds cannot break a table, add a link or
// hide HTML.
package markdown

import (
	"strconv"
	"strings"
	"unicode"
)

var escaper = strings.NewReplacer(`\`, `\\`, "|", `\|`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;")

// Cell writes text for a table cell or a list item: on one line (a line
// break or another control character quoted as Go would), its markup
// escaped.
func Cell(s string) string {
	if strings.ContainsFunc(s, unicode.IsControl) {
		s = strconv.Quote(s)
	}
	return escaper.Replace(s)
}
