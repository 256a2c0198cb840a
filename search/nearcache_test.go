package search

import (
	"slices"
	"testing"
	"time"

	"kith/directory"
)

// Near terms come from the cache the second time a stem is searched for,
// and are the same as a walk of the dictionary; a segment written after
// the first search (here holding "warden", one edit from "garden") is
// walked, not answered from the cache of the others.
func TestNearTermsCachedPerSegment(t *testing.T) {
	setForTest(t, &nearCacheMinDocs, 0)
	e := indexedEngine(t, []directory.SearchRecord{
		{ServiceID: "a", Name: "Community gardening", Description: "A garden to grow food together."},
		{ServiceID: "b", Name: "Lunch club", Description: "Gardens and a lunch club."},
	})
	near := func() []string {
		t.Helper()
		adv, err := e.gen.Load().idx.Advanced()
		if err != nil {
			t.Fatal(err)
		}
		r, err := adv.Reader()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		n, err := nearTerms(r, "garden")
		if err != nil {
			t.Fatal(err)
		}
		return slices.Concat(n[0].terms, n[1].terms)
	}
	first := near()
	if !slices.Equal(first, near()) || !slices.Contains(first, "garden") {
		t.Fatalf("near terms %v, then %v", first, near())
	}
	b := e.gen.Load().idx.NewBatch()
	if err := b.Index("w", toIndexDoc(directory.SearchRecord{ServiceID: "w", Name: "Park warden walks"}, time.Time{})); err != nil {
		t.Fatal(err)
	}
	if err := e.gen.Load().idx.Batch(b); err != nil {
		t.Fatal(err)
	}
	if got := near(); !slices.Contains(got, "warden") {
		t.Fatalf("near terms %v after a new segment with warden", got)
	}
}
