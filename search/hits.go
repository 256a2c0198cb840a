package search

import (
	"context"
	"math"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// textMatches scores the words over the index and checks every scored
// service against the facts table: one pass over all matches, in no order,
// since the total, the facets and the blended ranking need every one of
// them anyway. With a place, only services in the cells covering the radius
// (or remote) are scored.
func (e *Engine) textMatches(ctx context.Context, t *table, q *Query, m *matcher, ms *matches) error {
	plan := planText(q.Text)
	plan.parts = plan.parts[:min(len(plan.parts), math.MaxUint16)]
	if len(plan.parts) == 0 {
		return nil
	}
	var cells []string
	if q.Near != nil {
		cells = cellTerms(q.Near.Point, q.RadiusKm)
	}
	// Near a place the facts are read anyway, for the venues; reading a
	// brief too was one more miss per match.
	briefs := q.Near == nil && m.access == 0 && t.fresh() // before bleve takes the snapshot
	read := readerQuery(func(r index.IndexReader) error {
		snap, ok := r.(*scorch.IndexSnapshot)
		if !ok {
			return errNotScorch
		}
		hits, err := e.segments.hitsIn(snap, t, briefs)
		if err != nil {
			return err
		}
		s, err := newTextSearch(snap, &ms.text, plan, cells)
		if err != nil {
			return err
		}
		return s.match(ctx, ms, func(l *lane, out *matches) error {
			h := *hits // its own place in the segments
			return checkScored(l, &ms.text, &h, q, m, out, len(plan.parts))
		})
	})
	_, err := e.searchIndex(ctx, bleve.NewSearchRequestOptions(read, 0, 0, false))
	return err
}

// checkScored adds every service lane l scored that passes the exact
// checks to out, its score scaled by the share of the query's parts it
// matched.
func checkScored(l *lane, b *board, hits *hitFacts, q *Query, m *matcher, out *matches, parts int) error {
	for i, doc := range l.touched {
		if !hits.briefs && i%warmAhead == 0 {
			l.warmed += hits.warm(l.touched[i:min(i+warmAhead, len(l.touched))])
		}
		br, cats, f, err := hits.hit(uint64(doc))
		if err != nil {
			return err
		}
		if br == nil || !m.passes(br, cats) {
			continue
		}
		if c, ok := place(f, q, m); ok {
			c.score = float64(b.scores[doc]) * float64(b.parts[doc]) / float64(parts)
			out.addBrief(c, br, cats)
		}
	}
	return nil
}

// warmAhead is how many services' facts are fetched from memory together.
const warmAhead = 32

// searchIndex asks bleve, surviving what a damaged index does to it.
func (e *Engine) searchIndex(ctx context.Context, req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	return e.guard(ctx, func() (*bleve.SearchResult, error) { return e.alias.SearchInContext(ctx, req) })
}

// readerQuery hands the snapshot of the index a search reads to a function,
// and matches nothing itself. Asking through the alias keeps what bleve
// does for every search: the snapshot is the one current when the search
// began, its segments stay mapped until it ends, and a rebuild's swap
// waits for it.
type readerQuery func(r index.IndexReader) error

func (read readerQuery) Searcher(_ context.Context, r index.IndexReader, _ mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	if err := read(r); err != nil {
		return nil, err
	}
	return searcher.NewMatchNoneSearcher(r)
}
