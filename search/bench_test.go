package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"kith/directory"
	"kith/geo"
)

// benchEngine is an engine whose facts table holds n services scattered
// around a few northern towns, with no bleve index: enough for the no-text
// path, which never touches bleve.
func benchEngine(n int) *Engine {
	rng := rand.New(rand.NewPCG(7, 7))
	towns := []geo.Point{geo.MustLonLat(-1.38, 54.90), geo.MustLonLat(-1.61, 54.97), geo.MustLonLat(-1.55, 53.80)}
	codes := []string{"walking", "physical-activity", "loneliness", "befriending", "singing", "arts-creativity", "debt-advice", "money-debt"}
	days := []string{"MO", "TU", "WE", "TH", "FR", "SA", "SU"}
	t := newTable()
	for i := range n {
		town := towns[rng.IntN(len(towns))]
		p := geo.MustLonLat(town.Lon()+rng.NormFloat64()*0.15, town.Lat()+rng.NormFloat64()*0.1)
		rec := directory.SearchRecord{ServiceID: fmt.Sprintf("svc-%06d", i), Name: fmt.Sprintf("Group %d", rng.IntN(n)),
			Categories: []string{codes[rng.IntN(len(codes))], codes[rng.IntN(len(codes))]},
			Venues:     []directory.SearchVenue{{Point: p}}, Free: rng.IntN(3) > 0, Delivery: []string{"in_person"},
			Sessions: []directory.SearchSession{{Freq: "WEEKLY", ByDay: []string{days[rng.IntN(7)]}, OpensAt: "10:00", ClosesAt: "12:00"}}}
		t.put(factsOf(rec, time.Time{}))
	}
	e := newEngine(Config{}, "", nil)
	e.tbl.Store(t)
	return e
}

func BenchmarkSearchNearest(b *testing.B) {
	e := benchEngine(100000)
	for _, km := range []float64{2, 10, 25} {
		b.Run(fmt.Sprintf("%gkm", km), func(b *testing.B) {
			place := geo.Place{Point: geo.MustLonLat(-1.38, 54.90)}
			q := Query{Near: &place, RadiusKm: km, Limit: 50}
			for b.Loop() {
				if _, err := e.Search(context.Background(), q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
