package benchgaps

import (
	"context"
	"fmt"
	"io"
	"net/http/httptest"
	"slices"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/geo"
	"kith/postgres"
	"kith/qa"
	"kith/referral/insight"
	"kith/web"
)

// gapQueries are the requests timed, each for all of England at LSOA level
// unless it says otherwise.
var gapQueries = []string{
	"/api/gaps?category=all",
	"/api/gaps?category=walking",
	"/api/gaps?category=all&format=csv",
	"/api/gaps?category=all&geography=grid&cell_km=5",
}

// server is Kith's HTTP API on the bench database, as of benchNow, and the
// session cookie of a commissioner for all of England.
func server(ctx context.Context, db *postgres.DB) (*fiber.App, string, error) {
	clock := func() time.Time { return benchNow }
	dir := directory.NewStore(db)
	assurance := qa.NewStore(db, dir, clock)
	app := web.New(web.Config{Directory: dir, QA: assurance, Insight: insight.NewStore(db, assurance, clock),
		Now: clock, RequestTimeout: 5 * time.Minute})
	in := directory.UserInput{Email: "commissioner@bench.kith.example", Role: directory.RoleCommissioner,
		Password: "bench-commissioner-2026"}
	if _, err := dir.CreateUser(directory.WithUser(ctx, directory.SystemUser()), in); err != nil {
		return nil, "", err
	}
	token, _, err := dir.Login(ctx, in.Email, in.Password)
	return app, token, err
}

// timing is one query's first answer (in a process that has not yet
// built its LSOA tables) and the runs after it.
type timing struct {
	query string
	first time.Duration
	runs  []time.Duration
	bytes int
}

func timeGaps(app *fiber.App, cookie string, o Options) ([]timing, error) {
	var out []timing
	for _, q := range gapQueries {
		path := q + "&radius_km=" + strconv.FormatFloat(o.RadiusKm, 'f', -1, 64)
		tm := timing{query: path}
		for run := range o.Runs + 1 {
			took, n, err := get(app, path, cookie)
			if err != nil {
				return nil, err
			}
			if run == 0 {
				tm.first, tm.bytes = took, n
			} else {
				tm.runs = append(tm.runs, took)
			}
		}
		out = append(out, tm)
	}
	return out, nil
}

// get times one request from sending it to having read the whole answer.
func get(app *fiber.App, path, cookie string) (time.Duration, int, error) {
	req := httptest.NewRequest("GET", path, nil)
	req.Header.Set("Cookie", "kith_session="+cookie)
	began := time.Now()
	resp, err := app.Test(req, -1)
	if err != nil {
		return 0, 0, err
	}
	body, err := io.ReadAll(resp.Body)
	took := time.Since(began)
	if err == nil && resp.StatusCode != 200 {
		err = fmt.Errorf("%s: %d %s", path, resp.StatusCode, body[:min(len(body), 300)])
	}
	return took, len(body), err
}

func (t timing) median() time.Duration {
	s := slices.Clone(t.runs)
	slices.Sort(s)
	return s[len(s)/2]
}

// spatial compares two ways of finding the venues within the radius of
// every LSOA centre: geo.Grid, as the gap analysis does it, and a scan of
// every venue. Both run on one core, so they compare like with like.
type spatial struct {
	areas, venues, checked int
	build, grid, naive     time.Duration
	pairs, mismatches      int
}

func compareSpatial(d *dataset) spatial {
	var venues []geo.Point
	for j := range d.o.Services {
		if s := d.service(j); !s.remote {
			venues = append(venues, geo.MustLonLat(s.lon, s.lat))
		}
	}
	sp := spatial{areas: len(d.lsoas), venues: len(venues)}
	began := time.Now()
	g := geo.NewGrid(d.o.RadiusKm)
	for j, v := range venues {
		g.Add(int32(j), v)
	}
	sp.build = time.Since(began)
	found := make([]int, len(d.lsoas))
	began = time.Now()
	for i, l := range d.lsoas {
		g.Within(l.Point, d.o.RadiusKm, func(int32, float64) { found[i]++ })
	}
	sp.grid = time.Since(began)
	sp.naiveScan(d, venues, found)
	return sp
}

// naiveScan times the scan over every step-th area (every area unless
// NaiveAreas says fewer) and counts where it disagrees with the grid.
func (sp *spatial) naiveScan(d *dataset, venues []geo.Point, found []int) {
	step := 1
	if d.o.NaiveAreas > 0 {
		step = max(1, len(d.lsoas)/d.o.NaiveAreas)
	}
	began := time.Now()
	for i := 0; i < len(d.lsoas); i += step {
		n := 0
		for _, v := range venues {
			if geo.DistanceKm(d.lsoas[i].Point, v) <= d.o.RadiusKm {
				n++
			}
		}
		sp.checked++
		sp.pairs += n
		if n != found[i] {
			sp.mismatches++
		}
	}
	sp.naive = time.Since(began)
}
