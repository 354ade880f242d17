package rules

import "github.com/atflint/atflint/finding"

// SurfaceChanged documents the findings of a check against atflint.lock,
// which package surface reports: the lock is read by the command, not by
// a rule of this package.
var SurfaceChanged = register(&Rule{
	Doc: Doc{
		ID:               "surface-changed",
		Title:            "A tool or MCP server differs from what atflint.lock pins",
		Severity:         finding.Warning,
		SecuritySeverity: 5.5,
		ATF:              []string{"I-5", "B-3", "D-2"},
		OWASP:            []string{"ASI02", "ASI04"},
		Lock:             true,
		Rationale: `A reviewer of an agent's change wants to know first what the agent can do
now that it could not before. ` + "`atflint lock`" + ` writes atflint.lock: one line per
tool (a hash of its description and of its input schema, the capabilities
its handler reaches and their guards, and the name of its handler, which a
rename keeps) and per MCP server (its command, the packages it fetches,
its URL, the names of its environment and headers). When the lock exists,
` + "`atflint check`" + ` compares the tree with it and reports every tool or server that
is new, gone, renamed or changed, with the old and new values.

A changed description is a warning whatever else changed: the model reads
it as an instruction, and a tool that was reviewed and trusted once can be
rewritten later to steer the model (a "rug pull"). So is a tool that now
reaches exec, fs.write, fs.delete, net.outbound or secrets, a new server,
and a server that runs another command, package, version or URL. A new
parameter, a lost effect or a rename is a note.

Review the change, then run ` + "`atflint lock`" + ` and commit the lock with it; ` + "`atflint\nlock --check`" + ` fails a CI job whose lock is stale.`,
		Lang: "json",
		Bad: `-- atflint.lock --
{
  "atflint_lock": 1,
  "go": true,
  "tools": [],
  "servers": [
    {"file":".mcp.json","name":"github","command":"npx","packages":["@modelcontextprotocol/server-github@2025.4.8"],"args":"sha256:552a2f251cc082ae14cf68dabcaeb0767f0838459fd7a987b733eef1bc2ff5e1","env":["GITHUB_TOKEN"]}
  ]
}
-- .mcp.json --
{
  "mcpServers": {
    "github": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-github@2025.9.1"],
      "env": {"GITHUB_TOKEN": "${GITHUB_TOKEN}"}
    }
  }
}
`,
		Good: `-- atflint.lock --
{
  "atflint_lock": 1,
  "go": true,
  "tools": [],
  "servers": [
    {"file":".mcp.json","name":"github","command":"npx","packages":["@modelcontextprotocol/server-github@2025.9.1"],"args":"sha256:310944ab926a3ac9d15d847cf9c70729b1a2821f612f1f05b8daef0481a6ef5f","env":["GITHUB_TOKEN"]}
  ]
}
-- .mcp.json --
{
  "mcpServers": {
    "github": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-github@2025.9.1"],
      "env": {"GITHUB_TOKEN": "${GITHUB_TOKEN}"}
    }
  }
}
`,
	},
})
