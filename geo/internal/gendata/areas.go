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

// readIMD returns the IMD 2019 decile (1 = most deprived tenth) of every
// English 2011 LSOA.
func readIMD(path string) (map[string]int, error) {
	t, err := openTable(path, "lsoa_code", "IMD_decile")
	if err != nil {
		return nil, err
	}
	defer t.close()
	deciles := map[string]int{}
	for {
		rec, err := t.next()
		if errors.Is(err, io.EOF) {
			return deciles, nil
		}
		if err != nil {
			return nil, err
		}
		code := t.get(rec, "lsoa_code")
		d, err := strconv.Atoi(t.get(rec, "IMD_decile"))
		if err != nil || d < 1 || d > 10 {
			return nil, t.errorf("LSOA %s: IMD decile %q is not 1–10", code, t.get(rec, "IMD_decile"))
		}
		deciles[code] = d
	}
}

var lsoaHeader = []string{"lsoa", "lat", "lon", "imd19_decile"}

type lsoaRow struct {
	code     string
	lat, lon float64
	imd      int
}

// readLSOAs keeps every English LSOA point, 2011 and 2021 codes alike (most
// codes are shared; the 2021-only ones have no IMD 2019 decile). Keeping 2021
// codes costs little and lets a later ONSPD import, which carries lsoa21,
// still find a centre.
func readLSOAs(path string, imd map[string]int) ([]lsoaRow, error) {
	t, err := openTable(path, "LSOACD", "latitude", "longitude")
	if err != nil {
		return nil, err
	}
	defer t.close()
	var rows []lsoaRow
	for {
		rec, err := t.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		code := t.get(rec, "LSOACD")
		if !strings.HasPrefix(code, "E01") {
			continue
		}
		lat, err1 := parseCoord(t.get(rec, "latitude"), 90)
		lon, err2 := parseCoord(t.get(rec, "longitude"), 180)
		if err := errors.Join(err1, err2); err != nil {
			return nil, t.errorf("LSOA %s: %v", code, err)
		}
		rows = append(rows, lsoaRow{code, lat, lon, imd[code]})
	}
	slices.SortFunc(rows, func(a, b lsoaRow) int { return cmp.Compare(a.code, b.code) })
	return rows, checkLSOAs(rows, imd)
}

// checkLSOAs fails the build if an IMD LSOA has no point, or a code repeats.
func checkLSOAs(rows []lsoaRow, imd map[string]int) error {
	seen := make(map[string]bool, len(rows))
	for _, r := range rows {
		if seen[r.code] {
			return fmt.Errorf("LSOA %s appears twice", r.code)
		}
		seen[r.code] = true
	}
	for code := range imd {
		if !seen[code] {
			return fmt.Errorf("LSOA %s has an IMD decile but no centre point", code)
		}
	}
	return nil
}

func lsoaRecords(rows []lsoaRow) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		imd := ""
		if r.imd > 0 {
			imd = strconv.Itoa(r.imd)
		}
		out[i] = []string{r.code, fmtCoord(r.lat), fmtCoord(r.lon), imd}
	}
	return out
}
