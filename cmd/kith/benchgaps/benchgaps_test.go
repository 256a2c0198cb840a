package benchgaps

import (
	"bytes"
	"strings"
	"testing"

	"kith/postgres/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// A small run goes end to end: loads, answers every gap query, and finds
// the grid and the scan in agreement; a second run refuses the full
// database.
func TestRunSmall(t *testing.T) {
	db := pgtest.New(t)
	o := Options{Referrals: 3000, Services: 600, Seed: 7, RadiusKm: 5, Runs: 1, NaiveAreas: 400}
	var out bytes.Buffer
	if err := Run(t.Context(), db, o, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	for _, want := range []string{"| referrals | 3000 |", "| services | 600 |", "`/api/gaps?category=walking&radius_km=5`",
		"Agreement: 0 of 401 centres checked differ"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
	if err := Run(t.Context(), db, o, &out); err == nil || !strings.Contains(err.Error(), "fresh") {
		t.Fatalf("second run: %v", err)
	}
}

func TestParseArgs(t *testing.T) {
	o, err := ParseArgs([]string{"--referrals", "5000", "--naive-areas", "100"}, &bytes.Buffer{})
	if err != nil || o.Referrals != 5000 || o.Services != 100_000 || o.NaiveAreas != 100 || o.RadiusKm != 5 {
		t.Fatalf("%+v %v", o, err)
	}
	for _, bad := range [][]string{{"--radius-km", "0"}, {"--runs", "0"}, {"extra"}, {"--referrals", "x"}} {
		if _, err := ParseArgs(bad, &bytes.Buffer{}); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}
