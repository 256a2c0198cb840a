package geo

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Embedded file headers; they must match what internal/gendata writes.
var (
	postcodeHeader = []string{"postcode", "lat", "lon", "lsoa11", "laua", "ward", "terminated", "imd19_decile"}
	outcodeHeader  = []string{"outcode", "lat", "lon", "live_postcodes"}
	lsoaHeader     = []string{"lsoa", "lat", "lon", "imd19_decile"}
	ladHeader      = []string{"code", "name", "current", "successor", "region_code", "region"}
)

func readPostcodeTable() (*postcodeTable, error) {
	t := &postcodeTable{outcodes: map[string]Point{}}
	type keyed struct {
		k uint64
		r packedRec
	}
	var rows []keyed
	var codes codeNumbers
	err := readEmbedded("postcodes.csv.gz", postcodeHeader, func(rec []string) error {
		r, err := postcodeRecord(rec, &codes)
		k, ok := packPostcode(rec[0])
		if err == nil && !ok {
			err = fmt.Errorf("longer than a postcode")
		}
		if err != nil {
			return fmt.Errorf("postcode %s: %w", rec[0], err)
		}
		rows = append(rows, keyed{k, r})
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(rows, func(a, b keyed) int { return cmp.Compare(a.k, b.k) })
	t.keys, t.recs, t.codes = make([]uint64, len(rows)), make([]packedRec, len(rows)), codes.codes
	for i, row := range rows {
		t.keys[i], t.recs[i] = row.k, row.r
	}
	err = readEmbedded("outcodes.csv", outcodeHeader, func(rec []string) error {
		pt, err := parsePoint(rec[1], rec[2])
		if err != nil {
			return fmt.Errorf("outcode %s: %w", rec[0], err)
		}
		t.outcodes[strings.Clone(rec[0])] = pt
		return nil
	})
	return t, err
}

func postcodeRecord(rec []string, codes *codeNumbers) (packedRec, error) {
	pt, err := parsePoint(rec[1], rec[2])
	if err != nil {
		return packedRec{}, err
	}
	imd, err := parseDecile(rec[7])
	if err != nil {
		return packedRec{}, err
	}
	if rec[6] != "0" && rec[6] != "1" {
		return packedRec{}, fmt.Errorf("terminated flag %q is not 0 or 1", rec[6])
	}
	return packedRec{
		pt: pt, lsoa: codes.number(rec[3]), lad: codes.number(rec[4]), ward: codes.number(rec[5]),
		imd: int8(imd), terminated: rec[6] == "1",
	}, nil
}

type lsoaRec struct {
	pt  Point
	imd int8
}

func readLSOATable() (map[string]lsoaRec, error) {
	m := make(map[string]lsoaRec, 35_000)
	err := readEmbedded("lsoa.csv.gz", lsoaHeader, func(rec []string) error {
		pt, err := parsePoint(rec[1], rec[2])
		if err != nil {
			return fmt.Errorf("LSOA %s: %w", rec[0], err)
		}
		imd, err := parseDecile(rec[3])
		if err != nil {
			return fmt.Errorf("LSOA %s: %w", rec[0], err)
		}
		m[strings.Clone(rec[0])] = lsoaRec{pt, int8(imd)}
		return nil
	})
	return m, err
}

type ladRec struct {
	la        LA
	current   bool
	successor string
}

type ladTable struct {
	byCode  map[string]ladRec
	current []LA // sorted for LocalAuthorities
}

func readLADTable() (*ladTable, error) {
	t := &ladTable{byCode: map[string]ladRec{}}
	err := readEmbedded("lad.csv", ladHeader, func(rec []string) error {
		current, err := strconv.ParseBool(rec[2])
		if err != nil {
			return fmt.Errorf("local authority %s: current: %w", rec[0], err)
		}
		la := LA{Code: rec[0], Name: rec[1], RegionCode: rec[4], Region: rec[5]}
		t.byCode[la.Code] = ladRec{la, current, rec[3]}
		if current {
			t.current = append(t.current, la)
		}
		return nil
	})
	sortLAs(t.current)
	return t, err
}
