package syntax

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"unicode/utf8"
)

// MaxDepth bounds the nesting of collections. Real agent configs nest a few
// levels; a file nested deeper is hostile, and parsing it recursively could
// exhaust the stack.
const MaxDepth = 256

// prepare strips a UTF-8 byte order mark, normalizes line breaks, and
// rejects what no parser should see: invalid UTF-8 and nesting deeper than
// MaxDepth.
func prepare(src []byte) ([]byte, error) {
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	if bytes.IndexByte(src, '\r') >= 0 {
		// Line breaks become \n alone: positions stay the same for every
		// other character, and the YAML parser miscounts lines after a
		// comment that ends in \r\n.
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	}
	if !utf8.Valid(src) {
		return nil, &Error{invalidUTF8(src), "the file is not valid UTF-8; save it as UTF-8"}
	}
	return src, nil
}

// invalidUTF8 returns the position of the first byte that is not UTF-8.
func invalidUTF8(src []byte) Pos {
	p := Pos{1, 1}
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size <= 1 {
			return p
		}
		p = advance(p, r)
		src = src[size:]
	}
	return p
}

// advance moves p past rune r.
func advance(p Pos, r rune) Pos {
	if r == '\n' {
		return Pos{p.Line + 1, 1}
	}
	return Pos{p.Line, p.Col + 1}
}

// tooDeep reports runs of "- " that open more than MaxDepth sequences on
// one line, which no parser's own depth count sees before it recurses.
// Flow brackets are counted by each parser as it reads them, where quotes
// and comments are known.
func tooDeep(src []byte) (Pos, bool) {
	// Only ASCII bytes matter, so bytes are read, not runes; a line too
	// short to hold the dashes is passed over whole; the position is worked
	// out only for the file that is too deep.
	for start := 0; start < len(src); {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		if end-start > MaxDepth {
			dashes := 0
			for i := start; i < end && (src[i] == '-' || src[i] == ' ' || src[i] == '\t'); i++ {
				if src[i] == '-' {
					if dashes++; dashes > MaxDepth {
						p := Pos{1, 1}
						for _, r := range string(src[:i]) {
							p = advance(p, r)
						}
						return p, true
					}
				}
			}
		}
		start = end + 1
	}
	return Pos{}, false
}

// MaxFileSize is the largest file atflint reads. Manifests are a few
// kilobytes; a larger file is reported, not read, so one stray file cannot
// take the run's time or memory.
const MaxFileSize = 4 << 20

// ReadFile reads a file atflint checks: a regular file of at most
// MaxFileSize bytes. A FIFO or a device would block or never end, so they
// are refused before they are read. Its errors name no path: the caller
// puts the file in front.
func ReadFile(path string) ([]byte, error) { return ReadFileTo(path, nil, false) }

// ReadFileTo is ReadFile reading into buf's memory when it has room: a
// run reads one file after another, each dropped once checked, and a new
// buffer for each was a tenth of its garbage. What it returns shares buf.
// listedRegular says a directory listing has just said the file is a
// regular file: it is then not asked again. Whatever it has become since,
// it is read without waiting and no further than MaxFileSize.
func ReadFileTo(path string, buf []byte, listedRegular bool) ([]byte, error) {
	// Opened without waiting (openNoWait), a FIFO is refused by the
	// stat of the open file, not waited on; the path is resolved once.
	f, err := openNoWait(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read the file: %w", unwrapPath(err))
	}
	defer f.Close()
	// stat refuses what is no regular file and what is too large, and
	// returns the size to read.
	stat := func() (int64, error) {
		mode, size, err := f.stat()
		switch {
		case err != nil:
			return 0, fmt.Errorf("cannot read the file: %w", unwrapPath(err))
		case mode != 0:
			return 0, fmt.Errorf("not a regular file (%s); only regular files are read", mode)
		case size > MaxFileSize:
			return 0, tooLarge(size)
		}
		return size, nil
	}
	size, statted := int64(4096), false
	if !listedRegular {
		if size, err = stat(); err != nil {
			return nil, err
		}
		statted = true
	}
	// Reads until the end, one byte past the size stat gave to see it
	// has not grown since: for a small regular file, one read and the one
	// that finds the end. A listed file that fills the buffer is asked
	// its size then.
	src := buf[:0]
	if cap(src) <= int(size) {
		src = make([]byte, 0, size+1)
	}
	for {
		if len(src) == cap(src) {
			grow := min(cap(src), MaxFileSize+1-len(src))
			if !statted {
				if size, err = stat(); err != nil {
					return nil, err
				}
				statted, grow = true, max(int(size)+1-len(src), 1)
			}
			src = slices.Grow(src, grow)
		}
		n, err := f.Read(src[len(src):cap(src)])
		src = src[:len(src)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("cannot read the file: %w", unwrapPath(err))
		}
		if len(src) > MaxFileSize {
			return nil, tooLarge(int64(len(src)))
		}
	}
	return src, nil
}

// CheckSize says whether text of this size, read from elsewhere than a
// file (an editor's buffer), is within MaxFileSize.
func CheckSize(size int64) error {
	if size > MaxFileSize {
		return tooLarge(size)
	}
	return nil
}

func tooLarge(size int64) error {
	return fmt.Errorf("the file is %.1f MB; files over %d MB are not read, so this one was not checked", float64(size)/(1<<20), MaxFileSize>>20)
}

// unwrapPath drops the path from an *fs.PathError.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
