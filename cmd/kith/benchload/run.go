package benchload

import (
	"context"
	"fmt"
	"io"
	"time"

	"kith/cmd/kith/benchkit"
)

// Report is what one run measured.
type Report struct {
	Options  Options
	Target   Target
	World    struct{ Services, Answered, Elsewhere int }
	Tally    *tally
	Elapsed  time.Duration
	Samples  []sample
	CPU      cpuUse
	Targets  []Result
	Made     struct{ Referrals, Connections int } // still in the bench's pools at the end
	Postgres string
}

// Run drives the mix against the target for opt.Duration after a warm-up
// and writes the report to out.
func Run(ctx context.Context, t Target, opt Options, out io.Writer) (*Report, error) {
	c := newClient(t.URL, opt.Clients+4)
	if err := waitReady(ctx, c); err != nil {
		return nil, err
	}
	w, err := discover(ctx, c)
	if err != nil {
		return nil, err
	}
	d := &driver{w: w, opt: opt}
	if err := d.warmUp(ctx); err != nil {
		return nil, err
	}
	rep := &Report{Options: opt, Target: t}
	rep.World.Services, rep.World.Answered, rep.World.Elsewhere = len(w.services), len(w.answered), len(w.elsewhere)
	err = benchkit.Profiled(opt.Profile, "load", func() error { rep.drive(ctx, d); return nil })
	if err == nil {
		err = benchkit.WriteHeapProfile(opt.Profile)
	}
	if err != nil {
		return nil, err
	}
	rep.Made.Referrals, rep.Made.Connections = w.referrals.len(), w.connections.len()
	rep.Postgres = t.postgresVersion(ctx)
	rep.Targets = judge(rep)
	rep.Write(out)
	return rep, nil
}

// drive runs the clients with the sampler alongside.
func (rep *Report) drive(ctx context.Context, d *driver) {
	sampling, stop := context.WithCancel(ctx)
	meter := rep.Target.newCPUMeter(ctx)
	cpu, began := meter.read(), time.Now()
	samples := rep.Target.sampler(sampling, began, d.done.Load)
	if d.opt.Rate > 0 {
		rep.Tally = d.openLoop(ctx)
	} else {
		rep.Tally = d.closedLoop(ctx)
	}
	rep.Elapsed = time.Since(began)
	rep.CPU = meter.read().use(cpu, rep.Elapsed)
	stop()
	rep.Samples = <-samples
}

// waitReady waits for the server's /readyz, as a load balancer would
// before sending it traffic.
func waitReady(ctx context.Context, c *client) error {
	deadline := time.Now().Add(2 * time.Minute)
	for {
		resp := c.do(ctx, request{method: "GET", path: "/readyz"})
		if resp.err == nil && resp.status == 200 {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s/readyz never answered ready: %d %v %s", c.base, resp.status, resp.err, snippet(resp.body))
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

func (t Target) postgresVersion(ctx context.Context) string {
	var v string
	if t.DB == nil || t.DB.GetContext(ctx, &v, `SHOW server_version`) != nil {
		return ""
	}
	return v
}
