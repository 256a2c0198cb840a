package geo

import (
	"math"
	"path/filepath"
	"strconv"
	"testing"
)

// TestSourcePostcodesNormalise runs the format rules over every postcode in
// the NSPL extract, all four nations and the Crown dependencies: a rule that
// rejects a real postcode would call it a typo.
func TestSourcePostcodesNormalise(t *testing.T) {
	dir := sharedGeo(t)
	n := 0
	eachRow(t, filepath.Join(dir, "nspl_nov2021_postcodes_20areas.csv"), func(row map[string]string) {
		n++
		pc := row["postcode"]
		if got, err := NormalisePostcode(pc); err != nil || got != pc {
			t.Errorf("NormalisePostcode(%q) = %q, %v", pc, got, err)
		}
		if oc, err := ParseOutcode(pc); err != nil || oc != row["outcode"] {
			t.Errorf("ParseOutcode(%q) = %q, %v; want %q", pc, oc, err, row["outcode"])
		}
	})
	if n < 120_000 {
		t.Errorf("read only %d source postcodes", n)
	}
}

// TestShippedPostcodesMatchSource checks each shipped row against NSPL and
// the IMD file, and that nothing English with a grid reference was dropped.
func TestShippedPostcodesMatchSource(t *testing.T) {
	dir := sharedGeo(t)
	deciles := map[string]int{}
	eachRow(t, filepath.Join(dir, "imd2019_england_lsoa11.csv"), func(row map[string]string) {
		deciles[row["lsoa_code"]], _ = strconv.Atoi(row["IMD_decile"])
	})
	table := must(loadPostcodes())
	english := 0
	eachRow(t, filepath.Join(dir, "nspl_nov2021_postcodes_20areas.csv"), func(row map[string]string) {
		lat, _ := strconv.ParseFloat(row["lat"], 64)
		if row["ctry"] != "E92000001" || lat > 90 {
			return
		}
		english++
		want := sourceRecord(t, row, deciles)
		got, ok := table.lookup(row["postcode"])
		if !ok || !sameRecord(got, want) {
			t.Errorf("%s: shipped %+v (%v), source %+v", row["postcode"], got, ok, want)
		}
	})
	if english != table.len() {
		t.Errorf("source has %d English postcodes with a location, shipped %d", english, table.len())
	}
}

func sourceRecord(t *testing.T, row map[string]string, deciles map[string]int) postcodeRec {
	pt, err := parsePoint(row["lat"], row["long"])
	if err != nil {
		t.Fatalf("%s: %v", row["postcode"], err)
	}
	return postcodeRec{pt: pt, lsoa: row["lsoa11"], lad: row["laua"], ward: row["ward"],
		imd: int8(deciles[row["lsoa11"]]), terminated: row["doterm"] != ""}
}

// sameRecord allows for the 5 decimals the shipped file keeps.
func sameRecord(a, b postcodeRec) bool {
	const tol = 5.0001e-6
	near := math.Abs(a.pt.Lat()-b.pt.Lat()) <= tol && math.Abs(a.pt.Lon()-b.pt.Lon()) <= tol
	a.pt, b.pt = Point{}, Point{}
	return near && a == b
}

// TestOutcodeCentroidsMatchSource compares the generator's district centres
// with the ones SOURCE.md's author derived independently by the same rule.
func TestOutcodeCentroidsMatchSource(t *testing.T) {
	dir := sharedGeo(t)
	outcodes := must(loadPostcodes()).outcodes
	matched := 0
	eachRow(t, filepath.Join(dir, "outcode_centroids_nspl_derived_20areas.csv"), func(row map[string]string) {
		got, ok := outcodes[row["outcode"]]
		if !ok {
			return // a district with no English postcode is not shipped
		}
		matched++
		want, err := parsePoint(row["latitude"], row["longitude"])
		if err != nil || DistanceKm(got, want) > 0.002 {
			t.Errorf("outcode %s: shipped %v, source %v (%v)", row["outcode"], got.Orb(), want.Orb(), err)
		}
	})
	if matched != len(outcodes) {
		t.Errorf("matched %d of %d shipped outcodes", matched, len(outcodes))
	}
}
