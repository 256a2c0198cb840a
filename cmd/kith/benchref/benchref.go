// Package benchref measures how fast link workers can connect people to
// services, through the real referral store, PostgreSQL and capacity locks:
// with clients spread over many services, and with every client contending
// for one. It checks that no service ends up holding more places than its
// connections, so a fast result can never hide oversubscription.
package benchref

import (
	"context"
	"fmt"
	"io"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"kith/directory"
	"kith/postgres"
	"kith/referral"
)

// Options size a run.
type Options struct {
	Clients   int           // concurrent link workers
	Services  int           // services in the spread phase
	Duration  time.Duration // per phase
	Referrals int           // people ready to connect (each connects once per service)
}

// DefaultOptions are the figures docs/PERFORMANCE.md reports.
var DefaultOptions = Options{Clients: 8, Services: 100, Duration: 10 * time.Second, Referrals: 4000}

// phaseResult is one measured phase.
type phaseResult struct {
	name      string
	ok, full  int64
	other     int64
	took      time.Duration
	latencies []time.Duration
	oversold  int
}

// Run builds a fresh bench dataset in db (which must be a migrated, empty
// database) and measures both phases.
func Run(ctx context.Context, db *postgres.DB, opts Options, out io.Writer) error {
	f, err := setUp(ctx, db, opts)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "kith bench referrals: %d clients, %d s per phase, %d referrals, %d services\n\n",
		opts.Clients, int(opts.Duration.Seconds()), len(f.referrals), len(f.services))
	nS, nR := len(f.services), len(f.referrals)
	// Consecutive requests go to different people and different services,
	// and no (person, service) pair repeats within nR×nS requests.
	spread, err := f.phase(ctx, "spread over services", opts, nR*nS, func(i int) (string, string) {
		return f.referrals[i%nR], f.services[(i+i/nR)%nS]
	})
	if err != nil {
		return err
	}
	f.next.Store(0)
	contended, err := f.phase(ctx, "one service", opts, nR, func(i int) (string, string) {
		return f.referrals[i], f.hot
	})
	if err != nil {
		return err
	}
	report(out, []phaseResult{spread, contended})
	return nil
}

// fixture is the data a run connects: referrals (accepted, consented) and
// services of a referral-ready organisation.
type fixture struct {
	db        *postgres.DB
	dir       *directory.Store
	ref       *referral.Store
	admin     context.Context
	referrals []string
	services  []string
	hot       string
	next      atomic.Int64
}

// phase runs the clients for opts.Duration or until n requests; pick names
// the i-th request's referral and service (0 ≤ i < n).
func (f *fixture) phase(ctx context.Context, name string, opts Options, n int, pick func(int) (string, string)) (phaseResult, error) {
	res := phaseResult{name: name}
	var mu sync.Mutex
	deadline := time.Now().Add(opts.Duration)
	start := time.Now()
	var wg sync.WaitGroup
	for range opts.Clients {
		wg.Go(func() {
			var mine []time.Duration
			for time.Now().Before(deadline) {
				i := int(f.next.Add(1)) - 1
				if i >= n {
					break
				}
				t0 := time.Now()
				outcome := f.connect(pick(i))
				mine = append(mine, time.Since(t0))
				switch outcome {
				case "ok":
					atomic.AddInt64(&res.ok, 1)
				case directory.ReasonFull:
					atomic.AddInt64(&res.full, 1)
				default:
					atomic.AddInt64(&res.other, 1)
				}
			}
			mu.Lock()
			res.latencies = append(res.latencies, mine...)
			mu.Unlock()
		})
	}
	wg.Wait()
	res.took = time.Since(start)
	oversold, err := f.oversold(ctx)
	res.oversold = oversold
	return res, err
}

// connect asks for a place for a person at a service; the picks never repeat
// a pair within a phase, so a refusal is about capacity, never duplicates.
func (f *fixture) connect(ref, service string) string {
	in := referral.ConnectionInput{ServiceID: service, Reason: "Would like company and a reason to get out"}
	_, _, err := f.ref.Connect(f.admin, ref, in, "")
	if err == nil {
		return "ok"
	}
	if r, ok := err.(*directory.Refusal); ok {
		return r.Code
	}
	return err.Error()
}

// oversold counts services whose held places differ from their live
// connections or exceed their maximum.
func (f *fixture) oversold(ctx context.Context) (int, error) {
	const q = `
SELECT count(*) FROM service_capacity c
WHERE c.held > c.maximum OR c.held <> (SELECT count(*) FROM connections x
    WHERE x.service_id = c.service_id AND x.status IN ('requested', 'accepted', 'in_progress'))`
	var n int
	err := f.db.GetContext(ctx, &n, q)
	return n, err
}

func report(out io.Writer, phases []phaseResult) {
	fmt.Fprintf(out, "%-22s %10s %8s %8s %8s %9s %9s %10s\n", "phase", "requests/s", "placed", "full", "other", "p50", "p99", "oversold")
	for _, p := range phases {
		sort.Slice(p.latencies, func(i, j int) bool { return p.latencies[i] < p.latencies[j] })
		total := p.ok + p.full + p.other
		fmt.Fprintf(out, "%-22s %10.0f %8d %8d %8d %9s %9s %10d\n", p.name, float64(total)/p.took.Seconds(),
			p.ok, p.full, p.other, quantile(p.latencies, 0.50), quantile(p.latencies, 0.99), p.oversold)
	}
}

func quantile(d []time.Duration, q float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	return d[int(q*float64(len(d)-1))].Round(10 * time.Microsecond)
}
