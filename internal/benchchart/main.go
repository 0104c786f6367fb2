// Command benchchart draws docs/bench.svg from `go test -bench` output: the
// SDK against the hand-written floor, in time per operation, as the number
// of wallets in the answer grows.
//
// Usage (from the repository root):
//
//	go test -run '^$' -bench . -benchmem -count 6 | tee bench.txt
//	go run ./internal/benchchart < bench.txt > docs/bench.svg
//
// It reads the benchmarks named Family/wallets=N/impl=sdk|floor
// (BenchmarkRefreshAll, BenchmarkDecode), takes the median of the runs of
// each, and plots both families on log-log axes, with the SDK's ratio to
// the floor written beside each of its points. Where the input also has a
// FamilyPaired/wallets=N benchmark (the SDK and the floor timed
// interleaved, reporting floor-ns/call, sdk-ns/call and sdk/floor), its
// medians are plotted instead of the separate runs', being less skewed by
// a shared machine's noise. Everything else in the input is ignored. It uses the standard library only, so that anyone can
// regenerate the chart from their own run.
package main

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

func main() {
	points, err := parse(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchchart:", err)
		os.Exit(1)
	}
	if len(points) == 0 {
		fmt.Fprintln(os.Stderr, "benchchart: no Family/wallets=N/impl=sdk|floor benchmarks in the input")
		os.Exit(1)
	}
	if err := draw(os.Stdout, points); err != nil {
		fmt.Fprintln(os.Stderr, "benchchart:", err)
		os.Exit(1)
	}
}

// point is the median time of one benchmark.
type point struct {
	family  string // "RefreshAll", "Decode"
	wallets int
	impl    string // "sdk" or "floor"
	nsPerOp float64
	runs    int
	paired  float64 // for an SDK point: the median sdk/floor ratio of the paired benchmark, 0 when there is none
}

// pairedLine matches the result line of a paired benchmark, which times
// the SDK and the floor interleaved, such as
// "BenchmarkRefreshAllPaired/wallets=2-2  7238  210338 ns/op  102349 floor-ns/call  107802 sdk-ns/call  1.053 sdk/floor";
// its metrics, in whatever order, are read by metric.
var pairedLine = regexp.MustCompile(`^Benchmark([A-Za-z0-9]+)Paired/wallets=(\d+)(?:-\d+)?\s`)

// metric matches one "value unit" pair of a result line.
var metric = regexp.MustCompile(`([0-9][0-9.e+]*) ([^\s]+)`)

// benchLine matches a result line such as
// "BenchmarkDecode/wallets=200/impl=sdk-2   136   2636657 ns/op ...".
var benchLine = regexp.MustCompile(`^Benchmark([A-Za-z0-9]+)/wallets=(\d+)/impl=(sdk|floor)(?:-\d+)?\s+\d+\s+([0-9.e+]+) ns/op`)

// parse reads benchmark output and returns the median of each benchmark,
// sorted by family, implementation and wallets.
func parse(r io.Reader) ([]point, error) {
	type key struct {
		family  string
		wallets int
		impl    string
	}
	samples := map[key][]float64{}
	paired := map[key][]float64{} // per-call times from paired benchmarks
	ratios := map[key][]float64{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if m := pairedLine.FindStringSubmatch(line); m != nil {
			wallets, err := strconv.Atoi(m[2])
			if err != nil {
				return nil, fmt.Errorf("wallets in %q: %w", m[0], err)
			}
			got := map[string]float64{}
			for _, mm := range metric.FindAllStringSubmatch(line[len(m[0]):], -1) {
				if v, err := strconv.ParseFloat(mm[1], 64); err == nil {
					got[mm[2]] = v
				}
			}
			floorNs, ok1 := got["floor-ns/call"]
			sdkNs, ok2 := got["sdk-ns/call"]
			ratio, ok3 := got["sdk/floor"]
			if !ok1 || !ok2 || !ok3 {
				return nil, fmt.Errorf("paired line without floor-ns/call, sdk-ns/call and sdk/floor: %q", line)
			}
			floor, sdk := key{m[1], wallets, "floor"}, key{m[1], wallets, "sdk"}
			paired[floor] = append(paired[floor], floorNs)
			paired[sdk] = append(paired[sdk], sdkNs)
			ratios[sdk] = append(ratios[sdk], ratio)
			continue
		}
		m := benchLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		wallets, err := strconv.Atoi(m[2])
		if err != nil {
			return nil, fmt.Errorf("wallets in %q: %w", m[0], err)
		}
		ns, err := strconv.ParseFloat(m[4], 64)
		if err != nil {
			return nil, fmt.Errorf("ns/op in %q: %w", m[0], err)
		}
		k := key{m[1], wallets, m[3]}
		samples[k] = append(samples[k], ns)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	points := make([]point, 0, len(samples))
	// Where a family has a paired benchmark, its interleaved timings stand
	// in for the separate runs: the same moments of a noisy machine for
	// both sides.
	for k, v := range paired {
		samples[k] = v
	}
	for k, v := range samples {
		p := point{family: k.family, wallets: k.wallets, impl: k.impl, nsPerOp: median(v), runs: len(v)}
		if r := ratios[k]; len(r) > 0 {
			p.paired = median(r)
		}
		points = append(points, p)
	}
	sort.Slice(points, func(i, j int) bool {
		a, b := points[i], points[j]
		if a.family != b.family {
			return a.family > b.family // RefreshAll before Decode
		}
		if a.impl != b.impl {
			return a.impl < b.impl // floor before sdk
		}
		return a.wallets < b.wallets
	})
	return points, nil
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// The chart's geometry, in SVG user units.
const (
	width, height = 760, 460
	left, right   = 80, 210 // margins: the right one holds the legend
	top, bottom   = 50, 60
)

// series styles: one colour per family, solid for the SDK, dashed for the
// floor.
var colours = map[string]string{"RefreshAll": "#1f77b4", "Decode": "#d62728"}

func colour(family string) string {
	if c, ok := colours[family]; ok {
		return c
	}
	return "#555555"
}

// draw writes the SVG chart of points to w.
func draw(w io.Writer, points []point) error {
	minX, maxX := math.Inf(1), math.Inf(-1)
	minY, maxY := math.Inf(1), math.Inf(-1)
	for _, p := range points {
		minX, maxX = math.Min(minX, float64(p.wallets)), math.Max(maxX, float64(p.wallets))
		minY, maxY = math.Min(minY, p.nsPerOp), math.Max(maxY, p.nsPerOp)
	}
	// Whole decades around the data, so the log axes read plainly.
	x0, x1 := math.Floor(math.Log10(minX)), math.Ceil(math.Log10(maxX))
	y0, y1 := math.Floor(math.Log10(minY)), math.Ceil(math.Log10(maxY))
	if x1 == x0 {
		x1++
	}
	if y1 == y0 {
		y1++
	}
	plotW, plotH := float64(width-left-right), float64(height-top-bottom)
	px := func(x float64) float64 { return left + (math.Log10(x)-x0)/(x1-x0)*plotW }
	py := func(y float64) float64 { return top + (1-(math.Log10(y)-y0)/(y1-y0))*plotH }

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n", width, height, width, height)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="white"/>`+"\n", width, height)
	fmt.Fprintf(&b, `<text x="%d" y="24" font-size="15" font-weight="bold">juspay-go: SDK vs hand-written floor, time per operation</text>`+"\n", left)
	fmt.Fprintf(&b, `<text x="%d" y="40" fill="#555">medians, log-log; ×: the SDK's time over the floor's ("paired": both timed interleaved)</text>`+"\n", left)

	// Grid and ticks: every decade on y, every decade on x.
	for e := y0; e <= y1; e++ {
		y := py(math.Pow(10, e))
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/>`+"\n", left, y, width-right, y)
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" text-anchor="end">%s</text>`+"\n", left-6, y+4, durationLabel(math.Pow(10, e)))
	}
	for e := x0; e <= x1; e++ {
		x := px(math.Pow(10, e))
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/>`+"\n", x, top, x, height-bottom)
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle">%s</text>`+"\n", x, height-bottom+16, strconv.FormatFloat(math.Pow(10, e), 'f', -1, 64))
	}
	fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%.0f" height="%.0f" fill="none" stroke="#333"/>`+"\n", left, top, plotW, plotH)
	fmt.Fprintf(&b, `<text x="%.0f" y="%d" text-anchor="middle">wallets in the answer</text>`+"\n", left+plotW/2, height-18)
	fmt.Fprintf(&b, `<text transform="translate(18 %.0f) rotate(-90)" text-anchor="middle">time per operation</text>`+"\n", top+plotH/2)

	// One polyline per family and implementation.
	type seriesKey struct{ family, impl string }
	var order []seriesKey
	series := map[seriesKey][]point{}
	for _, p := range points {
		k := seriesKey{p.family, p.impl}
		if _, ok := series[k]; !ok {
			order = append(order, k)
		}
		series[k] = append(series[k], p)
	}
	floorOf := map[string]float64{}
	for _, p := range points {
		if p.impl == "floor" {
			floorOf[fmt.Sprint(p.family, p.wallets)] = p.nsPerOp
		}
	}
	for i, k := range order {
		ps := series[k]
		c := colour(k.family)
		dash := ""
		if k.impl == "floor" {
			dash = ` stroke-dasharray="6 4"`
		}
		var coords []string
		for _, p := range ps {
			coords = append(coords, fmt.Sprintf("%.1f,%.1f", px(float64(p.wallets)), py(p.nsPerOp)))
		}
		fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2"%s/>`+"\n", strings.Join(coords, " "), c, dash)
		for _, p := range ps {
			x, y := px(float64(p.wallets)), py(p.nsPerOp)
			if k.impl == "floor" {
				fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="7" height="7" fill="white" stroke="%s" stroke-width="2"><title>%s floor, %d wallets: %s (%d runs)</title></rect>`+"\n",
					x-3.5, y-3.5, c, k.family, p.wallets, durationLabel(p.nsPerOp), p.runs)
				continue
			}
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="4" fill="%s"><title>%s SDK, %d wallets: %s (%d runs)</title></circle>`+"\n",
				x, y, c, k.family, p.wallets, durationLabel(p.nsPerOp), p.runs)
			// Labels of the first family sit above their points, the
			// others' below, so that points close together stay readable.
			ly := y - 8
			if i > 1 {
				ly = y + 18
			}
			switch f, ok := floorOf[fmt.Sprint(p.family, p.wallets)]; {
			case p.paired > 0:
				fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" fill="%s" stroke="white" stroke-width="3" paint-order="stroke" font-weight="bold">×%.2f paired</text>`+"\n", x+7, ly, c, p.paired)
			case ok && f > 0:
				fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" fill="%s" stroke="white" stroke-width="3" paint-order="stroke" font-weight="bold">×%.2f</text>`+"\n", x+7, ly, c, p.nsPerOp/f)
			}
		}
		// Legend.
		ly := float64(top + 14 + 22*i)
		lx := float64(width - right + 16)
		fmt.Fprintf(&b, `<line x1="%.0f" y1="%.0f" x2="%.0f" y2="%.0f" stroke="%s" stroke-width="2"%s/>`+"\n", lx, ly, lx+28, ly, c, dash)
		name := "SDK"
		if k.impl == "floor" {
			name = "floor"
		}
		fmt.Fprintf(&b, `<text x="%.0f" y="%.0f">%s, %s</text>`+"\n", lx+34, ly+4, k.family, name)
	}
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// durationLabel prints nanoseconds as a short duration: 80µs, 2.2ms, 1s.
func durationLabel(ns float64) string {
	units := []struct {
		size float64
		name string
	}{{1e9, "s"}, {1e6, "ms"}, {1e3, "µs"}, {1, "ns"}}
	for _, u := range units {
		if ns >= u.size {
			return strconv.FormatFloat(ns/u.size, 'g', 3, 64) + u.name
		}
	}
	return strconv.FormatFloat(ns, 'g', 3, 64) + "ns"
}
