package insight_test

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"kith/referral/insight"
)

var clock = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

func TestParseGapQuery(t *testing.T) {
	tests := []struct {
		raw, accept string
		want        string // geography category from..to radius cell format
		param       string // the parameter a failure names
	}{
		{"", "", "lsoa  2025-03-03..2026-03-02 5 0 geojson", ""},
		{"geography=grid&cell_km=2&category=walking&radius_km=1.5", "", "grid walking 2025-03-03..2026-03-02 1.5 2 geojson", ""},
		{"geography=la&category=all&from=2026-01-01&to=2026-01-31", "", "la  2026-01-01..2026-01-31 5 0 geojson", ""},
		{"from=2025-04-01", "", "lsoa  2025-04-01..2026-03-31 5 0 geojson", ""},
		{"to=2025-12-31", "text/csv", "lsoa  2025-01-01..2025-12-31 5 0 csv", ""},
		{"format=json", "text/csv", "lsoa  2025-03-03..2026-03-02 5 0 geojson", ""},
		{"", "text/html, application/geo+json;q=0.9", "lsoa  2025-03-03..2026-03-02 5 0 geojson", ""},
		{"geography=grid", "", "grid  2025-03-03..2026-03-02 5 5 geojson", ""},
		{"geography=county", "", "", "geography"},
		{"cell_km=2", "", "", "cell_km"},
		{"geography=grid&cell_km=0", "", "", "cell_km"},
		{"radius_km=NaN", "", "", "radius_km"},
		{"radius_km=51", "", "", "radius_km"},
		{"category=Walking!", "", "", "category"},
		{"from=2026-02-30", "", "", "from"},
		{"from=2026-03-01&to=2026-02-01", "", "", "from"},
		{"to=1066-10-14", "", "", "to"},
		{"format=xml", "", "", "format"},
		{"near=SR1", "", "", "near"},
		{"from=2026-01-01&from=2026-02-01", "", "", "from"},
		{"=x", "", "", "query"},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			v, _ := url.ParseQuery(tt.raw)
			q, err := insight.ParseGapQuery(v, tt.accept, clock)
			if tt.param != "" {
				var pe *insight.ParamError
				if !errors.As(err, &pe) || pe.Param != tt.param {
					t.Fatalf("error %v, want one naming %s", err, tt.param)
				}
				return
			}
			if err != nil || describe(q) != tt.want {
				t.Fatalf("%q, %v; want %q", describe(q), err, tt.want)
			}
		})
	}
}

func describe(q insight.Query) string {
	return fmt.Sprintf("%s %s %s..%s %g %g %s", q.Geography, q.Category, q.Period.From.Format(time.DateOnly),
		q.Period.To.Format(time.DateOnly), q.RadiusKm, q.CellKm, q.Format)
}

func TestParseReportQuery(t *testing.T) {
	tests := []struct {
		raw, accept, want, param string
	}{
		{"", "", "la  2025-03-03..2026-03-02 0 0 json", ""},
		{"geography=lsoa&format=csv", "", "lsoa  2025-03-03..2026-03-02 0 0 csv", ""},
		{"", "application/json, text/csv", "la  2025-03-03..2026-03-02 0 0 json", ""},
		{"", "TEXT/CSV; charset=utf-8", "la  2025-03-03..2026-03-02 0 0 csv", ""},
		{"geography=grid", "", "", "geography"},
		{"radius_km=2", "", "", "radius_km"},
		{"format=geojson", "", "", "format"},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			v, _ := url.ParseQuery(tt.raw)
			q, err := insight.ParseReportQuery(v, tt.accept, clock)
			var pe *insight.ParamError
			switch {
			case tt.param != "" && (!errors.As(err, &pe) || pe.Param != tt.param):
				t.Fatalf("error %v, want one naming %s", err, tt.param)
			case tt.param == "" && (err != nil || describe(q) != tt.want):
				t.Fatalf("%q, %v; want %q", describe(q), err, tt.want)
			}
		})
	}
}

// Any query string either parses into a query within the limits or fails
// with a ParamError naming a parameter: never a panic, never another error.
func FuzzParseQuery(f *testing.F) {
	for _, seed := range []string{
		"", "geography=grid&cell_km=2.5&category=walking&from=2026-01-01&to=2026-03-31&format=csv",
		"geography=ward&radius_km=0.5", "from=9999-12-31", "to=0001-01-01", "radius_km=1e309", "cell_km=-0",
		"category=" + strings.Repeat("a", 70), "format=%ff", "from=2026-01-01&from=2026-01-02",
	} {
		f.Add(seed, "")
		f.Add(seed, "text/csv;q=0.5, application/geo+json")
	}
	f.Fuzz(func(t *testing.T, raw, accept string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return // the handler answers 400 for these before parsing
		}
		for _, parse := range []func(url.Values, string, time.Time) (insight.Query, error){
			insight.ParseGapQuery, insight.ParseReportQuery} {
			q, err := parse(v, accept, clock)
			if err != nil {
				var pe *insight.ParamError
				if !errors.As(err, &pe) || pe.Param == "" {
					t.Fatalf("%q: %v is not a ParamError", raw, err)
				}
				continue
			}
			checkQuery(t, raw, q)
		}
	})
}

func checkQuery(t *testing.T, raw string, q insight.Query) {
	t.Helper()
	switch {
	case q.Period.From.After(q.Period.To):
		t.Fatalf("%q: period %v runs backwards", raw, q.Period)
	case q.Geography == insight.GeoGrid && (q.CellKm < insight.MinCellKm || q.CellKm > insight.MaxCellKm):
		t.Fatalf("%q: cell %g km", raw, q.CellKm)
	case q.RadiusKm != 0 && (q.RadiusKm < insight.MinRadiusKm || q.RadiusKm > insight.MaxRadiusKm):
		t.Fatalf("%q: radius %g km", raw, q.RadiusKm)
	case q.Format == "" || q.Geography == "":
		t.Fatalf("%q: no format or geography: %+v", raw, q)
	}
}
