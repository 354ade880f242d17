package cli

import (
	"bytes"
	"testing"
	"time"
)

func TestProgress(t *testing.T) {
	var b bytes.Buffer
	p := &progress{w: &b, last: time.Now()}
	p.update(1, 100, "files")
	if b.Len() != 0 {
		t.Errorf("progress drawn before the first interval: %q", b.String())
	}
	p.last = time.Now().Add(-time.Second)
	p.update(50, 100, "files")
	p.clear()
	if want := "\r\033[Katflint: checked 50/100 files\r\033[K"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
	var none *progress
	none.clear() // no progress: nothing to clear
	if showProgress(&b) {
		t.Error("a buffer is not a terminal")
	}
}
