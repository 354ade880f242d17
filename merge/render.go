package merge

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// JSON writes the report as JSON.
func (r *Report) JSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// Markdown writes the report for a job summary or an issue.
func (r *Report) Markdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# atflint across %s\n\n%s\n\n", count(len(r.Repositories), "repository", "repositories"), r.totals())
	b.WriteString("## Repositories, the worst first\n\n")
	b.WriteString("| Repository | Errors | Warnings | Notes | Not analysed | Agents (level) | Tools | MCP servers | Registrations not followed |\n")
	b.WriteString("|---|---:|---:|---:|---:|---|---:|---:|---:|\n")
	for _, repo := range r.Repositories {
		e, wa, n := repo.severityCells()
		tools, servers, unresolved := repo.inventoryCells()
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", cell(repo.Name), e, wa, n, repo.notAnalysedCell(), cell(repo.agents()), tools, servers, unresolved)
	}
	b.WriteString("\n## Findings by rule\n\n")
	if len(r.Rules) == 0 {
		b.WriteString("None.\n")
	} else {
		b.WriteString("| Rule | Severity | Findings | Repositories |\n|---|---|---:|---:|\n")
		for _, rule := range r.Rules {
			fmt.Fprintf(&b, "| `%s` | %s | %d | %d |\n", rule.ID, rule.Severity, rule.Findings, rule.Repositories)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Text writes the report for a terminal.
func (r *Report) Text(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\n", count(len(r.Repositories), "repository", "repositories"), r.totals())
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "REPOSITORY\tERRORS\tWARNINGS\tNOTES\tNOT ANALYSED\tTOOLS\tSERVERS\tNOT FOLLOWED\tAGENTS (LEVEL)")
	for _, repo := range r.Repositories {
		e, wa, n := repo.severityCells()
		tools, servers, unresolved := repo.inventoryCells()
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", repo.Name, e, wa, n, repo.notAnalysedCell(), tools, servers, unresolved, repo.agents())
	}
	tw.Flush()
	if len(r.Rules) > 0 {
		b.WriteString("\n")
		tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "RULE\tSEVERITY\tFINDINGS\tREPOSITORIES")
		for _, rule := range r.Rules {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\n", rule.ID, rule.Severity, rule.Findings, rule.Repositories)
		}
		tw.Flush()
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// totals sums the report in a sentence, saying what results were missing.
func (r *Report) totals() string {
	var agents, tools, servers, unresolved, unchecked, uninventoried, notAnalysed, partial int
	levels := map[string]int{}
	findings := map[string]int{}
	for _, repo := range r.Repositories {
		agents += len(repo.Agents)
		tools += repo.Tools
		servers += repo.Servers
		unresolved += repo.Unresolved
		for _, a := range repo.Agents {
			levels[a.Level]++
		}
		for s, n := range repo.Findings {
			findings[s] += n
		}
		if !repo.Checked {
			unchecked++
		}
		if len(repo.NotAnalysed) > 0 {
			notAnalysed += len(repo.NotAnalysed)
			partial++
		}
		if !repo.Inventoried {
			uninventoried++
		}
	}
	var lv []string
	for _, l := range []string{"intern", "junior", "senior", "principal", ""} {
		if n := levels[l]; n > 0 {
			if l == "" {
				l = "no level"
			}
			lv = append(lv, fmt.Sprintf("%d %s", n, l))
		}
	}
	s := count(agents, "agent", "agents")
	if len(lv) > 0 {
		s += " (" + strings.Join(lv, ", ") + ")"
	}
	s += fmt.Sprintf(", %s, %s; %s, %s, %s",
		count(tools, "tool", "tools"), count(servers, "MCP server", "MCP servers"),
		count(findings["error"], "error", "errors"), count(findings["warning"], "warning", "warnings"), count(findings["note"], "note", "notes"))
	if unresolved > 0 {
		s += fmt.Sprintf("; %s not followed", count(unresolved, "tool registration", "tool registrations"))
	}
	if notAnalysed > 0 {
		s += fmt.Sprintf("; %s not analysed in %s (a Go package that does not load, a directory that cannot be listed: the run's own words are in the JSON)",
			count(notAnalysed, "part", "parts"), count(partial, "repository", "repositories"))
	}
	if unchecked > 0 {
		s += fmt.Sprintf("; no check result for %s, whose findings are not counted", count(unchecked, "repository", "repositories"))
	}
	if uninventoried > 0 {
		s += fmt.Sprintf("; no inventory for %s, whose agents and tools are not counted", count(uninventoried, "repository", "repositories"))
	}
	return s + "."
}

// severityCells are the finding counts, or "?" without a check result.
func (repo *Repository) severityCells() (e, w, n string) {
	if !repo.Checked {
		return "?", "?", "?"
	}
	return fmt.Sprint(repo.Findings["error"]), fmt.Sprint(repo.Findings["warning"]), fmt.Sprint(repo.Findings["note"])
}

// notAnalysedCell counts what the check could not analyse.
func (repo *Repository) notAnalysedCell() string {
	if !repo.Checked {
		return "?"
	}
	return fmt.Sprint(len(repo.NotAnalysed))
}

// inventoryCells are the inventory's counts, or "?" without one.
func (repo *Repository) inventoryCells() (tools, servers, unresolved string) {
	if !repo.Inventoried {
		return "?", "?", "?"
	}
	return fmt.Sprint(repo.Tools), fmt.Sprint(repo.Servers), fmt.Sprint(repo.Unresolved)
}

// agents lists the repository's agents with their levels.
func (repo *Repository) agents() string {
	if !repo.Inventoried {
		return "?"
	}
	if len(repo.Agents) == 0 {
		return "none"
	}
	var out []string
	for _, a := range repo.Agents {
		name := a.Name
		if name == "" {
			name = a.File
		}
		level := a.Level
		if level == "" {
			level = "no level"
		}
		out = append(out, fmt.Sprintf("%s (%s)", name, level))
	}
	return strings.Join(out, ", ")
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// cell escapes a Markdown table cell.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}
