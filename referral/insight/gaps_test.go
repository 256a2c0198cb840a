package insight_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"kith/directory"
	"kith/referral/insight"
)

// Worked by hand (docs/INSIGHT.md walks through the same numbers). Within
// 1 km and for walking, A's demand is its 6 referrals and 1 unmet need: 7.
// B's 3, C's 2 and Harrogate's 1 are withheld, so the model takes each as
// 2.5. Hendon Health Walks has 4 places, 1 held, and turned away 1 of the
// 2 requests it answered: it offers (4 - 1) x (1 - 1/2) = 1.5 to the 7 +
// 2.5 within 1 km of it (A and B). Walk Online offers its 1 place to all
// 14.5 of England's demand. Lapsed Walkers (QA lapsed) and Hendon Singers
// (singing) do not count.
var (
	accessAB = 1.5/9.5 + 1/14.5 // 0.2269
	accessC  = 1 / 14.5         // 0.0690
	scoreA   = 7 * (1 - accessAB) * 2
	scoreB   = 2.5 * (1 - accessAB) * (1 + 2.0/9) // decile 8
	scoreC   = 2.5 * (1 - accessC) * 2
)

func TestGapScoresByHand(t *testing.T) {
	r := newRegion(t)
	for _, category := range []string{"walking", "physical-activity"} {
		g, err := r.ins.Gaps(r.users["sunderland"], r.query(t, true, "radius_km=1&category="+category))
		must(t, err)
		a := gapArea(t, g, lsoaA)
		wantFigure(t, "A demand", a.Demand, 7)
		wantFigure(t, "A access", a.Access, round(accessAB, 2))
		wantFigure(t, "A shortfall", a.Shortfall, round(7*(1-accessAB), 1))
		wantFigure(t, "A gap score", a.GapScore, round(scoreA, 1))
		wantWithheld(t, "A", a.Referrals, a.UnmetNeeds, a.Held, a.NoCapacity, a.NoCapacityRate, a.Utilisation)
		if a.Rank == nil || *a.Rank != 1 || *a.IMDDecile != 1 || a.Services != 2 || a.Places != 5 || a.LSOAs != 1 {
			t.Fatalf("%s: A is %+v", category, a)
		}
		for _, code := range []string{lsoaB, lsoaC} {
			x := gapArea(t, g, code)
			wantWithheld(t, code, x.Demand, x.GapScore, x.Shortfall, x.Access)
			if x.Rank != nil {
				t.Fatalf("%s has rank %d with its score withheld", code, *x.Rank)
			}
		}
		if g.Totals.Demand.CSV() != "12" || !g.Totals.Referrals.Suppressed || g.Category.Code != category {
			t.Fatalf("%s: totals %+v", category, g.Totals)
		}
		checkScopeAndRanks(t, g)
	}
}

// Every area shown is in Sunderland; areas with no demand score 0 and
// share the rank after A's; the withheld come last.
func checkScopeAndRanks(t *testing.T, g insight.Gaps) {
	t.Helper()
	if g.Area == nil || g.Area.Code != sunderland || len(g.Areas) != g.Coverage.LSOAs || len(g.Areas) < 100 {
		t.Fatalf("scope %+v, %d areas, coverage %+v", g.Area, len(g.Areas), g.Coverage)
	}
	for k, a := range g.Areas[1 : len(g.Areas)-2] {
		if a.GapScore.CSV() != "0" || *a.Rank != 2 || a.Demand.CSV() != "0" {
			t.Fatalf("area %d %s: score %s rank %v", k+1, a.Code, a.GapScore.CSV(), a.Rank)
		}
	}
}

func TestGapsByLocalAuthority(t *testing.T) {
	r := newRegion(t)
	g, err := r.ins.Gaps(r.users["sunderland"], r.query(t, true, "geography=la&radius_km=1&category=walking"))
	must(t, err)
	if len(g.Areas) != 1 {
		t.Fatalf("a Sunderland commissioner sees %d authorities", len(g.Areas))
	}
	s := g.Areas[0]
	if s.Code != sunderland || s.Name != "Sunderland" || s.Demand.CSV() != "12" {
		t.Fatalf("Sunderland: %+v", s)
	}
	wantFigure(t, "gap score", s.GapScore, round(scoreA+scoreB+scoreC, 1))
	wantFigure(t, "access", s.Access, round((9.5*accessAB+2.5*accessC)/12, 2))

	// Across England, Harrogate's single referral is withheld; so must
	// Sunderland's 12 be, or the total of 13 would give the 1 away.
	g, err = r.ins.Gaps(r.users["england"], r.query(t, true, "geography=la&radius_km=1&category=walking"))
	must(t, err)
	if g.Totals.Demand.CSV() != "13" {
		t.Fatalf("England's demand %s, want 13", g.Totals.Demand.CSV())
	}
	for _, code := range []string{sunderland, yorkshire} {
		wantWithheld(t, code, gapArea(t, g, code).Demand, gapArea(t, g, code).GapScore)
	}
}

func TestGapsByWardAndGrid(t *testing.T) {
	r := newRegion(t)
	for _, raw := range []string{"geography=ward", "geography=grid&cell_km=2"} {
		g, err := r.ins.Gaps(r.users["sunderland"], r.query(t, true, raw))
		must(t, err)
		lsoas := 0
		for _, a := range g.Areas {
			lsoas += a.LSOAs
		}
		if lsoas != g.Coverage.LSOAs || len(g.Areas) < 5 || g.Totals.Demand.CSV() != "12" {
			t.Fatalf("%s: %d areas over %d LSOAs of %d; demand %s", raw, len(g.Areas), lsoas, g.Coverage.LSOAs,
				g.Totals.Demand.CSV())
		}
		if prefix := map[bool]string{true: "E05", false: "2km/"}[raw == "geography=ward"]; !strings.HasPrefix(g.Areas[0].Code, prefix) {
			t.Fatalf("%s: area code %s", raw, g.Areas[0].Code)
		}
	}
}

func TestGapsOutput(t *testing.T) {
	r := newRegion(t)
	g, err := r.ins.Gaps(r.users["sunderland"], r.query(t, true, "radius_km=1&category=walking"))
	must(t, err)
	var geo bytes.Buffer
	must(t, g.WriteGeoJSON(&geo))
	var fc struct {
		Type string `json:"type"`
		Kith struct {
			Method   struct{ GapScore string } `json:"method"`
			Vintages map[string]string         `json:"vintages"`
		} `json:"kith"`
		Features []struct {
			ID         string                          `json:"id"`
			Geometry   struct{ Coordinates []float64 } `json:"geometry"`
			Properties map[string]json.RawMessage      `json:"properties"`
		} `json:"features"`
	}
	must(t, json.Unmarshal(geo.Bytes(), &fc))
	first := fc.Features[0]
	if fc.Type != "FeatureCollection" || first.ID != lsoaA || len(first.Geometry.Coordinates) != 2 ||
		string(first.Properties["demand"]) != `{"value":7}` || string(first.Properties["referrals"]) != `{"value":null,"suppressed":true}` {
		t.Fatalf("GeoJSON starts %s", geo.String()[:min(geo.Len(), 600)])
	}
	var out bytes.Buffer
	must(t, g.WriteCSV(&out))
	text := out.String()
	cr := csv.NewReader(&out)
	cr.Comment = '#'
	rows, err := cr.ReadAll()
	must(t, err)
	if rows[0][0] != "rank" || rows[1][1] != lsoaA || rows[1][6] != "7" || rows[1][7] != "<5" || len(rows) != len(g.Areas)+1 {
		t.Fatalf("CSV starts %v", rows[:2])
	}
	if !strings.HasPrefix(text, "# kith gap analysis: geography lsoa, category walking") ||
		!strings.Contains(text, "\n# gap score: gap_score = shortfall x W") ||
		!strings.Contains(geo.String(), "gap_score = shortfall x W") {
		t.Fatal("the method is not stated")
	}
}

func TestOnlyCommissionersAndAdminsSeeAggregates(t *testing.T) {
	r := newRegion(t)
	q := r.query(t, true, "")
	for who, want := range map[string]error{"worker": directory.ErrForbidden, "editor": directory.ErrForbidden,
		"reviewer": directory.ErrForbidden} {
		if _, err := r.ins.Gaps(r.users[who], q); !errors.Is(err, want) {
			t.Errorf("%s: gaps %v, want %v", who, err, want)
		}
		if _, err := r.ins.Report(r.users[who], insight.ReportBySource, r.query(t, false, "")); !errors.Is(err, want) {
			t.Errorf("%s: report %v, want %v", who, err, want)
		}
	}
	if _, err := r.ins.Gaps(t.Context(), q); !errors.Is(err, directory.ErrUnauthenticated) {
		t.Errorf("anonymous: %v", err)
	}
	if _, err := r.ins.Gaps(r.admin, r.query(t, true, "category=no-such-need")); !errors.Is(err, directory.ErrInvalid) {
		t.Errorf("unknown category: %v", err)
	}
}

func gapArea(t *testing.T, g insight.Gaps, code string) insight.GapArea {
	t.Helper()
	for _, a := range g.Areas {
		if a.Code == code {
			return a
		}
	}
	t.Fatalf("no area %s", code)
	return insight.GapArea{}
}

func wantFigure(t *testing.T, what string, f insight.Figure, want float64) {
	t.Helper()
	if f.Value == nil || f.Suppressed || *f.Value != want {
		t.Fatalf("%s = %s, want %g", what, f.CSV(), want)
	}
}

func wantWithheld(t *testing.T, what string, fs ...insight.Figure) {
	t.Helper()
	for k, f := range fs {
		if !f.Suppressed || f.Value != nil {
			t.Fatalf("%s: figure %d is %s, want it withheld", what, k, f.CSV())
		}
	}
}

func round(v float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(v*p) / p
}
