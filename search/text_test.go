package search

import (
	"context"
	"fmt"
	"math"
	"slices"
	"testing"
	"time"

	"kith/directory"
	"kith/geo"
)

// TestTextScoresFollowTheFormula checks the scores read from the index
// against the documented TF-IDF worked out from the records themselves,
// typos by brute-force edit distance.
func TestTextScoresFollowTheFormula(t *testing.T) {
	corpus := []directory.SearchRecord{
		{ServiceID: "a", Name: "Community gardening", Description: "Grow food together in the community garden."},
		{ServiceID: "b", Name: "Lunch club", Description: "A garden lunch club, and gardening on Fridays.", Organisation: "Age UK"},
		{ServiceID: "c", Name: "Allotments", Description: "Shared plots for gardening.", CategoryNames: []string{"Gardening"}},
		{ServiceID: "d", Name: "Chess club", Description: "Friendly games for anyone feeling lonely."},
		{ServiceID: "e", Name: "Park warden walks", Description: "Walks with the warden."},
		{ServiceID: "f", Name: "Money advice", Description: "Help with debt and benefits advice."},
		{ServiceID: "g", Name: "Advice drop-in", Description: "General advice."},
	}
	for _, kept := range []bool{false, true} {
		if kept {
			setForTest(t, &impactMinDocs, 0) // every list kept
		}
		checkFormula(t, indexedEngine(t, corpus), corpus)
	}
}

func checkFormula(t *testing.T, e *Engine, corpus []directory.SearchRecord) {
	t.Helper()
	for _, text := range []string{"gardening", "gardening club", "allotments garden chess", "gardn", "gadren", "lonely", "debt", "warden advice"} {
		want := formulaScores(corpus, planText(text))
		res, err := e.Search(context.Background(), Query{Text: text, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != len(want) || len(want) == 0 {
			t.Fatalf("%q: %d hits %+v, want %v", text, len(res.Hits), res.Hits, want)
		}
		top := res.Hits[0].Score
		for _, h := range res.Hits {
			if math.Abs(h.Score/top-want[h.ServiceID]) > 1e-5 {
				t.Errorf("%q: %s relevance %v, want %v", text, h.ServiceID, h.Score/top, want[h.ServiceID])
			}
		}
	}
}

// formulaScores is each matching record's score over the best one's.
func formulaScores(recs []directory.SearchRecord, plan textPlan) map[string]float64 {
	fields := make([][len(textFields)][]string, len(recs))
	df := [len(textFields)]map[string]int{{}, {}}
	for i, r := range recs {
		doc := toIndexDoc(r, time.Time{})
		for fi, text := range []string{doc.Name, doc.Text} {
			fields[i][fi] = analyse(text)
			for _, term := range slices.Compact(slices.Sorted(slices.Values(fields[i][fi]))) {
				df[fi][term]++
			}
		}
	}
	scores, best := map[string]float64{}, 0.0
	for i, r := range recs {
		total, matched := 0.0, 0
		for _, p := range plan.parts {
			s, ok := 0.0, false
			for fi, toks := range fields[i] {
				if p.all && !containsAll(toks, p.stems) {
					continue
				}
				for term, weight := range formulaTerms(p, df[fi]) {
					if tf := countOf(toks, term); tf > 0 {
						idf := 1 + math.Log(float64(len(recs))/float64(df[fi][term]+1))
						s += weight * fieldBoosts[fi] * idf * idf * math.Sqrt(float64(tf)) / math.Sqrt(float64(len(toks)))
						ok = true
					}
				}
			}
			if ok {
				total, matched = total+s, matched+1
			}
		}
		if matched > 0 {
			scores[r.ServiceID] = total * float64(matched) / float64(len(plan.parts))
			best = max(best, scores[r.ServiceID])
		}
	}
	for id := range scores {
		scores[id] /= best
	}
	return scores
}

// formulaTerms are the terms a part matches in a field with vocabulary
// vocab, and what each counts before the field's boost.
func formulaTerms(p planPart, vocab map[string]int) map[string]float64 {
	out := map[string]float64{}
	for _, stem := range p.stems {
		out[stem] = p.boost
		if p.all || len([]rune(stem)) < fuzzyMinLen {
			continue
		}
		for term := range vocab {
			if term != stem && editDistance(term, stem) == 1 {
				out[term] = p.boost * typoWeight
			}
		}
	}
	return out
}

// editDistance counts insertions, deletions, substitutions and swaps of
// neighbouring letters (optimal string alignment).
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range y {
		d[0][j+1] = j + 1
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

func containsAll(toks, stems []string) bool {
	for _, s := range stems {
		if !slices.Contains(toks, s) {
			return false
		}
	}
	return true
}

func countOf(toks []string, term string) int {
	n := 0
	for _, t := range toks {
		if t == term {
			n++
		}
	}
	return n
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
