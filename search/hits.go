package search

import (
	"context"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// textMatches runs the words (and the keyword restrictions) through bleve
// and checks every hit against the facts table as bleve finds it: one pass
// over all matches, in no order, since the total, the facets and the
// blended ranking need every one of them anyway. bleve neither sorts them
// nor looks up their ids.
func (e *Engine) textMatches(ctx context.Context, t *table, q *Query, m *matcher, ms *matches) error {
	collect := func(sctx *bsearch.SearchContext) (bsearch.DocumentMatchHandler, bool, error) {
		hits, err := e.segments.hitsIn(sctx.IndexReader, t)
		if err != nil {
			return nil, false, err
		}
		return func(d *bsearch.DocumentMatch) error {
			if d == nil {
				return nil // the end of the hits
			}
			defer sctx.DocumentMatchPool.Put(d)
			f, found, err := hits.facts(d.IndexInternalID)
			if !found || err != nil {
				return err
			}
			if c, ok := t.check(f, q, m); ok {
				c.score = d.Score
				ms.add(c)
			}
			return nil
		}, false, nil
	}
	ctx = context.WithValue(ctx, bsearch.MakeDocumentMatchHandlerKey, bsearch.MakeDocumentMatchHandler(collect))
	req := bleve.NewSearchRequestOptions(bleveQuery(q, m), 0, 0, false)
	_, err := e.searchIndex(ctx, req)
	return err
}

// searchIndex asks bleve, surviving what a damaged index does to it.
func (e *Engine) searchIndex(ctx context.Context, req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	return e.guard(ctx, func() (*bleve.SearchResult, error) { return e.alias.SearchInContext(ctx, req) })
}

// bleveQuery is the words AND, with a place, the cells covering the radius
// AND the keyword filters. Only the words score.
func bleveQuery(q *Query, m *matcher) query.Query {
	parts := []query.Query{textQuery(q.Text)}
	if q.Near != nil {
		parts = append(parts, restriction{cellQuery(q.Near.Point, q.RadiusKm)})
	}
	for _, f := range filterQueries(q, m) {
		parts = append(parts, restriction{f})
	}
	return bleve.NewConjunctionQuery(parts...)
}

// restriction narrows a text query without adding to its score: where a
// service meets, or what it is filed under, says nothing about how well it
// matches the words (scored, a service in a sparse cell ranked higher for
// the same text, since its cell term was rarer). Unscored, bleve also ORs a
// restriction's terms into one bitmap instead of merging them hit by hit.
type restriction struct{ query.Query }

func (r restriction) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	o.Score = "none"
	return r.Query.Searcher(ctx, i, m, o)
}
