package insight

import (
	"cmp"
	"fmt"
	"slices"
	"sync"

	"kith/geo"
)

// LSOA is one small area of the gap analysis: its code, centre and IMD
// 2019 decile (1 is the most deprived tenth).
type LSOA struct {
	Code   string
	Point  geo.Point
	Decile int
}

// lsoaTable is every 2011 LSOA in England, sorted by code, and the index of
// each code in it.
type lsoaTable struct {
	all   []LSOA
	index map[string]int32
}

// lsoas are the areas IMD 2019 ranks: the 2011 LSOAs, the codes people's
// postcodes carry (NSPL November 2021). geo looks codes up one at a time
// and has no list, so the whole GSS code space for LSOAs (E01 and six
// digits) is walked once per process; 2021-only codes, which IMD 2019
// predates, have no decile and are left out.
var lsoas = sync.OnceValue(func() lsoaTable {
	t := lsoaTable{index: make(map[string]int32, 33_000)}
	for n := range 1_000_000 {
		code := fmt.Sprintf("E01%06d", n)
		if pt, decile, ok := geo.LSOACentroid(code); ok && decile > 0 {
			t.index[code] = int32(len(t.all))
			t.all = append(t.all, LSOA{Code: code, Point: pt, Decile: decile})
		}
	}
	return t
})

// LSOAs lists the areas the gap analysis covers, sorted by code; the
// slice is the caller's own.
func LSOAs() []LSOA { return slices.Clone(lsoas().all) }

// membership is the ward and local authority of an LSOA.
type membership struct{ ward, lad string }

// shippedAreas are the postcode areas of geo's NSPL extract (docs/DATA.md):
// the only source in Kith that says which ward and local authority an LSOA
// is in. Elsewhere that is known only where a referral or unmet need has
// recorded it.
var shippedAreas = []string{"DG", "DT", "HG", "HR", "HX", "LD", "SM", "SR", "TD", "TF", "WC", "WN"}

// members maps each LSOA the shipped postcodes reach to its current local
// authority and the ward most of its live postcodes are in (LSOAs of 2011
// do not always nest in the wards of 2021).
var members = sync.OnceValue(func() map[string]membership {
	wards := map[string]map[string]int{}
	lads := map[string]string{}
	for _, area := range shippedAreas {
		for _, pc := range geo.Postcodes(area) {
			p, err := geo.LookupPostcode(pc)
			if err != nil || p.LSOA == "" {
				continue
			}
			if wards[p.LSOA] == nil {
				wards[p.LSOA] = map[string]int{}
			}
			wards[p.LSOA][p.Ward]++
			lads[p.LSOA], _ = geo.CurrentLAD(p.LAD)
		}
	}
	out := make(map[string]membership, len(wards))
	for code, counts := range wards {
		out[code] = membership{ward: modal(counts), lad: lads[code]}
	}
	return out
})

// modal is the most frequent key, the smallest on a tie so the answer does
// not depend on map order.
func modal(counts map[string]int) string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b)) })
	return keys[0]
}

// areaName is what an area code is called, where Kith knows: local
// authorities have names; LSOAs, wards and grid squares are shown by code.
func areaName(g Geography, code string) string {
	if g != GeoLA {
		return ""
	}
	name, _ := geo.LocalAuthority(code)
	return name
}
