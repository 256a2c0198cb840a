package search

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"kith/directory"
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
			kept += int64(len(imp.docs))
		}
	}
	segs := len(impactSegs.segs)
	impactSegs.mu.Unlock()
	if segs != 1 || kept != impactPostings.Load() || kept == 0 || impactPostings.Load() != before {
		t.Fatalf("%d segments kept holding %d postings, %d counted (%d before the rebuild)", segs, kept, impactPostings.Load(), before)
	}
}
