package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// england is the ONS country code kept. Kith serves English social
// prescribing and IMD 2019 is England-only; the Welsh, Scottish and island
// deprivation ranks in NSPL are not comparable with England's, so those rows
// would only ever resolve without a decile. The filter is on country, not on
// postcode area: cross-border English postcodes in TD, LD and DG are kept.
const england = "E92000001"

var postcodeHeader = []string{"postcode", "lat", "lon", "lsoa11", "laua", "ward", "terminated", "imd19_decile"}

type postcodeRow struct {
	postcode, lsoa, lad, ward string
	lat, lon                  float64
	terminated                bool
	imd                       int
}

// readPostcodes returns the English postcodes, and feeds every postcode with
// a grid reference, whatever its country, into oc (see outcodeAcc).
func readPostcodes(path string, imd map[string]int, oc outcodeAcc, log io.Writer) ([]postcodeRow, error) {
	t, err := openTable(path, "postcode", "doterm", "lat", "long", "lsoa11", "laua", "ward", "ctry")
	if err != nil {
		return nil, err
	}
	defer t.close()
	var rows []postcodeRow
	var other, noGrid, noIMD int
	for {
		rec, err := t.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if lat, _ := strconv.ParseFloat(t.get(rec, "lat"), 64); lat > 90 {
			noGrid++ // NSPL's 99.999999 marks "no grid reference"
			continue
		}
		row, err := postcodeFrom(t, rec)
		if err != nil {
			return nil, err
		}
		oc.add(row)
		if t.get(rec, "ctry") != england {
			other++
			continue
		}
		row.imd = imd[row.lsoa]
		if row.imd == 0 {
			noIMD++
		}
		rows = append(rows, row)
	}
	fmt.Fprintf(log, "%s: kept %d English postcodes; skipped %d outside England, %d without a grid reference; %d without an IMD decile\n",
		path, len(rows), other, noGrid, noIMD)
	return sortUnique(rows)
}

func postcodeFrom(t *table, rec []string) (postcodeRow, error) {
	row := postcodeRow{
		postcode:   t.get(rec, "postcode"),
		lsoa:       t.get(rec, "lsoa11"),
		lad:        t.get(rec, "laua"),
		ward:       t.get(rec, "ward"),
		terminated: strings.TrimSpace(t.get(rec, "doterm")) != "",
	}
	if !looksCanonical(row.postcode) {
		return row, t.errorf("postcode %q is not in canonical form", row.postcode)
	}
	var err error
	if row.lat, err = parseCoord(t.get(rec, "lat"), 90); err != nil {
		return row, t.errorf("lat: %v", err)
	}
	if row.lon, err = parseCoord(t.get(rec, "long"), 180); err != nil {
		return row, t.errorf("long: %v", err)
	}
	return row, nil
}

// looksCanonical is a shape check only (upper case, one space, three-character
// inward code). The full format rules live in package geo, whose tests check
// that every shipped postcode normalises to itself.
func looksCanonical(pc string) bool {
	out, in, ok := strings.Cut(pc, " ")
	if !ok || len(out) < 2 || len(out) > 4 || len(in) != 3 {
		return false
	}
	for _, c := range []byte(out + in) {
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func sortUnique(rows []postcodeRow) ([]postcodeRow, error) {
	slices.SortFunc(rows, func(a, b postcodeRow) int { return cmp.Compare(a.postcode, b.postcode) })
	for i := 1; i < len(rows); i++ {
		if rows[i].postcode == rows[i-1].postcode {
			return nil, fmt.Errorf("postcode %s appears twice", rows[i].postcode)
		}
	}
	return rows, nil
}

func postcodeRecords(rows []postcodeRow) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		term, imd := "0", ""
		if r.terminated {
			term = "1"
		}
		if r.imd > 0 {
			imd = strconv.Itoa(r.imd)
		}
		out[i] = []string{r.postcode, fmtCoord(r.lat), fmtCoord(r.lon), r.lsoa, r.lad, r.ward, term, imd}
	}
	return out
}

// checkLADsCovered makes sure every local authority code a postcode carries
// can be named, so LocalAuthority/CurrentLAD never meet a code from our own data
// that they cannot explain.
func checkLADsCovered(pcs []postcodeRow, lads []ladRow) error {
	known := make(map[string]bool, len(lads))
	for _, l := range lads {
		known[l.code] = true
	}
	for _, p := range pcs {
		if !known[p.lad] {
			return fmt.Errorf("postcode %s has local authority %q, which %s does not list", p.postcode, p.lad, ladFile)
		}
	}
	return nil
}
