package search

import (
	"slices"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"kith/directory"
	"kith/geo"
)

// TestKeywordFieldsHoldTheFacts checks that each filterable fact indexed as
// a keyword list is found by its own term, and the assurance by a range of
// times, in a real index.
func TestKeywordFieldsHoldTheFacts(t *testing.T) {
	now := time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
	until := map[string]time.Time{"walks": now.AddDate(0, 6, 0), "lapsed": now.AddDate(0, -1, 0)}
	recs := []directory.SearchRecord{
		{ServiceID: "walks", Name: "Health walks", Categories: []string{"physical-activity", "walking"},
			Delivery: []string{"in_person"}, Free: true,
			Venues:   []directory.SearchVenue{{Point: geo.MustLonLat(-1.38, 54.90)}, {Point: geo.MustLonLat(-1.52, 54.97)}},
			Sessions: []directory.SearchSession{{Freq: "WEEKLY", ByDay: []string{"TU"}, OpensAt: "10:00", ClosesAt: "11:30"}}},
		{ServiceID: "phone", Name: "Phone befriending", Categories: []string{"loneliness"},
			Delivery: []string{"phone", "online"}},
		{ServiceID: "lapsed", Name: "Lunch club", Categories: []string{"loneliness", "food"},
			Delivery: []string{"in_person"}, Venues: []directory.SearchVenue{{Point: geo.MustLonLat(-1.38, 54.90)}},
			Sessions: []directory.SearchSession{{Freq: "WEEKLY", ByDay: []string{"TU", "FR"}, OpensAt: "12:00", ClosesAt: "14:00"}}},
	}
	idx := keywordIndex(t, recs, until)
	inCell := cellTerm(geo.CellOf(geo.MustLonLat(-1.38, 54.90), 4), 4)
	after := now.Format(time.RFC3339)
	for _, c := range []struct {
		field, term string
		want        []string
	}{
		{"categories", "loneliness", []string{"lapsed", "phone"}},
		{"categories", "walking", []string{"walks"}},
		{"delivery", "online", []string{"phone"}},
		{"delivery", "in_person", []string{"lapsed", "walks"}},
		{"slots", "tue-morning", []string{"walks"}},
		{"slots", "fri-afternoon", []string{"lapsed"}},
		{"free", "true", []string{"walks"}},
		{"cells", remoteCell, []string{"phone"}},
		{"cells", inCell, []string{"lapsed", "walks"}},
	} {
		q := bleve.NewTermQuery(c.term)
		q.SetField(c.field)
		if got := idsOf(t, idx, q); !slices.Equal(got, c.want) {
			t.Errorf("%s:%s found %v, want %v", c.field, c.term, got, c.want)
		}
	}
	q := bleve.NewTermRangeQuery(after, "")
	q.SetField("assured_until")
	if got := idsOf(t, idx, q); !slices.Equal(got, []string{"walks"}) {
		t.Errorf("assured after %s: %v, want [walks]", after, got)
	}
}

func keywordIndex(t *testing.T, recs []directory.SearchRecord, until map[string]time.Time) bleve.Index {
	t.Helper()
	g, err := newGeneration(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(g.discard)
	batch := g.idx.NewBatch()
	for _, r := range recs {
		if err := batch.Index(r.ServiceID, toIndexDoc(r, until[r.ServiceID])); err != nil {
			t.Fatal(err)
		}
	}
	if err := g.idx.Batch(batch); err != nil {
		t.Fatal(err)
	}
	return g.idx
}

func idsOf(t *testing.T, idx bleve.Index, q query.Query) []string {
	t.Helper()
	res, err := idx.Search(bleve.NewSearchRequestOptions(q, 100, 0, false))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	slices.Sort(ids)
	return ids
}

func TestKeywordsAnalyzerSplitsOnSpaces(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"remote", []string{"remote"}},
		{"1:3:4 4:0:1 16:0:0", []string{"1:3:4", "4:0:1", "16:0:0"}},
		{" tue-morning  fri-evening ", []string{"tue-morning", "fri-evening"}},
	} {
		var got []string
		for i, tok := range (keywordsAnalyzer{}).Analyze([]byte(c.in)) {
			got = append(got, string(tok.Term))
			if tok.Position != i+1 || c.in[tok.Start:tok.End] != string(tok.Term) {
				t.Errorf("%q: token %d %+v", c.in, i, tok)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: %q, want %q", c.in, got, c.want)
		}
	}
}
