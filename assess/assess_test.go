package assess

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/atflint/atflint/atf"
	"github.com/atflint/atflint/internal/golden"
	"github.com/atflint/atflint/lint"
)

// statements assesses the manifests under path, without Go code, with
// paths relative to the repository root.
func statements(t *testing.T, opt Options, paths ...string) []*Statement {
	t.Helper()
	res, err := lint.Run(paths, lint.Options{BaseDir: "..", Models: true, AtLevel: opt.TargetLevel})
	if err != nil {
		t.Fatal(err)
	}
	if opt.Date == "" {
		opt.Date = "2026-12-04"
	}
	sts, err := Statements(res.Models, res.Findings, nil, opt)
	if err != nil {
		t.Fatal(err)
	}
	return sts
}

// TestGolden writes the statement of the complete junior example at each
// level, Markdown and JSON: at its own level it conforms, above it the
// promotion list grows, and every evidence path is a line of a file.
func TestGolden(t *testing.T) {
	for _, l := range atf.Levels {
		t.Run(l.String(), func(t *testing.T) {
			sts := statements(t, Options{Organization: "ACME", TargetLevel: l}, "../examples/invoice-triage")
			if len(sts) != 1 {
				t.Fatalf("%d statements", len(sts))
			}
			var md, js bytes.Buffer
			if err := Markdown(&md, sts, MarkdownOptions{}); err != nil {
				t.Fatal(err)
			}
			if err := JSON(&js, sts); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", "invoice-triage-"+l.String()+".md"), md.Bytes())
			golden.Check(t, filepath.Join("testdata", "invoice-triage-"+l.String()+".json"), js.Bytes())
			checkEvidence(t, sts)
			st := sts[0]
			// It writes, which an intern may not; a principal needs a shorter credential.
			if want := l == atf.Junior || l == atf.Senior; st.Conforms != want {
				t.Errorf("conforms %v at %s", st.Conforms, l)
			}
			if (st.Promotion == nil) != (l == atf.Principal) {
				t.Errorf("promotion %+v at %s", st.Promotion, l)
			}
		})
	}
}

// TestSparse: a manifest with gaps and findings gives not met and
// partially met, each with its evidence.
func TestSparse(t *testing.T) {
	sts := statements(t, Options{}, "../examples/insecure")
	status := map[string]string{}
	for _, r := range sts[0].Requirements {
		status[r.ID] = r.Status
	}
	if status["I-1"] != NotMet || status["I-2"] != PartiallyMet || status["D-3"] != NotMet || sts[0].Conforms {
		t.Errorf("statuses %v", status)
	}
	checkEvidence(t, sts)
}

// checkEvidence fails for evidence that names a file that is not there,
// or a line it does not have.
func checkEvidence(t *testing.T, sts []*Statement) {
	t.Helper()
	for _, st := range sts {
		for _, r := range st.Requirements {
			for _, e := range r.Evidence {
				data, err := os.ReadFile(filepath.Join("..", e.File))
				if err != nil {
					t.Errorf("%s: evidence %s: %v", r.ID, e.File, err)
					continue
				}
				if lines := strings.Count(string(data), "\n") + 1; e.Line < 1 || e.Line > lines {
					t.Errorf("%s: evidence %s:%d, past its %d lines", r.ID, e.File, e.Line, lines)
				}
			}
		}
	}
}

func TestNoManifest(t *testing.T) {
	res, err := lint.Run([]string{t.TempDir()}, lint.Options{Models: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Statements(res.Models, nil, nil, Options{}); err == nil || !strings.Contains(err.Error(), "atflint init") {
		t.Errorf("err = %v", err)
	}
}

// TestBroken: a manifest that does not parse has every requirement not
// judged; one with a field that does not validate has that one not judged.
func TestBroken(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile("../examples/invoice-triage/invoice-triage.atf.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"broken.atf.yaml": "atf: [\n",
		"typo.atf.yaml":   strings.Replace(string(good), "rateLimit: 100/min", "rateLimit: lots", 1),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := lint.Run([]string{dir}, lint.Options{BaseDir: dir, Models: true})
	if err != nil {
		t.Fatal(err)
	}
	sts, err := Statements(res.Models, res.Findings, nil, Options{})
	if err != nil || len(sts) != 2 {
		t.Fatalf("%d statements, %v", len(sts), err)
	}
	for _, st := range sts {
		judged := map[string]string{}
		for _, r := range st.Requirements {
			judged[r.ID] = r.Status
		}
		switch st.Manifest {
		case "broken.atf.yaml":
			if judged["I-1"] != NotJudged || judged["R-5"] != NotJudged {
				t.Errorf("broken: %v", judged)
			}
		case "typo.atf.yaml":
			if judged["S-3"] != NotJudged || judged["S-1"] != Met {
				t.Errorf("typo: %v", judged)
			}
		}
	}
}

// TestQuestionsAreTheSpecs compares the 30 questions with the spec's
// section, kept in testdata with its provenance.
func TestQuestionsAreTheSpecs(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "self-assessment.md"))
	if err != nil {
		t.Fatal(err)
	}
	var spec []string
	group := ""
	for _, line := range strings.Split(string(data), "\n") {
		if g, ok := strings.CutPrefix(line, "### "); ok {
			group = strings.TrimSuffix(g, " Assessment")
		}
		if q, ok := strings.CutPrefix(line, "| "); ok && strings.HasSuffix(strings.TrimSpace(q), "| | | |") {
			spec = append(spec, group+": "+strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(q), "| | | |")))
		}
	}
	var ours []string
	for _, q := range questions {
		ours = append(ours, q.group+": "+q.text)
	}
	if len(spec) != 30 || strings.Join(ours, "\n") != strings.Join(spec, "\n") {
		t.Errorf("the questions differ from the spec's:\n%s\nwant:\n%s", strings.Join(ours, "\n"), strings.Join(spec, "\n"))
	}
}
