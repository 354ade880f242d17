// Package suggest finds the name a user most likely meant.
package suggest

import "strings"

// Closest returns the candidate nearest to s: one that differs only in case,
// or else the one with the smallest edit distance, if that distance is small
// for the length of s. It returns "" when nothing is close.
func Closest(s string, candidates []string) string {
	for _, c := range candidates {
		if strings.EqualFold(s, c) {
			return c
		}
	}
	best, bestDist := "", len(s)/3+1
	if bestDist > 3 {
		bestDist = 3
	}
	lower := strings.ToLower(s)
	for _, c := range candidates {
		if d := distance(lower, strings.ToLower(c)); d <= bestDist && (best == "" || d < bestDist) {
			best, bestDist = c, d
		}
	}
	return best
}

// distance is the Levenshtein distance of a and b, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
