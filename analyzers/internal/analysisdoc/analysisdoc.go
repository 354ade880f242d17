// Package analysisdoc takes an analyzer's documentation from its doc.go,
// so that the package documentation and the Analyzer's Doc are one text.
package analysisdoc

import "strings"

// Get returns the "# Analyzer name" section of a doc.go file's package
// comment: its first line is "name: summary", as go/analysis expects.
func Get(docFile, name string) string {
	var lines []string
	in := false
	for _, l := range strings.Split(docFile, "\n") {
		if !strings.HasPrefix(l, "//") {
			if in {
				break
			}
			continue
		}
		text := strings.TrimPrefix(strings.TrimPrefix(l, "//"), " ")
		if strings.HasPrefix(text, "# Analyzer ") {
			in = strings.TrimPrefix(text, "# Analyzer ") == name
			continue
		}
		if in {
			lines = append(lines, text)
		}
	}
	doc := strings.TrimSpace(strings.Join(lines, "\n"))
	if doc == "" {
		panic("analysisdoc: doc.go has no section # Analyzer " + name)
	}
	return doc
}
