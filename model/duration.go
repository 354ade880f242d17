package model

import (
	"fmt"
	"math"
	"strconv"
	"time"
)

var durationUnits = map[string]time.Duration{
	"ms": time.Millisecond, "s": time.Second, "m": time.Minute, "h": time.Hour,
	"d": 24 * time.Hour, "w": 7 * 24 * time.Hour,
}

// ParseDuration reads a manifest duration: numbers with units ms, s, m, h,
// d or w, one after another (500ms, 15m, 1h30m, 7d).
func ParseDuration(s string) (time.Duration, error) {
	if s == "" {
		return 0, fmt.Errorf("empty duration")
	}
	var total float64
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.') {
			j++
		}
		k := j
		for k < len(s) && s[k] >= 'a' && s[k] <= 'z' {
			k++
		}
		n, err := strconv.ParseFloat(s[i:j], 64)
		unit, ok := durationUnits[s[j:k]]
		if err != nil || !ok {
			return 0, fmt.Errorf("%q is not a duration such as 500ms, 15m or 7d", s)
		}
		total += n * float64(unit)
		i = k
	}
	if total > math.MaxInt64 {
		return 0, fmt.Errorf("%q is too long a duration", s)
	}
	return time.Duration(total), nil
}

// FormatDuration writes d the way manifests do: 30d, 1h30m, 500ms.
func FormatDuration(d time.Duration) string {
	if d <= 0 {
		return "0s"
	}
	var s string
	for _, u := range []struct {
		name string
		d    time.Duration
	}{{"d", 24 * time.Hour}, {"h", time.Hour}, {"m", time.Minute}, {"s", time.Second}, {"ms", time.Millisecond}} {
		if n := d / u.d; n > 0 {
			s += strconv.FormatInt(int64(n), 10) + u.name
			d -= n * u.d
		}
	}
	if s == "" {
		return d.String()
	}
	return s
}
