package main

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

var outcodeHeader = []string{"outcode", "lat", "lon", "live_postcodes"}

type outcodeRow struct {
	outcode  string
	lat, lon float64
	live     int
}

// outcodeAcc sums the live postcodes of each outward code. Only live ones
// count because terminated postcodes often belong to demolished estates or
// old large-user addresses and would drag the centre towards places nobody is
// referred from any more.
//
// Every country's postcodes are summed, not just England's: a district that
// straddles the border (TD9, TD5, LD7, DG16…) is mostly Scottish or Welsh, and
// an English-only mean would put its centre kilometres from where the district
// really is, misplacing every unknown postcode that falls back to it.
type outcodeAcc map[string]*outcodeRow

func (a outcodeAcc) add(p postcodeRow) {
	oc, _, _ := strings.Cut(p.postcode, " ")
	r := a[oc]
	if r == nil {
		r = &outcodeRow{outcode: oc}
		a[oc] = r
	}
	if !p.terminated {
		r.lat += p.lat
		r.lon += p.lon
		r.live++
	}
}

// outcodeCentroids returns the mean point of every outcode that holds at
// least one shipped (English) postcode. An outcode with no live postcode gets
// no centroid: an unknown postcode there is better reported as unknown than
// placed on a guess.
//
// A plain mean over a district of a few hundred square kilometres at most is
// well within the error of "somewhere in this district", so no spherical
// averaging is needed. It is computed from full-precision source values.
func outcodeCentroids(a outcodeAcc, pcs []postcodeRow, log io.Writer) []outcodeRow {
	var order []string
	for _, p := range pcs {
		oc, _, _ := strings.Cut(p.postcode, " ")
		if len(order) == 0 || order[len(order)-1] != oc {
			order = append(order, oc)
		}
	}
	slices.Sort(order)
	order = slices.Compact(order)
	var rows []outcodeRow
	for _, oc := range order {
		r := a[oc]
		if r.live == 0 {
			fmt.Fprintf(log, "outcode %s has no live postcodes: no centroid\n", oc)
			continue
		}
		rows = append(rows, outcodeRow{oc, r.lat / float64(r.live), r.lon / float64(r.live), r.live})
	}
	return rows
}

func outcodeRecords(rows []outcodeRow) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = []string{r.outcode, fmtCoord(r.lat), fmtCoord(r.lon), strconv.Itoa(r.live)}
	}
	return out
}
