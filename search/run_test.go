package search

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"kith/directory"
	"kith/geo"
)

// A search near a place measures only the venues it must, and with no
// filters counts whole squares from their tallies; its page, its distances,
// its total and its facets must still be exactly those of measuring every
// venue of every service, whatever the radius, page size and offset, with
// services at one venue or several, and after services are removed, moved
// and added.
func TestNearestPagesMatchMeasuringEverything(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	tbl := newTable()
	for i := range 4000 {
		tbl.put(randomFacts(rng, fmt.Sprintf("s%04d", i)))
	}
	e := newEngine(Config{}, "", nil)
	e.tbl.Store(tbl)
	checkNearest(t, e, tbl, rng)
	for i := range 1500 {
		id := fmt.Sprintf("s%04d", rng.IntN(4000))
		if i%3 == 0 {
			tbl.remove(id)
		} else {
			tbl.put(randomFacts(rng, id))
		}
	}
	checkNearest(t, e, tbl, rng)
}

// randomFacts is a service at none, one or several venues around one town.
func randomFacts(rng *rand.Rand, id string) *facts {
	rec := directory.SearchRecord{ServiceID: id, Name: fmt.Sprintf("Group %d", rng.IntN(500)),
		Categories: []string{[]string{"walking", "singing"}[rng.IntN(2)]}, Free: rng.IntN(2) == 0,
		Delivery: []string{directory.DeliveryModes[rng.IntN(2)]}}
	for range 1 + rng.IntN(3)*rng.IntN(2) {
		p := geo.MustLonLat(-1.4+rng.NormFloat64()*0.3, 54.9+rng.NormFloat64()*0.2)
		rec.Venues = append(rec.Venues, directory.SearchVenue{Point: p})
	}
	return factsOf(rec, time.Time{})
}

func checkNearest(t *testing.T, e *Engine, tbl *table, rng *rand.Rand) {
	t.Helper()
	for _, km := range []float64{0.5, 2, 5, 10, 25, 50} {
		for _, page := range [][2]int{{1, 0}, {20, 0}, {50, 0}, {20, 40}, {100, 900}} {
			place := geo.Place{Point: geo.MustLonLat(-1.38+rng.Float64()*0.1, 54.9)}
			q := Query{Near: &place, RadiusKm: km, Limit: page[0], Offset: page[1]}
			switch km { // a filter makes every service be looked at
			case 5:
				q.Delivery = []string{directory.DeliveryModes[0]}
			case 10:
				q.Categories = []string{"walking"}
			case 25:
				q.Free = true
			}
			got, err := e.Search(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			want, total, facets := measureEverything(tbl, &q)
			if got.Total != total || len(got.Hits) != len(want) {
				t.Fatalf("%g km %v: %d hits of %d, want %d of %d", km, page, len(got.Hits), got.Total, len(want), total)
			}
			for i, h := range got.Hits {
				if h.ServiceID != want[i].f.id || *h.DistanceKm != want[i].dist {
					t.Fatalf("%g km %v: hit %d is %s at %v, want %s at %v", km, page, i, h.ServiceID, *h.DistanceKm, want[i].f.id, want[i].dist)
				}
			}
			if !reflect.DeepEqual(got.Facets, facets) {
				t.Fatalf("%g km %v: facets %v, want %v", km, page, got.Facets, facets)
			}
		}
	}
}

// measureEverything checks every service of t against q the slow way and
// returns q's page, the total and the facets.
func measureEverything(t *table, q *Query) ([]candidate, int, Facets) {
	m := newMatcher(q, 0)
	var all []candidate
	var ms matches
	for _, f := range t.docs {
		if c, ok := t.check(f, q, m); ok {
			all = append(all, c)
			ms.add(c)
		}
	}
	slices.SortFunc(all, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(a.dist, b.dist), cmp.Compare(a.f.name, b.f.name), cmp.Compare(a.f.id, b.f.id))
	})
	return all[min(q.Offset, len(all)):min(q.Offset+q.Limit, len(all))], len(all), ms.facets()
}
