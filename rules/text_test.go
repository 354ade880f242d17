package rules

import (
	"testing"

	"github.com/atflint/atflint/model"
	"github.com/atflint/atflint/syntax"
)

// TestTextCursor: positions count lines ended by \n, \r\n and \r alone,
// and columns in code points, from where the text starts; asked out of
// order, the cursor starts again.
func TestTextCursor(t *testing.T) {
	text := &model.Text{Value: "ab\r\ncé\rd\nxyz", Start: syntax.Pos{Line: 3, Col: 5}}
	c := newTextCursor(text)
	for _, tc := range []struct {
		off  int
		want syntax.Pos
	}{
		{0, syntax.Pos{Line: 3, Col: 5}},
		{2, syntax.Pos{Line: 3, Col: 7}},
		{4, syntax.Pos{Line: 4, Col: 1}},
		{7, syntax.Pos{Line: 4, Col: 3}}, // after "cé": é is two bytes
		{8, syntax.Pos{Line: 5, Col: 1}},
		{10, syntax.Pos{Line: 6, Col: 1}},
		{12, syntax.Pos{Line: 6, Col: 3}},
		{1, syntax.Pos{Line: 3, Col: 6}}, // back again
	} {
		if got := c.at(tc.off); got != tc.want {
			t.Errorf("at(%d) = %v, want %v", tc.off, got, tc.want)
		}
	}
}
