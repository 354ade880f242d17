// Command plot draws bench/run's sweep as an SVG: median time and peak
// memory against the number of files, one line per program, both axes
// logarithmic. It reads lines of "program files seconds megabytes" from
// standard input and writes the SVG to standard output. The drawing is a
// few dozen SVG elements, written directly: no plotting library is worth
// a dependency for two charts.
package main

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
)

type point struct{ files, seconds, mb float64 }

// colours are the lines' colours, in the order programs first appear.
var colours = []string{"#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"}

func main() {
	series, order, err := read(os.Stdin)
	if err != nil || len(order) == 0 {
		fmt.Fprintln(os.Stderr, "plot: want lines of \"program files seconds megabytes\" on standard input", err)
		os.Exit(2)
	}
	const w, h = 900, 380
	fmt.Printf(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">`+"\n", w, h)
	fmt.Printf(`<rect width="%d" height="%d" fill="white"/>`+"\n", w, h)
	chart(os.Stdout, series, order, 60, "median time (s)", func(p point) float64 { return p.seconds })
	chart(os.Stdout, series, order, 510, "peak memory (MB)", func(p point) float64 { return p.mb })
	for i, name := range order {
		y := 30 + 18*i
		fmt.Printf(`<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2"/><text x="%d" y="%d">%s</text>`+"\n",
			w-150, y, w-130, y, colours[i%len(colours)], w-125, y+4, escape(name))
	}
	fmt.Println("</svg>")
}

func read(r io.Reader) (map[string][]point, []string, error) {
	series := map[string][]point{}
	var order []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 4 {
			continue
		}
		var p point
		var err error
		for i, dst := range []*float64{&p.files, &p.seconds, &p.mb} {
			if *dst, err = strconv.ParseFloat(f[i+1], 64); err != nil {
				return nil, nil, fmt.Errorf("%q: %v", sc.Text(), err)
			}
		}
		if _, ok := series[f[0]]; !ok {
			order = append(order, f[0])
		}
		series[f[0]] = append(series[f[0]], p)
	}
	for _, ps := range series {
		slices.SortFunc(ps, func(a, b point) int { return cmp.Compare(a.files, b.files) })
	}
	return series, order, sc.Err()
}

// chart draws one log-log panel of 360 by 300 at x0.
func chart(w io.Writer, series map[string][]point, order []string, x0 float64, title string, value func(point) float64) {
	const pw, ph, y0 = 360.0, 290.0, 40.0
	minX, maxX, minY, maxY := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, ps := range series {
		for _, p := range ps {
			minX, maxX = min(minX, p.files), max(maxX, p.files)
			if v := value(p); v > 0 {
				minY, maxY = min(minY, v), max(maxY, v)
			}
		}
	}
	lx0, lx1 := math.Floor(math.Log10(minX)), math.Ceil(math.Log10(maxX))
	ly0, ly1 := math.Floor(math.Log10(minY)), math.Ceil(math.Log10(maxY))
	lx1, ly1 = max(lx1, lx0+1), max(ly1, ly0+1)
	px := func(v float64) float64 { return x0 + (math.Log10(v)-lx0)/(lx1-lx0)*pw }
	py := func(v float64) float64 { return y0 + ph - (math.Log10(v)-ly0)/(ly1-ly0)*ph }
	fmt.Fprintf(w, `<text x="%.0f" y="%.0f" font-weight="bold">%s against files</text>`+"\n", x0, y0-15, escape(title))
	fmt.Fprintf(w, `<rect x="%.0f" y="%.0f" width="%.0f" height="%.0f" fill="none" stroke="#888"/>`+"\n", x0, y0, pw, ph)
	for e := lx0; e <= lx1; e++ {
		x := px(math.Pow(10, e))
		fmt.Fprintf(w, `<line x1="%.1f" y1="%.0f" x2="%.1f" y2="%.0f" stroke="#eee"/><text x="%.1f" y="%.0f" text-anchor="middle">%s</text>`+"\n",
			x, y0, x, y0+ph, x, y0+ph+15, label(math.Pow(10, e)))
	}
	for e := ly0; e <= ly1; e++ {
		y := py(math.Pow(10, e))
		fmt.Fprintf(w, `<line x1="%.0f" y1="%.1f" x2="%.0f" y2="%.1f" stroke="#eee"/><text x="%.0f" y="%.1f" text-anchor="end">%s</text>`+"\n",
			x0, y, x0+pw, y, x0-5, y+4, label(math.Pow(10, e)))
	}
	for i, name := range order {
		var pts []string
		for _, p := range series[name] {
			if v := value(p); v > 0 {
				pts = append(pts, fmt.Sprintf("%.1f,%.1f", px(p.files), py(v)))
			}
		}
		c := colours[i%len(colours)]
		fmt.Fprintf(w, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2"/>`+"\n", strings.Join(pts, " "), c)
		for _, pt := range pts {
			x, y, _ := strings.Cut(pt, ",")
			fmt.Fprintf(w, `<circle cx="%s" cy="%s" r="3" fill="%s"/>`+"\n", x, y, c)
		}
	}
}

// label writes a power of ten briefly: 0.01, 1, 100, 10k.
func label(v float64) string {
	switch {
	case v >= 1000:
		return strconv.FormatFloat(v/1000, 'f', -1, 64) + "k"
	default:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
}

func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
