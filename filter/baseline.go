package filter

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/atflint/atflint/internal/atomicfile"
	"io/fs"
	"os"

	"github.com/atflint/atflint/finding"
)

// BaselineVersion is the version of the baseline file format, which
// includes how findings are fingerprinted; a baseline of another version
// is refused rather than matched wrongly.
const BaselineVersion = 1

// A Baseline is the findings a repository has accepted for now: a check
// with it reports only the findings it does not hold.
type Baseline struct {
	Path    string
	entries map[baselineKey]int // how many findings alike it holds
	total   int
}

type baselineKey struct{ rule, file, fingerprint string }

type baselineFile struct {
	Version  int             `json:"atflintBaseline"`
	Findings []baselineEntry `json:"findings"`
}

// baselineEntry is one accepted finding. Line and message are for the
// people who review the file; matching uses rule, file and fingerprint.
type baselineEntry struct {
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Fingerprint string `json:"fingerprint"`
	Line        int    `json:"line"`
	Message     string `json:"message"`
}

// ReadBaseline reads a baseline written by WriteBaseline.
func ReadBaseline(path string) (*Baseline, error) {
	src, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("baseline %s does not exist; write one with --write-baseline %s", path, path)
	}
	if err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	var bf baselineFile
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&bf); err != nil {
		return nil, fmt.Errorf("baseline %s is not a baseline atflint wrote (%v); write it again with --write-baseline", path, err)
	}
	if bf.Version != BaselineVersion {
		return nil, fmt.Errorf("baseline %s has format version %d, and this atflint reads version %d; write it again with --write-baseline", path, bf.Version, BaselineVersion)
	}
	b := &Baseline{Path: path, entries: map[baselineKey]int{}}
	for i, e := range bf.Findings {
		if e.Rule == "" || e.File == "" || e.Fingerprint == "" {
			return nil, fmt.Errorf("baseline %s: finding %d lacks its rule, file or fingerprint; write it again with --write-baseline", path, i+1)
		}
		b.entries[baselineKey{e.Rule, e.File, e.Fingerprint}]++
		b.total++
	}
	return b, nil
}

// Filter returns the findings the baseline does not hold, and how many of
// its entries matched no finding (fixed since, or changed). Each entry
// accepts one finding.
func (b *Baseline) Filter(fs []finding.Finding) (fresh, known []finding.Finding, stale int) {
	left := make(map[baselineKey]int, len(b.entries))
	for k, n := range b.entries {
		left[k] = n
	}
	matched := 0
	for _, f := range fs {
		k := baselineKey{f.Rule, f.File, f.Fingerprint}
		if left[k] > 0 {
			left[k]--
			matched++
			f.Suppression = &finding.Suppression{Justification: "recorded in the baseline " + b.Path}
			known = append(known, f)
			continue
		}
		fresh = append(fresh, f)
	}
	return fresh, known, b.total - matched
}

// WriteBaseline records fs, fingerprinted, as the accepted findings. It
// writes to a temporary file beside path and renames it, so a failed
// write leaves the old baseline whole.
func WriteBaseline(path string, fs []finding.Finding) error {
	bf := baselineFile{Version: BaselineVersion, Findings: make([]baselineEntry, 0, len(fs))}
	for _, f := range fs {
		bf.Findings = append(bf.Findings, baselineEntry{f.Rule, f.File, f.Fingerprint, f.Span.Start.Line, f.Message})
	}
	data, err := json.MarshalIndent(bf, "", "  ")
	if err != nil {
		return fmt.Errorf("baseline: %w", err)
	}
	if err := atomicfile.Write(path, append(data, '\n')); err != nil {
		return fmt.Errorf("writing baseline %s: %w", path, err)
	}
	return nil
}
