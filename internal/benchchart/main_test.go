package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const sample = `goos: linux
BenchmarkRefreshAll/wallets=2/impl=floor-2   3513   100000 ns/op   12155 B/op   144 allocs/op
BenchmarkRefreshAll/wallets=2/impl=floor-2   3513   120000 ns/op   12155 B/op   144 allocs/op
BenchmarkRefreshAll/wallets=2/impl=floor-2   3513   900000 ns/op   12155 B/op   144 allocs/op
BenchmarkRefreshAll/wallets=2/impl=sdk-2     3421   105000 ns/op   13697 B/op   150 allocs/op
BenchmarkRefreshAllPaired/wallets=2-2        7238   210338 ns/op   100000 floor-ns/call   1.02 sdk-no-timeout/floor   107000 sdk-ns/call   1.053 sdk/floor   25704 B/op
BenchmarkRefreshAllPaired/wallets=2-2        7238   210338 ns/op   101000 floor-ns/call   106000 sdk-ns/call   1.041 sdk/floor   1.01 sdk-no-timeout/floor   25704 B/op
BenchmarkRefreshAllPaired/wallets=2-2        7238   210338 ns/op   102000 floor-ns/call   105000 sdk-ns/call   1.047 sdk/floor   1.00 sdk-no-timeout/floor   25704 B/op
BenchmarkConcurrent/tls=no/client=sdk-default-2  6607  51181 ns/op  19539 calls/s
BenchmarkDecode/wallets=20000/impl=sdk-2     2   273399001 ns/op   31.13 MB/s
BenchmarkDecode/wallets=20000/impl=floor     2   181108805 ns/op   46.99 MB/s
PASS
`

func TestParse(t *testing.T) {
	points, err := parse(strings.NewReader(sample))
	require.NoError(t, err)
	require.Len(t, points, 4, "only Family/wallets=N/impl=X benchmarks")
	assert.Equal(t, point{family: "RefreshAll", wallets: 2, impl: "floor", nsPerOp: 101000, runs: 3}, points[0],
		"the paired benchmark's interleaved timings replace the separate runs; the median, not the mean")
	assert.Equal(t, point{family: "RefreshAll", wallets: 2, impl: "sdk", nsPerOp: 106000, runs: 3, paired: 1.047}, points[1],
		"the paired benchmark's median ratio goes with the SDK point")
	assert.Equal(t, "Decode", points[2].family)
	assert.Equal(t, "floor", points[2].impl, "a line without the -GOMAXPROCS suffix is read too")
	assert.Equal(t, 20000, points[3].wallets)
}

func TestParseRefusesAPairedLineWithoutItsFigures(t *testing.T) {
	_, err := parse(strings.NewReader("BenchmarkRefreshAllPaired/wallets=2-2  7238  210338 ns/op  1.05 sdk/floor\n"))
	assert.Error(t, err)
}

func TestDraw(t *testing.T) {
	points, err := parse(strings.NewReader(sample))
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, draw(&b, points))
	svg := b.String()
	assert.True(t, strings.HasPrefix(svg, "<svg "))
	assert.True(t, strings.HasSuffix(svg, "</svg>\n"))
	assert.Equal(t, 4, strings.Count(svg, "<polyline"), "one line per family and implementation")
	assert.Contains(t, svg, "×1.05 paired", "the paired ratio wins over the ratio of medians")
	assert.NotContains(t, svg, "×0.88", "105µs / 120µs of the separate runs, where a paired ratio exists")
	assert.Contains(t, svg, "×1.51", "273ms / 181ms")
}

func TestDurationLabel(t *testing.T) {
	assert.Equal(t, "80µs", durationLabel(80_000))
	assert.Equal(t, "2.2ms", durationLabel(2_200_000))
	assert.Equal(t, "1s", durationLabel(1e9))
	assert.Equal(t, "500ns", durationLabel(500))
}
