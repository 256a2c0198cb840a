package search

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"kith/directory"
	"kith/geo"
)

// A wide text search is split between two lanes, each scoring and checking
// half of the index's documents. Its page, scores, distances, total and
// facets must be exactly those of one lane: with the index in two
// segments, documents deleted from the first, and the table ahead of
// bleve (services removed from the table only).
func TestTwoLanesFindWhatOneDoes(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var recs []directory.SearchRecord
	for i := range 3000 {
		recs = append(recs, wordyRecord(rng, fmt.Sprintf("s%04d", i)))
	}
	e := indexedEngine(t, recs)
	g, tbl := e.gen.Load(), e.tbl.Load()
	batch := g.idx.NewBatch()
	for i := range 600 { // updated, in a second segment, and new
		r := wordyRecord(rng, fmt.Sprintf("s%04d", rng.IntN(3000)+i/300*1000))
		tbl.put(factsOf(r, time.Time{}))
		if err := batch.Index(r.ServiceID, toIndexDoc(r, time.Time{})); err != nil {
			t.Fatal(err)
		}
	}
	if err := g.idx.Batch(batch); err != nil {
		t.Fatal(err)
	}
	for range 100 {
		tbl.remove(fmt.Sprintf("s%04d", rng.IntN(3000)))
	}
	for _, q := range laneQueries() {
		one, two := searchInLanes(t, e, q, math.MaxUint64), searchInLanes(t, e, q, 0)
		if one.Total == 0 {
			t.Fatalf("%q near %v: nothing found; the test needs wider queries", q.Text, q.Near)
		}
		if !reflect.DeepEqual(one, two) {
			t.Fatalf("%q near %v: one lane found %d %+v, two lanes %d %+v", q.Text, q.Near, one.Total, one.Hits, two.Total, two.Hits)
		}
	}
}

func searchInLanes(t *testing.T, e *Engine, q Query, from uint64) Result {
	t.Helper()
	old := twoLanesFrom
	twoLanesFrom = from
	defer func() { twoLanesFrom = old }()
	res, err := e.Search(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// laneQueries cover words alone, typos, synonyms of several words, places
// and filters.
func laneQueries() []Query {
	place := geo.Place{Point: geo.MustLonLat(-1.38, 54.90)}
	var qs []Query
	for _, text := range []string{"gardening", "lonely club", "debt", "gardnening walks", "support group singing", "money"} {
		qs = append(qs, Query{Text: text, Limit: 20}, Query{Text: text, Limit: 50, Offset: 10, Free: true},
			Query{Text: text, Near: &place, RadiusKm: 5, Limit: 20}, Query{Text: text, Near: &place, RadiusKm: 25, Limit: 100, Categories: []string{"walking"}})
	}
	return qs
}

var laneWords = strings.Fields(`gardening garden walk walking club lunch support group singing choir
	money advice debt benefits lonely friendship company coffee morning art craft knit chess men shed
	carers parents tea dance football bowls yoga chair exercise allotment food bank help drop-in`)

// wordyRecord is a service with a name and description drawn from
// laneWords, near a town or remote.
func wordyRecord(rng *rand.Rand, id string) directory.SearchRecord {
	words := func(n int) string {
		var w []string
		for range n {
			w = append(w, laneWords[rng.IntN(len(laneWords))])
		}
		return strings.Join(w, " ")
	}
	r := directory.SearchRecord{ServiceID: id, Name: words(2 + rng.IntN(2)), Description: words(6 + rng.IntN(10)),
		Categories: []string{[]string{"walking", "singing", "debt-advice"}[rng.IntN(3)]}, Free: rng.IntN(2) == 0,
		Delivery: []string{directory.DeliveryModes[rng.IntN(2)]}}
	if rng.IntN(20) > 0 {
		p := geo.MustLonLat(-1.38+rng.NormFloat64()*0.2, 54.9+rng.NormFloat64()*0.1)
		r.Venues = []directory.SearchVenue{{Point: p}}
	}
	return r
}

// A lane's goroutine may fault reading a segment truncated under it, as
// the search's own may: the search fails with ErrIndexFailed and the
// process lives on.
func TestFaultInALaneFailsTheSearchNotTheProcess(t *testing.T) {
	e := indexedEngine(t, []directory.SearchRecord{knittingGroup("a")})
	fault := FaultOnTruncatedMap(t)
	var started sync.WaitGroup
	started.Add(maxLanes)
	err := e.Guard(context.Background(), func() error {
		return inLanes(maxLanes, func(int) error {
			started.Done()
			started.Wait() // so each lane has a goroutine of its own
			return fault()
		})
	})
	if !errors.Is(err, ErrIndexFailed) {
		t.Fatalf("got %v, want ErrIndexFailed", err)
	}
}
