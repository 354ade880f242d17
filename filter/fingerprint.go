package filter

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"github.com/atflint/atflint/finding"
	"github.com/atflint/atflint/lint"
)

// Fingerprint sets each finding's Fingerprint: a hash of its rule, its
// file, the text of the line it starts on and its message, with all white
// space and digits in the message left out (messages quote line numbers),
// and which of the findings alike it is, counted in file order. Moving the
// line, re-indenting or re-spacing the file leaves it as it was; changing
// the line or the finding changes it. A file that cannot be read is
// fingerprinted as if its lines were empty: its findings still match
// themselves.
func Fingerprint(sources []lint.Source, fs []finding.Finding) {
	byPath := make(map[string]lint.Source, len(sources))
	for _, s := range sources {
		byPath[s.Path] = s
	}
	// line reads the line a finding starts on from its file, read once,
	// for a finding the run did not give its line.
	lines := map[string][][]byte{}
	line := func(f *finding.Finding) string {
		ls, ok := lines[f.File]
		if !ok {
			s, ok := byPath[f.File]
			if !ok {
				s.Abs = filepath.FromSlash(f.File)
			}
			if src, err := s.Read(); err == nil {
				ls = bytes.Split(src, []byte("\n"))
			}
			lines[f.File] = ls
		}
		if n := f.Span.Start.Line; n >= 1 && n <= len(ls) {
			return string(ls[n-1])
		}
		return ""
	}
	seen := map[string]int{}
	for i := range fs {
		f := &fs[i]
		text := f.Line
		if text == "" {
			text = line(f)
		}
		key := f.Rule + "\x00" + f.File + "\x00" + squeeze(text, false) + "\x00" + squeeze(f.Message, true)
		seen[key]++
		sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(seen[key])))
		f.Fingerprint = hex.EncodeToString(sum[:12])
	}
}

// squeeze drops white space, and digits too when asked.
func squeeze(s string, digits bool) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || digits && unicode.IsDigit(r) {
			return -1
		}
		return r
	}, s)
}
