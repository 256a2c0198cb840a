package search

import (
	"context"
	"fmt"
	"math"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"kith/directory"
	"kith/geo"
)

// separateNearMatches is a word's query as bleve's own queries make it:
// each stem exactly and, when long enough, with bleve's fuzzy query.
func separateNearMatches(w string, boost float64) query.Query {
	var qs []query.Query
	for _, stem := range analyse(w) {
		qs = append(qs, boostedTerm("name", stem, nameBoost*boost), boostedTerm("text", stem, boost))
		if len([]rune(stem)) >= fuzzyMinLen {
			qs = append(qs, fuzzyTerm("name", stem, nameBoost*boost*fuzzyFactor), fuzzyTerm("text", stem, boost*fuzzyFactor))
		}
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// fuzzyTerm is bleve's own fuzzy query, within one edit.
func fuzzyTerm(field, stem string, boost float64) query.Query {
	f := bleve.NewFuzzyQuery(stem)
	f.SetField(field)
	f.SetFuzziness(1)
	f.SetBoost(boost)
	return f
}

// relevance runs q and gives each hit's score over the best one's.
func relevance(t *testing.T, e *Engine, q query.Query) map[string]float64 {
	t.Helper()
	res, err := e.alias.Search(bleve.NewSearchRequestOptions(q, 100, 0, false))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for _, h := range res.Hits {
		out[h.ID] = h.Score / res.MaxScore
	}
	return out
}

// A word's query, built from one automaton and folded into the exact terms
// when the index has no near match but the word itself, ranks every service
// as bleve's own exact and fuzzy queries would.
func TestWordQueriesRankAsBlevesFuzzyQueries(t *testing.T) {
	corpus := []directory.SearchRecord{
		{ServiceID: "a", Name: "Community gardening", Description: "Grow food together."},
		{ServiceID: "b", Name: "Lunch club", Description: "A garden lunch club, and gardening on Fridays."},
		{ServiceID: "c", Name: "Allotments", Description: "Shared plots for gardening."},
		{ServiceID: "d", Name: "Chess club", Description: "Friendly games."},
	}
	warden := directory.SearchRecord{ServiceID: "e", Name: "Park warden walks", Description: "Walks with the warden."}
	corpora := map[string][]directory.SearchRecord{"no near matches": corpus, "a near match": append(corpus, warden)}
	for name, recs := range corpora {
		e := indexedEngine(t, recs)
		for _, words := range [][]string{{"gardening"}, {"gardening", "club"}, {"allotments", "garden", "chess"}, {"gardn"}, {"gadren"}} {
			var ours, blevesOwn []query.Query
			for _, w := range words {
				ours, blevesOwn = append(ours, wordQuery(w, 1)), append(blevesOwn, separateNearMatches(w, 1))
			}
			got := relevance(t, e, bleve.NewDisjunctionQuery(ours...))
			want := relevance(t, e, bleve.NewDisjunctionQuery(blevesOwn...))
			if len(got) != len(want) || len(got) == 0 {
				t.Fatalf("%s, %v: %v, want %v", name, words, got, want)
			}
			for id, r := range want {
				if math.Abs(got[id]-r) > 1e-9 {
					t.Errorf("%s, %v: %s relevance %v, want %v", name, words, id, got[id], r)
				}
			}
		}
	}
}

// Where a service meets narrows a text search but does not score: two
// listings with the same words score alike, however
// crowded the grid square of each is.
func TestCrowdedCellsDoNotChangeRelevance(t *testing.T) {
	centre := geo.MustLonLat(-1.38, 54.90)
	east, west := geo.MustLonLat(-1.38+0.023, 54.90), geo.MustLonLat(-1.38-0.023, 54.90) // about 1.5 km each way
	at := func(id, name string, p geo.Point) directory.SearchRecord {
		return directory.SearchRecord{ServiceID: id, Name: name, Venues: []directory.SearchVenue{{Point: p}}}
	}
	recs := []directory.SearchRecord{at("crowded", "Knitting circle", east), at("alone", "Knitting circle", west)}
	for i := range 20 {
		recs = append(recs, at(fmt.Sprint("chess-", i), "Chess club", east))
	}
	e := indexedEngine(t, recs)
	res, err := e.Search(context.Background(), Query{Text: "knitting", Near: &geo.Place{Point: centre}, RadiusKm: 2, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 2 || res.Hits[0].Score != res.Hits[1].Score {
		t.Fatalf("hits %+v, want both knitting circles with the same score", res.Hits)
	}
}
