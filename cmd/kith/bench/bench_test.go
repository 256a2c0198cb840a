package bench

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"kith/postgres/pgtest"
)

func TestMain(m *testing.M) {
	if job := os.Getenv(loadJobEnv); job != "" { // a load client started by testLoadClient
		if err := ServeLoad(context.Background(), job, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	pgtest.Main(m)
}

const loadJobEnv = "KITH_BENCH_TEST_LOAD_JOB"

// testLoadClient runs ServeLoad in a copy of the test binary.
func testLoadClient(ctx context.Context, jobPath string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), loadJobEnv+"="+jobPath)
	return cmd
}

// The whole bench at a tiny size, so it cannot rot: every section is
// reported and Kith agrees with the oracle on every query.
func TestBenchEndToEnd(t *testing.T) {
	db, dsn := pgtest.NewURL(t)
	var out bytes.Buffer
	env := Env{DB: db, DSN: dsn, Logger: slog.New(slog.DiscardHandler), LoadClient: testLoadClient}
	opt := Options{Services: 2000, Queries: 200, Seed: 7, HTTPSeconds: 1}
	rep, err := Run(t.Context(), env, opt, &out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	report := out.String()
	for _, section := range []string{"Dataset", "Kith index build", "rebuild from PostgreSQL", "Latency per query class",
		"Throughput", "Agreement with the oracle", "HTTP /api/search", "Freshness", "Memory", "Targets"} {
		if !strings.Contains(report, section) {
			t.Errorf("report has no %q section:\n%s", section, report)
		}
	}
	for _, a := range rep.Agreement {
		if a.Queries == 0 || a.Kith != a.Queries {
			t.Errorf("%s: kith agrees on %d of %d queries: %v", a.Class, a.Kith, a.Queries, a.Examples)
		}
	}
	if h := rep.HTTPRate; h.Requests == 0 || h.Errors > 0 {
		t.Errorf("HTTP: %d errors in %d requests", h.Errors, h.Requests)
	}
	if s := rep.Serving; s.Samples < 2 || s.MaxRSS == 0 || s.MeanRSS > s.MaxRSS {
		t.Errorf("memory while serving: %+v", s)
	}
	// Found at all, not how fast: the bench measures time, the test does not.
	if f := rep.Fresh; f.Writes != freshWrites || f.Max >= freshGiveUp {
		t.Errorf("freshness: %+v", f)
	}
	if rep.Dataset.Vocabulary < 1000 {
		t.Errorf("vocabulary of %d words, want at least 1000", rep.Dataset.Vocabulary)
	}
}

// fakeTaxonomy files every topic at the top level, for tests without a
// database.
func fakeTaxonomy() taxonomy {
	t := taxonomy{id: map[string]string{}, parent: map[string]string{}, name: map[string]string{}}
	for _, list := range [][]topic{activityTopics, supportTopics} {
		for _, tp := range list {
			t.id[tp.code], t.name[tp.code] = tp.code, tp.titles[0]
		}
	}
	return t
}

// A seed fixes the dataset and the queries; another seed changes them.
func TestGenerationIsReproducible(t *testing.T) {
	tax := fakeTaxonomy()
	a, b, c := generate(3, 800, tax), generate(3, 800, tax), generate(4, 800, tax)
	names := func(ds *dataset) []string {
		var out []string
		for _, s := range ds.services {
			out = append(out, s.id+" "+s.name+" "+s.description)
		}
		return out
	}
	if !slices.Equal(names(a), names(b)) {
		t.Fatal("the same seed generated different services")
	}
	if slices.Equal(names(a), names(c)) {
		t.Fatal("another seed generated the same services")
	}
	qa, qb := generateQueries(3, 100, a), generateQueries(3, 100, b)
	for i := range qa {
		if qa[i].values().Encode() != qb[i].values().Encode() {
			t.Fatalf("query %d differs: %s vs %s", i, qa[i].values().Encode(), qb[i].values().Encode())
		}
	}
}

// The dataset has the shape the issue asks for.
func TestDatasetShape(t *testing.T) {
	ds := generate(1, 20000, fakeTaxonomy())
	st := statsOf(ds)
	if st.FullShare < 0.15 || st.FullShare > 0.25 {
		t.Errorf("%.1f%% full, want 15–25%%", 100*st.FullShare)
	}
	if st.MultiSite == 0 || st.Remote == 0 {
		t.Errorf("no multi-site or no remote services: %+v", st)
	}
	if len(towns) < 60 {
		t.Errorf("%d towns, want at least 60", len(towns))
	}
	rural := 0
	for _, o := range ds.orgs {
		if o.rural {
			rural++
		}
	}
	if share := float64(rural) / float64(len(ds.orgs)); share < 0.07 || share > 0.13 {
		t.Errorf("%.1f%% rural organisations, want about 10%%", 100*share)
	}
}

// Generated rural points stay inside the outline, and towns are inside it.
func TestEnglandOutline(t *testing.T) {
	for _, tw := range towns {
		if !inEngland(tw.lon, tw.lat) {
			t.Errorf("%s (%g, %g) is outside the outline", tw.name, tw.lat, tw.lon)
		}
	}
	for _, p := range [][2]float64{{-3.2, 55.95}, {-3.18, 51.48}, {2.35, 48.86}} { // Edinburgh, Cardiff, Paris
		if inEngland(p[0], p[1]) {
			t.Errorf("(%g, %g) is inside the outline", p[1], p[0])
		}
	}
}
