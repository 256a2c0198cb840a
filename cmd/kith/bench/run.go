// Package bench is `kith bench search`: it generates a reproducible
// national directory, loads it into Kith's PostgreSQL tables, indexes it
// with the real search engine, and answers a fixed query mix three ways:
// Kith's engine, a brute-force scan (the floor, and the oracle for every
// non-text filter) and a PostgreSQL-only baseline. It then drives
// /api/search through the real handler, measures how quickly a write
// becomes searchable, and reports the lot against the targets.
package bench

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"time"

	"kith/cmd/kith/benchkit"
	"kith/directory"
	"kith/geo"
	"kith/postgres"
	"kith/search"
)

// Env is the database the bench may fill: empty and migrated, with its
// connection string for LISTEN.
type Env struct {
	DB     *postgres.DB
	DSN    string
	Logger *slog.Logger
	// LoadClient is the command that runs ServeLoad on the job file at
	// its path, in a process of its own (see loadclient.go).
	LoadClient func(ctx context.Context, jobPath string) *exec.Cmd
}

// Engines, in the order the report lists them.
const (
	kithIdx = iota
	floorIdx
	pgIdx
	numEngines
)

var engineNames = [numEngines]string{"kith", "floor", "postgres"}

// runner carries one run's state from phase to phase.
type runner struct {
	ctx     context.Context
	env     Env
	opt     Options
	out     io.Writer
	began   time.Time
	rep     *Report
	store   *directory.Store
	ds      *dataset
	oracle  *oracle
	pg      *pgBaseline
	queries []benchQuery
	engine  *search.Engine
	stop    []func()
	fresh   []string           // listings the freshness probe renames
	cpu     benchkit.CPUSample // at the last step
}

// Run runs the whole benchmark and writes its report to out.
func Run(ctx context.Context, env Env, opt Options, out io.Writer) (*Report, error) {
	r := &runner{ctx: ctx, env: env, opt: opt, out: out, began: time.Now(),
		rep: &Report{Options: opt}, store: directory.NewStore(env.DB), cpu: benchkit.SampleCPU()}
	dir, err := os.MkdirTemp("", "kith-bench-index-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	defer r.close() // before the index directory goes, or the engine sees it vanish
	phases := []func() error{r.prepare, func() error { return r.index(dir) }, r.measure, r.serve, r.finish}
	for _, phase := range phases {
		if err := phase(); err != nil {
			return r.rep, err
		}
	}
	r.rep.Write(out)
	return r.rep, nil
}

func (r *runner) close() {
	for i := len(r.stop) - 1; i >= 0; i-- {
		r.stop[i]()
	}
}

// step says what the bench is doing, for runs that take minutes, and how
// many cores the machine and the bench process kept busy since the last
// step: the difference is PostgreSQL, or other work that skews the timings.
func (r *runner) step(format string, args ...any) {
	now := benchkit.SampleCPU()
	machine, self := now.Since(r.cpu)
	r.cpu = now
	fmt.Fprintf(r.out, "[%6.1fs | cores busy since last line: machine %.1f, bench %.1f] %s\n",
		time.Since(r.began).Seconds(), machine, self, fmt.Sprintf(format, args...))
}

// timed runs fn and returns how long it took.
func timed(fn func() error) (time.Duration, error) {
	start := time.Now()
	err := fn()
	return time.Since(start), err
}

// prepare generates the dataset and loads it into Kith's tables and the
// baseline's.
func (r *runner) prepare() error {
	db := r.env.DB
	if err := checkEmpty(r.ctx, db); err != nil {
		return err
	}
	tax, err := loadTaxonomy(r.ctx, db)
	if err != nil {
		return err
	}
	r.rep.Machine, r.rep.PostgreSQL = benchkit.Machine(), pgVersion(r.ctx, db)
	r.step("generating %d services (seed %d)", r.opt.Services, r.opt.Seed)
	r.rep.Phases.Generate, _ = timed(func() error { r.ds = generate(r.opt.Seed, r.opt.Services, tax); return nil })
	r.rep.Dataset = statsOf(r.ds)
	r.step("loading Kith's tables with COPY")
	if r.rep.Phases.Load, err = timed(func() error { return load(r.ctx, db, r.ds) }); err != nil {
		return fmt.Errorf("load: %w", err)
	}
	r.step("building the PostgreSQL baseline (tsvector + GIN, earthdistance + GiST)")
	if r.rep.Phases.Baseline, err = timed(func() error { return buildBaseline(r.ctx, db, r.ds) }); err != nil {
		return fmt.Errorf("baseline: %w", err)
	}
	r.step("VACUUM ANALYZE and CHECKPOINT")
	note, err := settle(r.ctx, db)
	if note != "" {
		r.step("%s", note)
	}
	if err != nil {
		return err
	}
	r.pg, err = newBaseline(r.ctx, db, r.ds)
	return err
}

// index builds Kith's index and starts its follower, as `kith serve` runs.
func (r *runner) index(dir string) error {
	r.step("building Kith's index: cold, open, rebuild")
	err := benchkit.Profiled(r.opt.ProfileDir, "index-build", func() (err error) {
		r.engine, r.rep.Build, err = buildIndex(r.ctx, dir, r.store, r.env.Logger)
		return err
	})
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	r.stop = append(r.stop, func() { r.engine.Close() })
	stop, err := benchkit.Follow(r.ctx, r.engine, r.env.DSN, r.env.Logger)
	if err != nil {
		return err
	}
	r.stop = append(r.stop, stop)
	return nil
}

// measure answers the mix with every engine, checks the answers and
// measures throughput.
func (r *runner) measure() error {
	if err := geo.Warm(); err != nil {
		return err
	}
	r.oracle = newOracle(r.ds)
	r.rep.Dataset.CorpusWords = len(r.oracle.vocab)
	r.queries = generateQueries(r.opt.Seed, r.opt.Queries, r.ds)
	engines := [numEngines]engine{kithEngine{r.engine}, r.oracle, r.pg}
	var passes [numEngines]pass
	for i, e := range engines {
		r.step("answering %d queries: %s", len(r.queries), engineNames[i])
		before := benchkit.SampleCPU()
		err := benchkit.Profiled(r.opt.ProfileDir, engineNames[i]+"-queries", func() (err error) {
			passes[i], err = runPass(r.ctx, e, r.queries)
			return err
		})
		if err != nil {
			return fmt.Errorf("%s: %w", engineNames[i], err)
		}
		if i != pgIdx { // PostgreSQL is idle then, so anything else busy is not the bench
			machine, self := benchkit.SampleCPU().Since(before)
			r.rep.OtherCores = max(r.rep.OtherCores, machine-self)
		}
		r.rep.Latency[i] = byClass(classesOf(r.queries), passes[i].took)
	}
	var err error
	if r.rep.Agreement, err = agree(r.oracle, r.queries, passes[floorIdx], passes[kithIdx], passes[pgIdx]); err != nil {
		return err
	}
	return r.measureThroughput(engines)
}

func (r *runner) measureThroughput(engines [numEngines]engine) error {
	for i, e := range engines {
		r.step("throughput, %d workers: %s", throughputWorkers(), engineNames[i])
		err := benchkit.Profiled(r.opt.ProfileDir, engineNames[i]+"-throughput", func() (err error) {
			r.rep.Throughput[i], err = throughput(r.ctx, e, r.queries)
			return err
		})
		if err != nil {
			return fmt.Errorf("%s: %w", engineNames[i], err)
		}
	}
	return nil
}

// serve drops everything a Kith server would not hold (the dataset, the
// oracle), then loads /api/search through the real handler and measures
// freshness, so the memory read afterwards is the server's.
func (r *runner) serve() error {
	urls := make([]string, len(r.queries))
	for i := range r.queries {
		urls[i] = "/api/search?" + r.queries[i].values().Encode()
	}
	classes := classesOf(r.queries)
	r.fresh = freshTargets(r.ds)
	r.ds, r.oracle, r.queries, r.pg = nil, nil, nil, nil
	runtime.GC()
	debug.FreeOSMemory()
	base, stop, err := serveHTTP(r.store, r.engine, r.env.Logger)
	if err != nil {
		return err
	}
	r.stop = append(r.stop, stop)
	probe := min(stallProbe, r.opt.httpDuration()/4)
	r.step("machine: sleeping 1 ms at a time for %s, nothing else running here", probe)
	r.rep.Stalls = benchkit.ProbeStalls(probe)
	r.step("HTTP: %d requests/s offered for %gs, after %s untimed from the same client process", httpRate, r.opt.HTTPSeconds, httpWarmUp)
	serving := benchkit.SampleMemory(memoryEvery)
	err = benchkit.Profiled(r.opt.ProfileDir, "http", func() (err error) {
		job := loadJob{Base: base, URLs: urls, Classes: classes, Rate: httpRate, For: r.opt.httpDuration(), WarmUp: httpWarmUp}
		r.rep.HTTPRate, err = r.load(job)
		return err
	})
	r.rep.Serving = serving()
	if err != nil {
		return err
	}
	r.step("HTTP: %d clients as fast as they can", httpClients)
	r.rep.HTTPMax, err = r.load(loadJob{Base: base, URLs: urls, Clients: httpClients, For: r.opt.httpDuration() / 2})
	if err != nil {
		return err
	}
	r.step("freshness: %d listing changes", len(r.fresh))
	r.rep.Fresh, err = measureFreshness(r.ctx, r.store, r.engine, r.fresh, r.opt.Seed)
	return err
}

// The HTTP load the issue sets.
const (
	httpRate    = 200
	httpClients = 8
	// httpWarmUp fills the connection pools, client's and server's, and
	// the caches a fresh server would have filled in its first seconds, as
	// the engines' passes start after 200 untimed queries; it sends the
	// second half of the mix, so the timed run's first requests are not
	// repeats.
	httpWarmUp = 2 * time.Second
	// stallProbe measures the machine's own stalls before the HTTP run
	// (for at most a quarter of its length), to read its p99 against.
	stallProbe = 5 * time.Second
	// memoryEvery is how often the server's memory is read while it
	// serves the constant rate: its steady state.
	memoryEvery = 250 * time.Millisecond
)

// finish reads memory and judges the targets.
func (r *runner) finish() error {
	m, err := benchkit.ReadMemory(0)
	if err != nil {
		return err
	}
	r.rep.Memory = m
	r.rep.Targets = judge(r.rep)
	if err := benchkit.WriteHeapProfile(r.opt.ProfileDir); err != nil {
		return err
	}
	r.step("done")
	return nil
}
