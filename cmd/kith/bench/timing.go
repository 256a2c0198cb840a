package bench

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// engine is anything that answers the mix: Kith, the floor, PostgreSQL.
type engine interface {
	Search(ctx context.Context, q *benchQuery) (answer, error)
}

// pass is one engine's answers to the whole mix, one query at a time, with
// the time each took.
type pass struct {
	answers []answer
	took    []time.Duration
}

// warmup is how many queries each engine answers untimed first, so caches
// (PostgreSQL's buffers, bleve's segments) are as warm as in service.
const warmup = 200

func runPass(ctx context.Context, e engine, qs []benchQuery) (pass, error) {
	for i := range min(warmup, len(qs)) {
		if _, err := e.Search(ctx, &qs[i]); err != nil {
			return pass{}, fmt.Errorf("query %d (%s): %w", i, qs[i].class, err)
		}
	}
	p := pass{answers: make([]answer, len(qs)), took: make([]time.Duration, len(qs))}
	for i := range qs {
		start := time.Now()
		a, err := e.Search(ctx, &qs[i])
		p.took[i] = time.Since(start)
		if err != nil {
			return pass{}, fmt.Errorf("query %d (%s): %w", i, qs[i].class, err)
		}
		p.answers[i] = a
	}
	return p, nil
}

// latency summarises a set of timings.
type latency struct {
	N        int
	P50, P99 time.Duration
}

func summarise(ds []time.Duration) latency {
	if len(ds) == 0 {
		return latency{}
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return latency{N: len(s), P50: percentile(s, 0.50), P99: percentile(s, 0.99)}
}

// percentile is the nearest-rank percentile of sorted timings.
func percentile(sorted []time.Duration, p float64) time.Duration {
	i := int(float64(len(sorted))*p+0.999999) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

// byClass summarises a pass per query class; the last entry is all queries.
func byClass(classes []class, took []time.Duration) [numClasses + 1]latency {
	var groups [numClasses + 1][]time.Duration
	for i, c := range classes {
		groups[c] = append(groups[c], took[i])
		groups[numClasses] = append(groups[numClasses], took[i])
	}
	var out [numClasses + 1]latency
	for c := range out {
		out[c] = summarise(groups[c])
	}
	return out
}

// throughputWorkers keeps both cores busy even while a worker waits on
// PostgreSQL.
func throughputWorkers() int { return 2 * runtime.GOMAXPROCS(0) }

// throughput answers the whole mix with several workers at once and
// returns queries per second.
func throughput(ctx context.Context, e engine, qs []benchQuery) (float64, error) {
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, throughputWorkers())
	start := time.Now()
	for range throughputWorkers() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := next.Add(1) - 1; int(i) < len(qs); i = next.Add(1) - 1 {
				if _, err := e.Search(ctx, &qs[i]); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return 0, err
	}
	return float64(len(qs)) / time.Since(start).Seconds(), nil
}
