package benchload

import (
	"fmt"
	"slices"
	"time"

	"kith/cmd/kith/benchgaps"
)

// The targets for a 60 s run on a 2-core machine.
const (
	minThroughput = 500 // requests per second, the whole mix
	maxP99        = 50 * time.Millisecond
	// maxGrowth is how much more the server may hold in the second half of
	// the run than in the first and still count as flat: a leak keeps
	// growing, the ordinary swings of a collected heap do not.
	maxGrowth = 1.10
	// keptUp is the share of an open loop's offered rate it must serve.
	keptUp = 0.99
)

// maxGapsP99 holds the gap analysis, an analysis of a whole area rather
// than an interactive request, to its own target (benchgaps.Target)
// instead of maxP99.
const maxGapsP99 = benchgaps.Target

// Result is one target and how the run did; Known is false when the run
// could not measure it.
type Result struct {
	Name, Got   string
	Pass, Known bool
}

func judge(rep *Report) []Result {
	return []Result{rep.throughputTarget(), rep.p99Target(), rep.routesTarget(), rep.gapsTarget(), rep.errorsTarget(),
		rep.memoryTarget()}
}

// perSecond is the requests answered per second of the run.
func (rep *Report) perSecond() float64 {
	return float64(len(rep.Tally.all())) / rep.Elapsed.Seconds()
}

func (rep *Report) throughputTarget() Result {
	got := rep.perSecond()
	if rate := rep.Options.Rate; rate > 0 {
		return Result{Name: fmt.Sprintf("≥ %d requests/s: offered and served", minThroughput), Known: true,
			Got:  fmt.Sprintf("%.0f/s offered, %.1f/s served", rate, got),
			Pass: rate >= minThroughput && got >= keptUp*rate}
	}
	return Result{Name: fmt.Sprintf("≥ %d requests/s", minThroughput), Got: fmt.Sprintf("%.1f/s", got),
		Pass: got >= minThroughput, Known: true}
}

func (rep *Report) p99Target() Result {
	l := summarise(rep.Tally.all())
	return Result{Name: "p99 ≤ 50 ms, all requests", Got: ms(l.p99) + " ms", Pass: l.n > 0 && l.p99 <= maxP99, Known: true}
}

func (rep *Report) routesTarget() Result {
	worst, at := time.Duration(0), route(0)
	for r := range numRoutes {
		if l := summarise(rep.Tally.routes[r].took); r != routeGaps && l.p99 > worst {
			worst, at = l.p99, r
		}
	}
	return Result{Name: "p99 ≤ 50 ms on every route but the gap analysis", Got: fmt.Sprintf("worst %s ms (%s)", ms(worst), at),
		Pass: worst <= maxP99, Known: true}
}

func (rep *Report) gapsTarget() Result {
	l := summarise(rep.Tally.routes[routeGaps].took)
	return Result{Name: fmt.Sprintf("gap analysis p99 ≤ %s (issue 8)", maxGapsP99), Got: ms(l.p99) + " ms",
		Pass: l.n > 0 && l.p99 <= maxGapsP99, Known: true}
}

func (rep *Report) errorsTarget() Result {
	n, all := rep.Tally.errors(), len(rep.Tally.all())
	return Result{Name: "zero errors", Got: fmt.Sprintf("%d in %d requests", n, all), Pass: all > 0 && n == 0, Known: true}
}

func (rep *Report) memoryTarget() Result {
	name := fmt.Sprintf("memory flat: the server's own memory, second half ≤ %.2f× the first", maxGrowth)
	first, second, ok := rep.halves()
	if !ok {
		return Result{Name: name, Got: "not measured (give --pid with --url)"}
	}
	return Result{Name: name, Got: fmt.Sprintf("median %s → %s", mb(first), mb(second)),
		Pass: float64(second) <= maxGrowth*float64(first), Known: true}
}

// halves are the median anonymous memory (RssAnon: heap and stacks, not
// the index's mapped files, which grow with writes until bleve merges
// them) sampled in each half of the run: medians, since the Go heap swings
// by up to twice its live size between collections, and a sample can fall
// anywhere on the swing.
func (rep *Report) halves() (first, second uint64, ok bool) {
	s := rep.Samples
	if len(s) < 2 || !s[0].memOK {
		return 0, 0, false
	}
	median := func(part []sample) uint64 {
		v := make([]uint64, len(part))
		for i, x := range part {
			v[i] = x.mem.Anon
		}
		slices.Sort(v)
		return v[len(v)/2]
	}
	return median(s[:len(s)/2]), median(s[len(s)/2:]), true
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f", float64(d.Microseconds())/1000) }
func mb(b uint64) string        { return fmt.Sprintf("%.0f MB", float64(b)/(1<<20)) }
