package search

import (
	"context"
	"slices"
	"testing"
	"time"

	"kith/directory"
	"kith/geo"
)

// indexedEngine is an engine over a real bleve index and facts table built
// from recs, with no database: enough to search.
func indexedEngine(t *testing.T, recs []directory.SearchRecord) *Engine {
	t.Helper()
	g, err := newGeneration(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(g.discard)
	tbl := newTable()
	batch := g.idx.NewBatch()
	for _, r := range recs {
		tbl.put(factsOf(r, time.Time{}))
		if err := batch.Index(r.ServiceID, toIndexDoc(r, time.Time{})); err != nil {
			t.Fatal(err)
		}
	}
	if err := g.idx.Batch(batch); err != nil {
		t.Fatal(err)
	}
	tbl.indexedTo(tbl.version)
	e := newEngine(Config{}, "", nil)
	e.tbl.Store(tbl)
	e.gen.Store(g)
	e.alias.Add(g.idx)
	e.ready.Store(true)
	return e
}

func knittingGroup(id string) directory.SearchRecord {
	return directory.SearchRecord{ServiceID: id, Name: "Knitting circle " + id, Description: "Knit and natter.",
		Venues: []directory.SearchVenue{{Point: geo.MustLonLat(-1.38, 54.90)}}}
}

// searchText is the first ten hits of a search for text.
func searchText(t *testing.T, e *Engine, text string) Result {
	t.Helper()
	res, err := e.Search(context.Background(), Query{Text: text, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func foundIDs(t *testing.T, e *Engine, text string) []string {
	t.Helper()
	res := searchText(t, e, text)
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ServiceID)
	}
	if res.Total != len(ids) {
		t.Fatalf("total %d for %d hits", res.Total, len(ids))
	}
	slices.Sort(ids)
	return ids
}

// Text hits reach their facts through slots remembered per segment; when
// the table moves on before bleve does (the follower updates the table
// first, and a rebuild swaps both), a remembered slot must never lend a hit
// another service's facts.
func TestTextHitsFollowTheTableNotStaleSlots(t *testing.T) {
	e := indexedEngine(t, []directory.SearchRecord{knittingGroup("a"), knittingGroup("b"), knittingGroup("c")})
	if got := foundIDs(t, e, "knitting"); !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Fatalf("before: %v", got)
	}
	tbl := e.tbl.Load()
	tbl.remove("b") // bleve still has b
	if got := foundIDs(t, e, "knitting"); !slices.Equal(got, []string{"a", "c"}) {
		t.Fatalf("b removed from the table: %v", got)
	}
	other := knittingGroup("d") // not in bleve; takes b's slot
	other.Name = "Chess club"
	tbl.put(factsOf(other, time.Time{}))
	if got := foundIDs(t, e, "knitting"); !slices.Equal(got, []string{"a", "c"}) {
		t.Fatalf("b's slot reused by d: %v", got)
	}
	tbl.put(factsOf(knittingGroup("b"), time.Time{})) // back, in another slot
	if got := foundIDs(t, e, "knitting"); !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Fatalf("b back in the table: %v", got)
	}
}

// A text hit is checked against the table's facts as they are now: facts a
// segment remembers must give way once the service is written again, and a
// service's every category counts, however many it has (more than fit in
// the facts' own array).
func TestTextHitsAreCheckedAgainstTheFactsNow(t *testing.T) {
	many := []string{"arts", "crafts", "knitting", "sewing", "social", "wellbeing"}
	b := knittingGroup("b")
	b.Categories = many
	e := indexedEngine(t, []directory.SearchRecord{knittingGroup("a"), b})
	search := func(q Query) []string {
		t.Helper()
		q.Text, q.Limit = "knitting", 10
		res, err := e.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		ids := []string{}
		for _, h := range res.Hits {
			ids = append(ids, h.ServiceID)
		}
		if n := res.Facets.Categories["wellbeing"]; n != len(ids) && q.Categories != nil {
			t.Fatalf("%v: wellbeing counted %d times for hits %v", q, n, ids)
		}
		return ids
	}
	for _, c := range many {
		if got := search(Query{Categories: []string{c}}); !slices.Equal(got, []string{"b"}) {
			t.Fatalf("category %s: %v", c, got)
		}
	}
	if got := search(Query{Free: true}); len(got) != 0 {
		t.Fatalf("free before any is: %v", got)
	}
	tbl := e.tbl.Load()
	b.Free = true
	tbl.put(factsOf(b, time.Time{}))
	if got := search(Query{Free: true}); !slices.Equal(got, []string{"b"}) {
		t.Fatalf("b made free: %v", got)
	}
	b.Free, b.Categories = false, nil
	tbl.put(factsOf(b, time.Time{}))
	if got := search(Query{Free: true}); len(got) != 0 {
		t.Fatalf("b no longer free: %v", got)
	}
	if got := search(Query{Categories: []string{"wellbeing"}}); len(got) != 0 {
		t.Fatalf("b no longer in wellbeing: %v", got)
	}
}

// A text search checks its hits against the copies of their briefs a
// segment keeps only while the table is fresh: every change it holds is in
// the index too. The table here is told it is fresh when it is not, to show
// the copies are what a fresh search reads, and that a change to the table
// alone sends searches back to the facts.
func TestSegmentBriefsServeOnlyAFreshTable(t *testing.T) {
	e := indexedEngine(t, []directory.SearchRecord{knittingGroup("a"), knittingGroup("b")})
	free := func() []string {
		t.Helper()
		res, err := e.Search(context.Background(), Query{Text: "knitting", Free: true, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		ids := []string{}
		for _, h := range res.Hits {
			ids = append(ids, h.ServiceID)
		}
		return ids
	}
	if got := free(); len(got) != 0 {
		t.Fatalf("free before any is: %v", got)
	}
	tbl := e.tbl.Load()
	a := knittingGroup("a")
	a.Free = true
	tbl.put(factsOf(a, time.Time{}))
	if tbl.fresh() {
		t.Fatal("a change to the table alone left it fresh")
	}
	if got := free(); !slices.Equal(got, []string{"a"}) {
		t.Fatalf("a made free in the table: %v", got)
	}
	tbl.indexedTo(tbl.version) // a lie: bleve still has a's old document
	if got := free(); len(got) != 0 {
		t.Fatalf("fresh search did not read the segment's copy of a's brief: %v", got)
	}
}
