package benchgaps

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"time"

	"kith/postgres"
	"kith/referral/insight"
)

// Target is the longest the gap analysis of all England at LSOA level may
// take, end to end.
const Target = 5 * time.Second

// Run generates the dataset into db, which must be a fresh, migrated
// database (Run refuses one holding services or referrals, since it owns
// what it is given), then times the gap analysis and the spatial
// primitive, writing a report to out. It fails if the grid and the naive
// scan disagree.
func Run(ctx context.Context, db *postgres.DB, o Options, out io.Writer) error {
	if err := o.check(); err != nil {
		return err
	}
	d, err := newDataset(ctx, db, o)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "kith bench gaps: %d referrals, %d services, %d LSOAs, seed %d, radius %g km, %d CPUs, %s\n\n",
		o.Referrals, o.Services, len(d.lsoas), o.Seed, o.RadiusKm, runtime.GOMAXPROCS(0), runtime.Version())
	began := time.Now()
	tables, err := load(ctx, db, d)
	if err != nil {
		return err
	}
	reportLoad(out, tables, time.Since(began))
	app, cookie, err := server(ctx, db)
	if err != nil {
		return err
	}
	timings, err := timeGaps(app, cookie, o)
	if err != nil {
		return err
	}
	reportGaps(out, timings)
	sp := compareSpatial(d)
	reportSpatial(out, sp, o)
	if sp.mismatches > 0 {
		return fmt.Errorf("bench: the grid and the naive scan disagree for %d areas", sp.mismatches)
	}
	return nil
}

// newDataset checks db is empty and reads the needs services are filed
// under: every term below a top-level one.
func newDataset(ctx context.Context, db *postgres.DB, o Options) (*dataset, error) {
	var n int
	const used = `SELECT (SELECT count(*) FROM services) + (SELECT count(*) FROM referrals)`
	if err := db.GetContext(ctx, &n, used); err != nil {
		return nil, err
	}
	if n > 0 {
		return nil, fmt.Errorf("bench: the database already holds services or referrals; give it a fresh one")
	}
	d := &dataset{o: o, lsoas: insight.LSOAs()}
	err := db.SelectContext(ctx, &d.needs, `SELECT id FROM taxonomy_terms WHERE parent_id IS NOT NULL ORDER BY code`)
	return d, err
}

func reportLoad(out io.Writer, tables []loaded, total time.Duration) {
	fmt.Fprintf(out, "Data load (COPY, one transaction, then VACUUM ANALYZE)\n\n| table | rows | seconds |\n|---|---:|---:|\n")
	for _, t := range tables {
		fmt.Fprintf(out, "| %s | %d | %.1f |\n", t.table, t.rows, t.took.Seconds())
	}
	fmt.Fprintf(out, "| **total** | | **%.1f** |\n\n", total.Seconds())
}

func reportGaps(out io.Writer, ts []timing) {
	fmt.Fprintf(out, "Gap analysis over HTTP as a commissioner for all of England (first request, then the median and "+
		"slowest of the rest; target %v)\n\n| request | first s | median s | slowest s | bytes |\n|---|---:|---:|---:|---:|\n", Target)
	for _, t := range ts {
		fmt.Fprintf(out, "| `%s` | %.2f | %.2f | %.2f | %d |\n", t.query, t.first.Seconds(), t.median().Seconds(),
			slowest(t.runs).Seconds(), t.bytes)
	}
	fmt.Fprintln(out)
}

func slowest(ds []time.Duration) time.Duration {
	var m time.Duration
	for _, d := range ds {
		m = max(m, d)
	}
	return m
}

func reportSpatial(out io.Writer, sp spatial, o Options) {
	naiveAll := time.Duration(float64(sp.naive) * float64(sp.areas) / float64(sp.checked))
	fmt.Fprintf(out, "Services within %g km of every LSOA centre, on one core (%d centres, %d venues)\n\n"+
		"| method | seconds | per centre |\n|---|---:|---:|\n", o.RadiusKm, sp.areas, sp.venues)
	fmt.Fprintf(out, "| geo.Grid (build %.2f s) | %.2f | %v |\n", sp.build.Seconds(), sp.grid.Seconds(),
		(sp.grid / time.Duration(sp.areas)).Round(time.Microsecond))
	fmt.Fprintf(out, "| naive scan of every venue (%d centres timed) | %.2f (all: %.1f) | %v |\n\n", sp.checked,
		sp.naive.Seconds(), naiveAll.Seconds(), (sp.naive / time.Duration(sp.checked)).Round(time.Microsecond))
	fmt.Fprintf(out, "Agreement: %d of %d centres checked differ; %d venue-centre pairs within %g km; grid %.0fx faster\n",
		sp.mismatches, sp.checked, sp.pairs, o.RadiusKm, float64(naiveAll)/float64(sp.grid))
}
