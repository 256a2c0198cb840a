package benchload

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"text/tabwriter"

	"kith/cmd/kith/benchkit"
)

// Write prints the report as aligned tables.
func (rep *Report) Write(w io.Writer) {
	for _, section := range []func(io.Writer){rep.writeHeader, rep.writeRoutes, rep.writeTimeline, rep.writeBusiness,
		rep.writeErrors, rep.writeServer, rep.writeTargets} {
		fmt.Fprintln(w)
		section(w)
	}
}

func table(w io.Writer) *tabwriter.Writer { return tabwriter.NewWriter(w, 0, 0, 2, ' ', 0) }

func (rep *Report) writeHeader(w io.Writer) {
	o := rep.Options
	loop := fmt.Sprintf("closed loop, %d clients", o.Clients)
	if o.Rate > 0 {
		loop = fmt.Sprintf("open loop, %.0f requests/s offered by %d senders", o.Rate, o.Clients)
	}
	fmt.Fprintf(w, "Kith load benchmark: %s, %s, seed %d\n", loop, o.Duration, o.Seed)
	fmt.Fprintf(w, "server: %s\n", rep.Target.About)
	pg := ""
	if rep.Postgres != "" {
		pg = "; PostgreSQL " + rep.Postgres
	}
	fmt.Fprintf(w, "machine: %s%s\n", benchkit.Machine(), pg)
	fmt.Fprintf(w, "demo region seen through the API: %d listings; %d services of the demo VCSEs answer connections, %d others receive them\n",
		rep.World.Services, rep.World.Answered, rep.World.Elsewhere)
	fmt.Fprintf(w, "cores busy over the run: %s\n", rep.CPU)
	if rep.Target.InProcess {
		fmt.Fprintln(w, "(the bench process is the server and the load clients together)")
	}
}

// String says where the cores went, as far as the bench could see.
func (u cpuUse) String() string {
	s := fmt.Sprintf("machine %.2f = bench process %.2f", u.Machine, u.Self)
	if u.Server >= 0 {
		s += fmt.Sprintf(" + server %.2f", u.Server)
	}
	if u.Postgres < 0 {
		return s + " + PostgreSQL and other work (not told apart)"
	}
	return s + fmt.Sprintf(" + PostgreSQL %.2f + other work %.2f", u.Postgres, u.Other())
}

func (rep *Report) writeRoutes(w io.Writer) {
	t := table(w)
	n := len(rep.Tally.all())
	fmt.Fprintf(w, "Requests: %d in %.1f s = %.1f/s (latency in ms", n, rep.Elapsed.Seconds(), rep.perSecond())
	if rep.Options.Rate > 0 {
		fmt.Fprint(w, ", from when each request was due")
	}
	fmt.Fprintln(w, ")")
	fmt.Fprintln(t, "  route\tweight\trequests\tshare\tp50\tp99\tmax\tbusiness\terrors")
	for r := range numRoutes {
		rt := rep.Tally.routes[r]
		l := summarise(rt.took)
		fmt.Fprintf(t, "  %s\t%.1f%%\t%d\t%.1f%%\t%s\t%s\t%s\t%d\t%d\n", r, float64(weights[r])/10, l.n, 100*float64(l.n)/float64(max(n, 1)),
			ms(l.p50), ms(l.p99), ms(l.max), rt.business, rt.errors)
	}
	l := summarise(rep.Tally.all())
	fmt.Fprintf(t, "  all\t100%%\t%d\t100%%\t%s\t%s\t%s\t%d\t%d\n", l.n, ms(l.p50), ms(l.p99), ms(l.max),
		sumBusiness(rep.Tally), rep.Tally.errors())
	t.Flush()
}

// writeTimeline shows each window's p99, so that a stall or a slow drift
// (a query slowing as the run's own data grows) stands out.
func (rep *Report) writeTimeline(w io.Writer) {
	fmt.Fprintf(w, "p99 in ms by %s of the run (requests by when they began):\n ", window)
	for _, k := range slices.Sorted(maps.Keys(rep.Tally.windows)) {
		fmt.Fprintf(w, " %.0f", float64(summarise(rep.Tally.windows[k]).p99.Microseconds())/1000)
	}
	fmt.Fprintln(w)
}

func sumBusiness(t *tally) int {
	n := 0
	for _, v := range t.business {
		n += v
	}
	return n
}

func (rep *Report) writeBusiness(w io.Writer) {
	fmt.Fprintln(w, "Business answers, counted apart from errors: connection requests refused with 409 because")
	fmt.Fprintln(w, "the service had no room (full) or had taken its weekly number (weekly_cap), as Kith must answer")
	if len(rep.Tally.business) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for _, k := range slices.Sorted(maps.Keys(rep.Tally.business)) {
		fmt.Fprintf(w, "  %s: %d\n", k, rep.Tally.business[k])
	}
	fmt.Fprintf(w, "At the end the bench held %d open referrals and %d unanswered or unfinished VCSE connections of its own\n",
		rep.Made.Referrals, rep.Made.Connections)
}

func (rep *Report) writeErrors(w io.Writer) {
	fmt.Fprintln(w, "Errors (any 5xx, unexpected 4xx or failed request), the first of each route")
	if rep.Tally.errors() == 0 {
		fmt.Fprintln(w, "  none")
	}
	for r := range numRoutes {
		for _, e := range rep.Tally.routes[r].examples {
			fmt.Fprintf(w, "  %s: %s\n", route(r), e)
		}
	}
}

func (rep *Report) writeServer(w io.Writer) {
	fmt.Fprintln(w, "Server over the run (RSS: the server process's resident memory; anon: the part that is its own, without the")
	fmt.Fprintln(w, "search index's mapped files; in process, both include the load clients)")
	t := table(w)
	fmt.Fprintln(t, "  when\tat\trequests\tRSS\tanon\tGo heap\tPostgreSQL backends\tpool open\tpool waits")
	s := rep.Samples
	if len(s) == 0 {
		return
	}
	for _, p := range []struct {
		name string
		s    sample
	}{{"start", s[0]}, {"half way", s[len(s)/2]}, {"end", s[len(s)-1]}} {
		fmt.Fprintf(t, "  %s\t%.0f s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", p.name, p.s.at.Seconds(), p.s.done, memOr(p.s, p.s.mem.RSS),
			memOr(p.s, p.s.mem.Anon), memOr(p.s, p.s.mem.Heap), known(p.s.pgConns), known(p.s.pool), known64(p.s.waits, p.s.pool))
	}
	t.Flush()
	if peak := slices.MaxFunc(s, func(a, b sample) int { return int(int64(a.mem.RSS) - int64(b.mem.RSS)) }); peak.memOK {
		fmt.Fprintf(w, "  highest RSS sampled: %s at %.0f s (sampled every %s)\n", mb(peak.mem.RSS), peak.at.Seconds(), samplePeriod)
	}
}

func memOr(s sample, b uint64) string {
	if !s.memOK || b == 0 {
		return "-"
	}
	return mb(b)
}

func known(n int) string {
	if n < 0 {
		return "-"
	}
	return fmt.Sprint(n)
}

func known64(n int64, pool int) string {
	if pool < 0 {
		return "-"
	}
	return fmt.Sprint(n)
}

func (rep *Report) writeTargets(w io.Writer) {
	t := table(w)
	fmt.Fprintln(w, "Targets")
	for _, r := range rep.Targets {
		verdict := "FAIL"
		switch {
		case !r.Known:
			verdict = "----"
		case r.Pass:
			verdict = "pass"
		}
		fmt.Fprintf(t, "  %s\t%s\t%s\n", verdict, r.Name, r.Got)
	}
	t.Flush()
}
