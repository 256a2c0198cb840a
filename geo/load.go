package geo

import (
	"fmt"
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
	t := &postcodeTable{postcodes: make(map[string]postcodeRec, 80_000), outcodes: map[string]Point{}}
	codes := interner{}
	err := readEmbedded("postcodes.csv.gz", postcodeHeader, func(rec []string) error {
		r, err := postcodeRecord(rec, codes)
		if err != nil {
			return fmt.Errorf("postcode %s: %w", rec[0], err)
		}
		t.postcodes[strings.Clone(rec[0])] = r
		return nil
	})
	if err != nil {
		return nil, err
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

func postcodeRecord(rec []string, codes interner) (postcodeRec, error) {
	pt, err := parsePoint(rec[1], rec[2])
	if err != nil {
		return postcodeRec{}, err
	}
	imd, err := parseDecile(rec[7])
	if err != nil {
		return postcodeRec{}, err
	}
	if rec[6] != "0" && rec[6] != "1" {
		return postcodeRec{}, fmt.Errorf("terminated flag %q is not 0 or 1", rec[6])
	}
	return postcodeRec{
		pt: pt, lsoa: codes.get(rec[3]), lad: codes.get(rec[4]), ward: codes.get(rec[5]),
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
