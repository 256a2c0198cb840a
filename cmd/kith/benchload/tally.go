package benchload

import (
	"slices"
	"time"
)

// tally is what requests came to, per route. Each client keeps its own and
// they are added up at the end, so recording never contends.
type tally struct {
	routes   [numRoutes]routeTally
	business map[string]int          // business refusals by reason
	windows  map[int][]time.Duration // every request's latency, by the window it began in
}

// window is the span the timeline groups requests by, to show a stall or
// a drift that a whole run's percentiles would hide.
const window = 5 * time.Second

type routeTally struct {
	took     []time.Duration
	errors   int
	business int
	examples []string // the first few errors, for the report
}

// mostExamples bounds the errors a route keeps word for word.
const mostExamples = 3

func newTally() *tally { return &tally{business: map[string]int{}, windows: map[int][]time.Duration{}} }

// record adds a request of route r that began at offset into the run.
func (t *tally) record(r route, offset, took time.Duration, v verdict, why string) {
	w := int(offset / window)
	t.windows[w] = append(t.windows[w], took)
	rt := &t.routes[r]
	rt.took = append(rt.took, took)
	switch v {
	case verdictBusiness:
		rt.business++
		t.business[why]++
	case verdictError:
		rt.errors++
		if len(rt.examples) < mostExamples {
			rt.examples = append(rt.examples, why)
		}
	}
}

func (t *tally) merge(o *tally) {
	for r := range t.routes {
		a, b := &t.routes[r], &o.routes[r]
		a.took = append(a.took, b.took...)
		a.errors += b.errors
		a.business += b.business
		a.examples = append(a.examples, b.examples[:min(len(b.examples), mostExamples-min(len(a.examples), mostExamples))]...)
	}
	for k, n := range o.business {
		t.business[k] += n
	}
	for w, took := range o.windows {
		t.windows[w] = append(t.windows[w], took...)
	}
}

// latency is a set of timings summarised.
type latency struct {
	n             int
	p50, p99, max time.Duration
}

func summarise(took []time.Duration) latency {
	if len(took) == 0 {
		return latency{}
	}
	s := slices.Clone(took)
	slices.Sort(s)
	at := func(q float64) time.Duration { return s[int(q*float64(len(s)-1))] }
	return latency{n: len(s), p50: at(0.50), p99: at(0.99), max: s[len(s)-1]}
}

// all is every route's timings together.
func (t *tally) all() []time.Duration {
	var out []time.Duration
	for _, rt := range t.routes {
		out = append(out, rt.took...)
	}
	return out
}

func (t *tally) errors() int {
	n := 0
	for _, rt := range t.routes {
		n += rt.errors
	}
	return n
}

// firstError is one of the errors kept word for word.
func (t *tally) firstError() string {
	for _, rt := range t.routes {
		if len(rt.examples) > 0 {
			return rt.examples[0]
		}
	}
	return ""
}
