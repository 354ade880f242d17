package rules

import "github.com/atflint/atflint/finding"

func init() {
	register(&Rule{
		Doc: Doc{
			ID:       "undeclared-capability",
			Title:    "Go code of a tool does something the manifest does not declare",
			Severity: finding.Error,
			ATF:      []string{"I-5"},
			Rationale: `A capability manifest (I-5) that says less than the code does is worse than
none: reviewers approve the manifest, and the code does the rest. atflint
follows each tool's handler through the functions it calls, in every package,
to what it reaches: running commands (exec), evaluating code (code.eval),
network calls (net.outbound) and listening (net.listen), file reads, writes
and removals (fs.read, fs.write, fs.delete, os.OpenFile by its flags),
environment and secrets (env.read; secrets.read when the variable's name says
so), databases (db.read, db.write, by the SQL statement where it is a
constant) and other agents (agent.delegate). A capability the manifest
declares neither for the tool nor for the agent is reported at the call that
leads to it, and a tool registered in code but missing from the manifest is
reported at its registration.

Declare the capability in the manifest (for the tool, or agent-wide), or
remove what the code does that the agent should not.`,
			Lang: "go",
			Bad: `// agent.atf.yaml declares tools: [{name: read_report, capabilities: [fs.read]}]
s.AddTool(mcp.NewTool("read_report"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	data, err := os.ReadFile(reportPath)
	os.Remove(reportPath) // fs.delete: not declared
	return mcp.NewToolResultText(string(data)), err
})
`,
			Good: `// agent.atf.yaml declares tools: [{name: read_report, capabilities: [fs.read]}]
s.AddTool(mcp.NewTool("read_report"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	data, err := os.ReadFile(reportPath)
	return mcp.NewToolResultText(string(data)), err
})
`,
		},
	})
}
