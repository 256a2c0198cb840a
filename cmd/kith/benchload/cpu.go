package benchload

import (
	"context"
	"time"

	"kith/cmd/kith/benchkit"
)

// cpuUse is where the machine's cores went over the run, as far as the
// bench can tell them apart; a part it cannot see is -1.
type cpuUse struct {
	Machine, Self, Server, Postgres float64
}

// Other is the work on the machine that is neither Kith, its PostgreSQL
// nor the bench: other people's builds and tests, which the figures of a
// shared machine must be read against.
func (u cpuUse) Other() float64 {
	if u.Postgres < 0 {
		return -1
	}
	return u.Machine - u.Self - max(u.Server, 0) - u.Postgres
}

// cpuMeter takes the readings cpuUse is worked out from.
type cpuMeter struct {
	t          Target
	postmaster int // 0: PostgreSQL's processes are not visible from here
}

// newCPUMeter finds the PostgreSQL server's processes when they run on
// this machine: a backend's parent is the postmaster, and the postmaster's
// children are every backend.
func (t Target) newCPUMeter(ctx context.Context) cpuMeter {
	m := cpuMeter{t: t}
	var backend int
	if t.DB == nil || t.DB.GetContext(ctx, &backend, `SELECT pg_backend_pid()`) != nil {
		return m
	}
	if pm, err := benchkit.ParentPID(backend); err == nil {
		m.postmaster = pm
	}
	return m
}

type cpuReading struct {
	all              benchkit.CPUSample
	server, postgres time.Duration
	serverOK, pgOK   bool
}

func (m cpuMeter) read() cpuReading {
	r := cpuReading{all: benchkit.SampleCPU()}
	if m.t.PID != 0 && !m.t.InProcess {
		d, err := benchkit.ProcessCPU(m.t.PID, false)
		r.server, r.serverOK = d, err == nil
	}
	if m.postmaster != 0 {
		d, err := benchkit.ProcessCPU(m.postmaster, true)
		r.postgres, r.pgOK = d, err == nil
	}
	return r
}

// use is the cores each part kept busy between two readings.
func (r cpuReading) use(prev cpuReading, wall time.Duration) cpuUse {
	u := cpuUse{Server: -1, Postgres: -1}
	u.Machine, u.Self = r.all.Since(prev.all)
	if r.serverOK && prev.serverOK {
		u.Server = (r.server - prev.server).Seconds() / wall.Seconds()
	}
	if r.pgOK && prev.pgOK {
		u.Postgres = (r.postgres - prev.postgres).Seconds() / wall.Seconds()
	}
	return u
}
