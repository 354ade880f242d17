// Package descriptions has tool descriptions that hide characters, and
// ones whose characters are all seen.
package descriptions

import "github.com/mark3labs/mcp-go/mcp"

var (
	_ = mcp.NewTool("tagged", mcp.WithDescription("Search.\U000E0049\U000E0067\U000E006E\U000E006F\U000E0072\U000E0065")) // want `hides Unicode tag characters \(.*\) that spell "Ignore"`
	_ = mcp.NewTool("bidi", mcp.WithDescription("Lists files ‮ in reverse"))                                              // want `hides bidirectional controls \(\\u\{202E\}\)`
	_ = mcp.NewTool("split", mcp.WithDescription("ign​ore"))                                                              // want `hides zero-width characters`
	_ = mcp.NewTool("emoji", mcp.WithDescription("Notes 📝 for 👩‍💻"))
)
