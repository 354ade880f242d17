package suggest

import "testing"

func TestClosest(t *testing.T) {
	keys := []string{"agent", "identity", "capabilities", "tools", "segmentation", "killSwitch"}
	for _, tc := range []struct{ in, want string }{
		{"Agent", "agent"},
		{"killswitch", "killSwitch"},
		{"tool", "tools"},
		{"capabilites", "capabilities"},
		{"segmentaton", "segmentation"},
		{"owner", ""},
		{"x", ""},
	} {
		if got := Closest(tc.in, keys); got != tc.want {
			t.Errorf("Closest(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
