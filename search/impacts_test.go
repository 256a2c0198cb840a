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

// Kept impacts hold every document of their segment; a later snapshot in
// which some of them are deleted (a listing renamed, its new document in a
// new segment) must score as bleve's iterator does, which skips them.
func TestKeptImpactsSkipWhatASnapshotDeleted(t *testing.T) {
	recs := []directory.SearchRecord{knittingGroup("a"), knittingGroup("b"), knittingGroup("c"), knittingGroup("d")}
	renamed := knittingGroup("b")
	renamed.Name, renamed.Description = "Chess club", "Games and a natter."
	answers := func(kept bool) []string {
		t.Helper()
		if kept {
			setForTest(t, &impactMinDocs, 0) // every list kept
		}
		e := indexedEngine(t, recs)
		first := scoredHits(t, e, "knitting natter")
		b := e.gen.Load().idx.NewBatch()
		if err := b.Index("b", toIndexDoc(renamed, time.Time{})); err != nil {
			t.Fatal(err)
		}
		b.Delete("d")
		if err := e.gen.Load().idx.Batch(b); err != nil {
			t.Fatal(err)
		}
		return append(first, scoredHits(t, e, "knitting natter")...)
	}
	plain, kept := answers(false), answers(true)
	if !slices.Equal(plain, kept) {
		t.Fatalf("with impacts kept:\n %v\nread through bleve:\n %v", kept, plain)
	}
	if len(plain) != 4+3 {
		t.Fatalf("hits %v: want a, b, c, d, then a, b (by natter), c", plain)
	}
}

// scoredHits is each hit of text as "id score".
func scoredHits(t *testing.T, e *Engine, text string) []string {
	t.Helper()
	var out []string
	for _, h := range searchText(t, e, text).Hits {
		out = append(out, fmt.Sprintf("%s %.6g", h.ServiceID, h.Score))
	}
	return out
}

// The budget is spent on the live index: the impacts of a segment a
// rebuild replaced are forgotten, and their postings counted back, the
// first time a search reads the new one.
func TestKeptImpactsOfAReplacedIndexAreForgotten(t *testing.T) {
	setForTest(t, &impactMinDocs, 0)
	recs := []directory.SearchRecord{knittingGroup("a"), knittingGroup("b")}
	old := indexedEngine(t, recs)
	scoredHits(t, old, "knitting natter")
	before := impactPostings.Load()
	scoredHits(t, indexedEngine(t, recs), "knitting natter")
	kept := int64(0)
	impactSegs.mu.Lock()
	for _, si := range impactSegs.segs {
		for _, imp := range si.byTerm {
			kept += int64(imp.cost())
		}
	}
	segs := len(impactSegs.segs)
	impactSegs.mu.Unlock()
	if segs != 1 || kept != impactPostings.Load() || kept == 0 || impactPostings.Load() != before {
		t.Fatalf("%d segments kept holding %d postings, %d counted (%d before the rebuild)", segs, kept, impactPostings.Load(), before)
	}
}

// Kept postings hold a document number's low 16 bits and an index into
// the term's distinct impacts; reading a range of them back must give the
// numbers and impacts put in, across runs of high bits, empty ones too.
func TestImpactsGiveBackWhatWasAdded(t *testing.T) {
	type posting struct {
		doc uint64
		w   float32
	}
	var in []posting
	for _, d := range []uint64{0, 5, 64, 65535, 65536, 70000, 131071, 200000, 200001, 262143} {
		in = append(in, posting{d, float32(d%3) + 0.5})
	}
	imp := &impacts{}
	index := map[float32]uint16{}
	for _, p := range in {
		if !imp.add(uint32(p.doc), p.w, index) {
			t.Fatalf("add %d refused", p.doc)
		}
	}
	imp.starts = append(imp.starts, int32(len(imp.lows)))
	if len(imp.values) != 3 {
		t.Fatalf("%d distinct impacts kept, want 3", len(imp.values))
	}
	del := make([]uint64, 262144/64)
	del[70000/64] |= 1 << (70000 % 64)
	for _, r := range [][2]uint32{{0, 262144}, {1, 65536}, {65535, 65537}, {66000, 200001}, {131072, 196608}, {200001, 200002}, {5, 5}} {
		for _, d := range [][]uint64{nil, del} {
			var want, got []posting
			for _, p := range in {
				if p.doc >= uint64(r[0]) && p.doc < uint64(r[1]) && !(d != nil && has(d, p.doc)) {
					want = append(want, posting{p.doc + 7, p.w})
				}
			}
			imp.between(r[0], r[1], 7, d, func(doc uint64, w float32) { got = append(got, posting{doc, w}) })
			if !slices.Equal(got, want) {
				t.Errorf("between %v (deletions %v): %v, want %v", r, d != nil, got, want)
			}
		}
	}
	// Looking documents up finds those held, whether or not the list has
	// others around them, and nothing else.
	for _, docs := range [][]uint32{{}, {0}, {1, 2, 3}, {5, 65535, 65536, 70000}, {4, 64, 100, 131071, 131072, 200001, 262143}, {262144}} {
		for _, d := range [][]uint64{nil, del} {
			var want, got []posting
			for _, p := range in {
				if slices.Contains(docs, uint32(p.doc)) && !(d != nil && has(d, p.doc)) {
					want = append(want, posting{p.doc + 7, p.w})
				}
			}
			shifted := make([]uint32, len(docs))
			for i, doc := range docs {
				shifted[i] = doc + 7
			}
			imp.among(shifted, 7, d, func(doc uint64, w float32) { got = append(got, posting{doc, w}) })
			if !slices.Equal(got, want) {
				t.Errorf("among %v (deletions %v): %v, want %v", docs, d != nil, got, want)
			}
		}
	}
}

// seek finds the first place holding at least x from where it starts.
func TestSeekGallops(t *testing.T) {
	lows := []uint16{1, 3, 3, 8, 20, 21, 22, 40, 41, 60, 61, 62, 63, 99}
	for k := range len(lows) + 1 {
		for x := range uint16(101) {
			want := k
			for want < len(lows) && lows[want] < x {
				want++
			}
			if got := seek(lows, k, x); got != want {
				t.Fatalf("seek from %d for %d: %d, want %d", k, x, got, want)
			}
		}
	}
}

// Near a place, a search looks up the few documents in range in a long
// list instead of reading it through; the hits and their scores must be
// those of reading every posting through bleve's iterator.
func TestLookingUpDocumentsInRangeScoresAsReadingThrough(t *testing.T) {
	var recs []directory.SearchRecord
	for i := range 400 {
		recs = append(recs, knittingGroup(fmt.Sprintf("far%03d", i)))
	}
	for i := range 6 {
		r := knittingGroup(fmt.Sprintf("near%d", i))
		r.Venues = []directory.SearchVenue{{Point: geo.MustLonLat(-0.12+float64(i)*0.01, 51.50)}}
		if i%2 == 0 {
			r.Description = "Knit, purl and natter, natter, natter."
		}
		recs = append(recs, r)
	}
	q := Query{Text: "knitting natter", Near: &geo.Place{Point: geo.MustLonLat(-0.12, 51.50)}, RadiusKm: 5, Limit: 10}
	answers := func(kept bool) []string {
		t.Helper()
		if !kept {
			setForTest(t, &impactMinDocs, math.MaxUint64)
		}
		res, err := indexedEngine(t, recs).Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range res.Hits {
			out = append(out, fmt.Sprintf("%s %.6g %.3f", h.ServiceID, h.Score, *h.DistanceKm))
		}
		return out
	}
	looked, read := answers(true), answers(false)
	if len(read) != 6 || !slices.Equal(looked, read) {
		t.Fatalf("looking documents up:\n %v\nreading through:\n %v", looked, read)
	}
}
