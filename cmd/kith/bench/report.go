package bench

import (
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"kith/cmd/kith/benchkit"
)

// Report is everything one run measured.
type Report struct {
	Options    Options
	Machine    string
	PostgreSQL string
	OtherCores float64 // busy outside the bench while Kith and the floor answered
	Dataset    datasetStats
	Phases     struct{ Generate, Load, Baseline time.Duration }
	Build      buildTimes
	Latency    [numEngines][numClasses + 1]latency // the last class is the whole mix
	Throughput [numEngines]float64                 // queries per second
	Agreement  [numClasses]agreement
	HTTPRate   httpRun // constant rate
	HTTPMax    httpRun // closed loop
	Stalls     benchkit.Stalls
	Fresh      freshness
	Memory     benchkit.Memory      // at the end, after the clients as fast as they can
	Serving    benchkit.MemoryRange // while serving the constant rate
	Targets    []Target
}

// Target is one of the targets and how the run did.
type Target struct {
	Name, Got string
	Pass      bool
}

// Write prints the report as aligned tables.
func (r *Report) Write(w io.Writer) {
	for _, section := range []func(io.Writer){r.writeHeader, r.writeDataset, r.writeBuild, r.writeLatency,
		r.writeThroughput, r.writeAgreement, r.writeHTTP, r.writeFreshness, r.writeMemory, r.writeTargets} {
		fmt.Fprintln(w)
		section(w)
	}
}

func ms(d time.Duration) string   { return fmt.Sprintf("%.2f", float64(d.Microseconds())/1000) }
func secs(d time.Duration) string { return fmt.Sprintf("%.1f s", d.Seconds()) }
func mb(b uint64) string          { return fmt.Sprintf("%.0f MB", float64(b)/(1<<20)) }

func ratio(a, b float64) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f×", a/b)
}

func table(w io.Writer) *tabwriter.Writer { return tabwriter.NewWriter(w, 0, 0, 2, ' ', 0) }

func (r *Report) writeHeader(w io.Writer) {
	o := r.Options
	fmt.Fprintf(w, "Kith search benchmark: %d services, %d queries, seed %d\n", o.Services, o.Queries, o.Seed)
	fmt.Fprintf(w, "machine: %s; PostgreSQL %s\n", r.Machine, r.PostgreSQL)
	accepting := "off in every engine (applyAccepting)"
	if applyAccepting {
		accepting = "on in every engine"
	}
	fmt.Fprintf(w, "accepting filter on text + radius: %s\n", accepting)
	fmt.Fprintf(w, "other work on the machine while Kith and the floor answered: %.2f cores (a clean run shows about 0)\n", r.OtherCores)
}

func (r *Report) writeDataset(w io.Writer) {
	d, t := r.Dataset, table(w)
	fmt.Fprintln(w, "Dataset")
	fmt.Fprintf(t, "  services\t%d generated, %d findable: %d at several sites, %d remote only, %.1f%% full\n",
		d.Services, d.Findable, d.MultiSite, d.Remote, 100*d.FullShare)
	fmt.Fprintf(t, "  organisations, venues\t%d, %d around %d towns, with a %.0f%% rural background\n",
		d.Organisations, d.Venues, d.Towns, 100*ruralShare)
	fmt.Fprintf(t, "  vocabulary\t%d words in the generator's lists; %d distinct words in findable listings\n",
		d.Vocabulary, d.CorpusWords)
	fmt.Fprintf(t, "  generate / COPY into Kith's tables / PG baseline\t%s / %s / %s\n",
		secs(r.Phases.Generate), secs(r.Phases.Load), secs(r.Phases.Baseline))
	t.Flush()
}

func (r *Report) writeBuild(w io.Writer) {
	t := table(w)
	fmt.Fprintln(w, "Kith index build")
	fmt.Fprintf(t, "  cold: search.Reindex into a fresh directory\t%s\n", secs(r.Build.Cold))
	fmt.Fprintf(t, "  open: search.Open, facts table from PostgreSQL\t%s\n", secs(r.Build.Open))
	fmt.Fprintf(t, "  rebuild from PostgreSQL: Engine.Rebuild\t%s\n", secs(r.Build.Rebuild))
	t.Flush()
}

func (r *Report) writeLatency(w io.Writer) {
	t := table(w)
	fmt.Fprintln(w, "Latency per query class, one query at a time (ms)")
	fmt.Fprintln(t, "  class\tn\tkith p50\tkith p99\tfloor p50\tfloor p99\tpg p50\tpg p99\tkith/pg p99\tkith/floor p50")
	for c := range numClasses + 1 {
		name := "all"
		if c < numClasses {
			name = c.String()
		}
		k, f, p := r.Latency[kithIdx][c], r.Latency[floorIdx][c], r.Latency[pgIdx][c]
		fmt.Fprintf(t, "  %s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", name, k.N, ms(k.P50), ms(k.P99),
			ms(f.P50), ms(f.P99), ms(p.P50), ms(p.P99),
			ratio(float64(k.P99), float64(p.P99)), ratio(float64(k.P50), float64(f.P50)))
	}
	t.Flush()
}

func (r *Report) writeThroughput(w io.Writer) {
	t := table(w)
	fmt.Fprintf(w, "Throughput: the whole mix with %d concurrent workers (queries/s)\n", throughputWorkers())
	for i, name := range engineNames {
		fmt.Fprintf(t, "  %s\t%.0f\t%s of postgres\n", name, r.Throughput[i], ratio(r.Throughput[i], r.Throughput[pgIdx]))
	}
	t.Flush()
}

func (r *Report) writeAgreement(w io.Writer) {
	t := table(w)
	fmt.Fprintln(w, "Agreement with the oracle (no text: same ids, order, distances and total; text: every hit passes the oracle's filters and radius)")
	fmt.Fprintln(t, "  class\tqueries\tkith\tpostgres\ttop results shared by kith and postgres")
	var examples []string
	for _, a := range r.Agreement {
		shared := "-"
		if a.Class.hasText() {
			shared = fmt.Sprintf("%.0f%%", 100*a.Overlap)
		}
		fmt.Fprintf(t, "  %s\t%d\t%s\t%s\t%s\n", a.Class, a.Queries, percent(a.Kith, a.Queries), percent(a.PG, a.Queries), shared)
		examples = append(examples, a.Examples...)
	}
	t.Flush()
	for _, e := range examples {
		fmt.Fprintf(w, "  disagreement: %s\n", e)
	}
}

func percent(n, of int) string {
	if of == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%% (%d)", 100*float64(n)/float64(of), n)
}

func (r *Report) writeHTTP(w io.Writer) {
	t := table(w)
	fmt.Fprintln(w, "HTTP /api/search through the real Fiber app and handler, on loopback, load from its own process (ms)")
	fmt.Fprintln(t, "  load\trequests\tper second\tp50\tp99\tmax\terrors")
	a, b := r.HTTPRate, r.HTTPMax
	fmt.Fprintf(t, "  %.0f/s offered, open loop\t%d\t%.0f\t%s\t%s\t%s\t%d\n", a.Offered, a.Requests, a.PerSec, ms(a.P50), ms(a.P99), ms(a.Max), a.Errors)
	fmt.Fprintf(t, "  %d clients, closed loop\t%d\t%.0f\t%s\t%s\t%s\t%d\n", b.Clients, b.Requests, b.PerSec, ms(b.P50), ms(b.P99), ms(b.Max), b.Errors)
	t.Flush()
	fmt.Fprintf(w, "  open loop by query class (p50 / p99):")
	for c := range numClasses {
		fmt.Fprintf(w, " %s %s / %s;", class(c), ms(a.ByClass[c].P50), ms(a.ByClass[c].P99))
	}
	fmt.Fprintf(w, "\n  open loop p99 by %s of the run:", window)
	for _, p := range a.Windows {
		fmt.Fprintf(w, " %s", ms(p))
	}
	late := fmt.Sprintf("%d ms", benchkit.StallLate.Milliseconds())
	fmt.Fprintf(w, "\n  open loop: the client sent requests late by p50 %s, p99 %s, max %s; %d more than %s late (all counted in the latencies above)",
		ms(a.Lag.P50), ms(a.Lag.P99), ms(a.LagMax), a.SentLate, late)
	s := r.Stalls
	fmt.Fprintf(w, "\n  the machine before the run, idle: %d sleeps of 1 ms woke late by p99 %s, max %s; %d more than %s late\n",
		s.Sleeps, ms(s.P99), ms(s.Max), s.Over5ms, late)
}

func (r *Report) writeFreshness(w io.Writer) {
	f := r.Fresh
	fmt.Fprintln(w, "Freshness: a listing renamed through directory.Store until Engine.Search finds it (follower woken by NOTIFY)")
	fmt.Fprintf(w, "  %d writes: p50 %s ms, max %s ms, %d within 1 s\n", f.Writes, ms(f.P50), ms(f.Max), f.Within1s)
}

func (r *Report) writeMemory(w io.Writer) {
	m, s := r.Memory, r.Serving
	fmt.Fprintln(w, "Memory of this process (PostgreSQL's own processes not included; the dataset and oracle released before serving)")
	fmt.Fprintf(w, "  steady: %s resident at most, %s on average (Go heap at most %s), %d readings while serving %d requests/s\n",
		mb(s.MaxRSS), mb(s.MeanRSS), mb(s.MaxHeap), s.Samples, httpRate)
	fmt.Fprintf(w, "  after %d clients as fast as they can: %s resident (Go heap %s)\n", httpClients, mb(m.RSS), mb(m.Heap))
	fmt.Fprintf(w, "  peak:   %s resident over the whole run, dataset and oracle included\n", mb(m.Peak))
}

func (r *Report) writeTargets(w io.Writer) {
	t := table(w)
	fmt.Fprintln(w, "Targets")
	for _, tg := range r.Targets {
		verdict := "FAIL"
		if tg.Pass {
			verdict = "pass"
		}
		fmt.Fprintf(t, "  %s\t%s\t%s\n", verdict, tg.Name, tg.Got)
	}
	t.Flush()
}
