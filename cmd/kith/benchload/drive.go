package benchload

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"

	"kith/cmd/kith/benchkit"
)

// driver runs the mix's clients against the world.
type driver struct {
	w     *world
	opt   Options
	start time.Time    // when the clock started
	done  atomic.Int64 // requests answered so far, for the sampler
}

// rng is client i's own source of choices, fixed by the seed.
func (d *driver) rng(i int) *rand.Rand { return rand.New(rand.NewPCG(d.opt.Seed, uint64(i))) }

// draws is client i's sequence of routes, drawn by weight; client 0 first
// sends one of every route, so that even a short run measures them all
// (had every client done so, the run would open with a burst of gap
// analyses no real mix has).
func draws(i int, rng *rand.Rand) func() route {
	n := 0
	if i > 0 {
		n = int(numRoutes)
	}
	return func() route {
		if n < int(numRoutes) {
			n++
			return route(n - 1)
		}
		return pick(rng)
	}
}

// send plans one request of route r, sends it and records how it went,
// timed from since: when it was sent (closed loop) or when it was due
// (open loop).
func (d *driver) send(ctx context.Context, rng *rand.Rand, r route, t *tally, since func() time.Time) {
	st := d.w.plan(rng, r)
	began := since()
	resp := d.w.c.do(ctx, st.req)
	took := time.Since(began)
	v, why := st.judge(resp)
	if st.after != nil {
		st.after(resp, v == verdictOK)
	}
	t.record(st.route, began.Sub(d.start), took, v, why)
	d.done.Add(1)
}

// closedLoop has each client send its next request as soon as the last
// one is answered, until the time is up.
func (d *driver) closedLoop(ctx context.Context) *tally {
	d.start = time.Now()
	stop := d.start.Add(d.opt.Duration)
	return d.clients(func(i int, t *tally) {
		rng := d.rng(i)
		next := draws(i, rng)
		for time.Now().Before(stop) && ctx.Err() == nil {
			d.send(ctx, rng, next(), t, time.Now)
		}
	})
}

// openLoop offers Rate requests a second whatever the server does; each
// request is timed from when it was due, so a server that falls behind
// shows its queue in the latencies instead of hiding it.
func (d *driver) openLoop(ctx context.Context) *tally {
	n := int(d.opt.Rate * d.opt.Duration.Seconds())
	due := make(chan time.Time, min(n, 1<<20))
	d.start = time.Now()
	start := d.start
	go func() {
		defer close(due)
		benchkit.Pace(ctx, start, n, d.opt.Rate, func(_ int, at time.Time) { due <- at })
	}()
	return d.clients(func(i int, t *tally) {
		rng := d.rng(i)
		next := draws(i, rng)
		for at := range due {
			d.send(ctx, rng, next(), t, func() time.Time { return at })
		}
	})
}

// clients runs Clients copies of fn and adds up their tallies.
func (d *driver) clients(fn func(i int, t *tally)) *tally {
	tallies := make([]*tally, d.opt.Clients)
	var wg sync.WaitGroup
	for i := range tallies {
		tallies[i] = newTally()
		wg.Go(func() { fn(i, tallies[i]) })
	}
	wg.Wait()
	total := newTally()
	for _, t := range tallies {
		total.merge(t)
	}
	return total
}

// warmUpFor is how long every client runs the mix, unrecorded, before the
// clock starts: long enough for the server to open the database
// connections a busy server holds, which a freshly started one opens on
// first demand at tens of milliseconds each.
const warmUpFor = 3 * time.Second

// warmUp sends one request of every route, in order, and then runs the mix
// for warmUpFor, before the clock starts: the first of some requests (the
// gap analysis builds its area tables) costs what no later one does, and a
// setup that cannot even do the first pass should stop with the reason
// rather than report a run of errors.
func (d *driver) warmUp(ctx context.Context) error {
	rng := d.rng(-1)
	for r := range numRoutes {
		st := d.w.plan(rng, r)
		resp := d.w.c.do(ctx, st.req)
		v, why := st.judge(resp)
		if st.after != nil {
			st.after(resp, v == verdictOK)
		}
		if v == verdictError {
			return fmt.Errorf("warm-up: %s: %s", st.route, why)
		}
	}
	warm := &driver{w: d.w, opt: d.opt}
	warm.opt.Duration = min(warmUpFor, d.opt.Duration)
	if t := warm.closedLoop(ctx); t.errors() > 0 {
		return fmt.Errorf("warm-up: %d errors in %d requests, the first %q", t.errors(), len(t.all()), t.firstError())
	}
	return nil
}
