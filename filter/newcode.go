package filter

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"github.com/atflint/atflint/finding"
)

// Changes are the lines a working tree changed since a revision, read
// with git: the files added since (untracked ones included), whole, and
// the lines changed in the others.
type Changes struct {
	Base  string // the commit compared with
	added map[string]bool
	lines map[string][][2]int // file -> [first, last] ranges of new lines
}

// ChangedSince reads what changed since rev, or since the merge base of
// rev and HEAD when mergeBase is set, in the repository around the
// working directory. Paths are relative to the working directory, as
// findings' are.
func ChangedSince(rev string, mergeBase bool) (*Changes, error) {
	flag := "--new-from-rev"
	if mergeBase {
		flag = "--new-from-merge-base"
	}
	base, err := commitOf(flag, rev)
	if err != nil && rev == "HEAD" && !mergeBase {
		// Before the first commit (a pre-commit hook on it) every file
		// is new: compare with the empty tree.
		base, err = git("hash-object", "-t", "tree", os.DevNull)
	}
	if err != nil {
		return nil, err
	}
	base = strings.TrimSpace(base)
	if mergeBase {
		mb, err := git("merge-base", base, "HEAD")
		if err != nil {
			return nil, fmt.Errorf("%s %s: %s and HEAD have no merge base here (%v); in a shallow clone, fetch more history (actions/checkout with fetch-depth: 0)", flag, rev, rev, err)
		}
		base = strings.TrimSpace(mb)
	}
	// No external diff or text conversion: git runs nothing the
	// repository configures.
	diff, err := git("diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-textconv", "--no-renames", "--relative", base, "--")
	if err != nil {
		return nil, fmt.Errorf("%s %s: git diff: %v", flag, rev, err)
	}
	untracked, err := git("ls-files", "--others", "--exclude-standard")
	if err != nil {
		return nil, fmt.Errorf("%s %s: git ls-files: %v", flag, rev, err)
	}
	c := parseDiff(diff)
	c.Base = base
	for f := range strings.SplitSeq(strings.TrimSpace(untracked), "\n") {
		if f != "" {
			c.added[f] = true
		}
	}
	return c, nil
}

// commitOf is the commit a revision given with flag names.
func commitOf(flag, rev string) (string, error) {
	if strings.HasPrefix(rev, "-") {
		return "", fmt.Errorf("%s %q: a revision does not start with -", flag, rev)
	}
	commit, err := git("rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		return "", fmt.Errorf("%s %s: no such revision in this repository (%v); in a shallow clone, fetch it first", flag, rev, err)
	}
	return strings.TrimSpace(commit), nil
}

func git(args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := firstLine(stderr.String()); msg != "" {
			return "", fmt.Errorf("%s", msg)
		}
		return "", err
	}
	return string(out), nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// parseDiff reads git diff --unified=0: "+++ b/path" names a file ("---
// /dev/null" before it, an added one), "@@ -a,b +c,d @@" its new lines.
func parseDiff(diff string) *Changes {
	c := &Changes{added: map[string]bool{}, lines: map[string][][2]int{}}
	file, fromNothing := "", false
	sc := bufio.NewScanner(strings.NewReader(diff))
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "--- "):
			fromNothing = line == "--- /dev/null"
		case strings.HasPrefix(line, "+++ "):
			file = ""
			if name, ok := strings.CutPrefix(unquote(line[len("+++ "):]), "b/"); ok {
				file = name
				if fromNothing {
					c.added[file] = true
				}
			}
		case strings.HasPrefix(line, "@@ ") && file != "":
			fields := strings.Fields(line)
			if len(fields) < 3 {
				continue
			}
			start, count := hunkRange(strings.TrimPrefix(fields[2], "+"))
			if count > 0 {
				c.lines[file] = append(c.lines[file], [2]int{start, start + count - 1})
			}
		}
	}
	return c
}

// hunkRange reads "c,d" or "c" (one line).
func hunkRange(s string) (start, count int) {
	a, b, ok := strings.Cut(s, ",")
	start, _ = strconv.Atoi(a)
	count = 1
	if ok {
		count, _ = strconv.Atoi(b)
	}
	return start, count
}

// unquote reads a path git quoted for its unusual characters.
func unquote(name string) string {
	if strings.HasPrefix(name, `"`) {
		if s, err := strconv.Unquote(name); err == nil {
			return s
		}
	}
	return name
}

// Touches reports whether a file whose name ends in suffix was added or
// changed since the base: with no Go file changed, no Go finding can be
// on a changed line, so the Go analysis need not run.
func (c *Changes) Touches(suffix string) bool {
	for f := range c.added {
		if strings.HasSuffix(f, suffix) {
			return true
		}
	}
	for f := range c.lines {
		if strings.HasSuffix(f, suffix) {
			return true
		}
	}
	return false
}

// Keep returns the findings in files added since the base, or on lines
// changed since.
func (c *Changes) Keep(fs []finding.Finding) []finding.Finding {
	var out []finding.Finding
	for _, f := range fs {
		if c.added[f.File] || c.changed(f.File, f.Span.Start.Line) {
			out = append(out, f)
		}
	}
	return out
}

func (c *Changes) changed(file string, line int) bool {
	for _, r := range c.lines[file] {
		if line >= r[0] && line <= r[1] {
			return true
		}
	}
	return false
}
