package benchload

import (
	"context"
	"time"

	"kith/cmd/kith/benchkit"
	"kith/postgres"
)

// Target is the server the bench drives.
type Target struct {
	URL       string
	InProcess bool         // the server runs in this process: its memory is this process's
	PID       int          // otherwise, the server's process, if known
	DB        *postgres.DB // the server's database, when the bench can see it
	About     string       // a line on what the server is, for the report
}

// sample is the server's state at one moment of the run.
type sample struct {
	at      time.Duration // since the clock started
	done    int64         // requests answered by then
	mem     benchkit.Memory
	memOK   bool
	pgConns int // backends connected to the server's database; -1 unknown
	pool    int // connections the server's pool holds open; -1 unknown
	waits   int64
}

// samplePeriod is how often the sampler looks.
const samplePeriod = time.Second

// sampler records the server's memory and database connections every
// samplePeriod, and once more when ctx ends.
func (t Target) sampler(ctx context.Context, began time.Time, done func() int64) <-chan []sample {
	out := make(chan []sample, 1)
	go func() {
		var got []sample
		tick := time.NewTicker(samplePeriod)
		defer tick.Stop()
		for {
			got = append(got, t.sample(ctx, time.Since(began), done()))
			select {
			case <-ctx.Done():
				out <- append(got, t.sample(ctx, time.Since(began), done()))
				return
			case <-tick.C:
			}
		}
	}()
	return out
}

func (t Target) sample(ctx context.Context, at time.Duration, done int64) sample {
	s := sample{at: at, done: done, pgConns: -1, pool: -1}
	switch {
	case t.InProcess:
		s.mem, _ = benchkit.ReadMemory(0)
		s.memOK = true
	case t.PID != 0:
		var err error
		s.mem, err = benchkit.ReadMemory(t.PID)
		s.memOK = err == nil
	}
	if t.DB == nil {
		return s
	}
	const q = `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()`
	if t.DB.GetContext(context.WithoutCancel(ctx), &s.pgConns, q) != nil {
		s.pgConns = -1
	}
	st := t.DB.Stats()
	s.pool, s.waits = st.OpenConnections, st.WaitCount
	return s
}
