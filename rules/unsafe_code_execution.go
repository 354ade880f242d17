package rules

import (
	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/model"
)

func init() {
	register(&Rule{
		Doc: Doc{
			ID:               "unsafe-code-execution",
			Title:            "An agent runs the code it writes on the host",
			Severity:         finding.Error,
			SecuritySeverity: 9.1,
			OWASP:            []string{"ASI05"},
			ATF:              []string{"S-2", "S-1"},
			Rationale: `CrewAI agents with ` + "`allow_code_execution: true`" + ` run the code the model writes:
in a Docker container by default, but directly on the host with
` + "`code_execution_mode: unsafe`" + `. Then any instruction the agent picks up, from a web
page or a document, can become a command on the machine, with its files,
network and credentials: no action boundary (S-2) and no resource allowlist
(S-1) holds.

Use the safe mode, or turn code execution off.`,
			Lang: "yaml",
			Bad: `-- config/agents.yaml --
analyst:
  role: Data analyst
  goal: Answer questions about the sales data.
  backstory: A careful analyst.
  allow_code_execution: true
  code_execution_mode: unsafe
`,
			Good: `-- config/agents.yaml --
analyst:
  role: Data analyst
  goal: Answer questions about the sales data.
  backstory: A careful analyst.
  allow_code_execution: true
  code_execution_mode: safe
`,
		},
		check: func(p *Pass) {
			p.agents(func(a *model.Agent) {
				if a.CodeExecution.Value == "unsafe" {
					p.Reportf(a.CodeExecution.Span, "agent %s runs the code it writes on the host, not in a container", quote(a.Name.Value))
				}
			})
		},
	})
}
