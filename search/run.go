package search

import (
	"context"
	"math"
	"sort"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"kith/directory"
	"kith/geo"
)

// Ranking with text: relevance (the best match scores 1) blended with
// closeness (1 at the centre, 0 at the edge of the radius). Remote services
// count as half-way. Documented in docs/SEARCH.md.
const (
	relevanceWeight = 0.65
	proximityWeight = 0.35
	remoteProximity = 0.5
	// firstPage is how many text hits are fetched before the exact checks;
	// more are fetched only when bleve reports more.
	firstPage = 2000
	maxHits   = 50000
)

// Hit is one matching service.
type Hit struct {
	ServiceID  string
	DistanceKm *float64 // nil without a place, or for a remote service
	Score      float64  // text relevance, 0 without text
	Assured    bool     // referral-ready at the time of the search
}

// Facets count the matching services by the things people filter on.
type Facets struct {
	Categories map[string]int `json:"category"`
	Free       map[string]int `json:"free"`
	Days       map[string]int `json:"day"`
	Delivery   map[string]int `json:"delivery"`
}

// Result is a page of hits, the number of matches and their facets.
type Result struct {
	Total  int
	Hits   []Hit
	Facets Facets
}

// candidate is a service that passed every check.
type candidate struct {
	f     *facts
	dist  float64 // -1 when unknown
	score float64
	rank  float64
}

// Search answers q at the engine's current time.
func (e *Engine) Search(ctx context.Context, q Query) (Result, error) {
	m := newMatcher(&q, e.cfg.Now().Unix())
	var scores map[string]float64
	if q.Text != "" {
		if !e.ready.Load() {
			return Result{}, ErrNotReady
		}
		var err error
		if scores, err = e.textHits(ctx, &q, m); err != nil {
			return Result{}, err
		}
	}
	t := e.tbl.Load()
	t.mu.RLock()
	defer t.mu.RUnlock()
	var cands []candidate
	if scores != nil {
		cands = t.checkHits(scores, &q, m)
	} else {
		cands = t.scan(&q, m)
	}
	order(cands, &q)
	return Result{Total: len(cands), Hits: pageOf(cands, q.Offset, q.Limit, m.now), Facets: facetsOf(cands)}, nil
}

// textHits asks bleve for the services matching the words near the place.
func (e *Engine) textHits(ctx context.Context, q *Query, m *matcher) (map[string]float64, error) {
	parts := []query.Query{textQuery(q.Text)}
	if q.Near != nil {
		parts = append(parts, cellQuery(q.Near.Point, q.RadiusKm))
	}
	parts = append(parts, filterQueries(q, m)...)
	bq := bleve.NewConjunctionQuery(parts...)
	req := bleve.NewSearchRequestOptions(bq, firstPage, 0, false)
	res, err := e.alias.SearchInContext(ctx, req)
	if err == nil && res.Total > uint64(len(res.Hits)) && len(res.Hits) < maxHits {
		req.Size = int(min(res.Total, maxHits))
		res, err = e.alias.SearchInContext(ctx, req)
	}
	if err != nil {
		return nil, err
	}
	scores := make(map[string]float64, len(res.Hits))
	for _, h := range res.Hits {
		scores[h.ID] = h.Score
	}
	return scores, nil
}

// checkHits applies the exact filters and distance to bleve's hits.
func (t *table) checkHits(scores map[string]float64, q *Query, m *matcher) []candidate {
	out := make([]candidate, 0, len(scores))
	for id, score := range scores {
		slot, ok := t.byID[id]
		if !ok {
			continue // removed since bleve answered
		}
		if c, ok := t.check(t.docs[slot], q, m); ok {
			c.score = score
			out = append(out, c)
		}
	}
	return out
}

// scan finds matches without text: through the venue grid when there is a
// place, else over every service.
func (t *table) scan(q *Query, m *matcher) []candidate {
	var out []candidate
	if q.Near == nil {
		for _, f := range t.docs {
			if c, ok := t.check(f, q, m); ok {
				out = append(out, c)
			}
		}
		return out
	}
	seen := map[int32]bool{}
	t.grid.Within(q.Near.Point, q.RadiusKm, func(slot int32, _ float64) {
		if seen[slot] {
			return
		}
		seen[slot] = true
		if c, ok := t.check(t.docs[slot], q, m); ok {
			out = append(out, c)
		}
	})
	for slot := range t.remote {
		if c, ok := t.check(t.docs[slot], q, m); ok {
			out = append(out, c)
		}
	}
	return out
}

// check is the one place that decides whether a service matches: its facts
// pass the filters and, with a place, one of its suitable venues is within
// the radius (or it is remote).
func (t *table) check(f *facts, q *Query, m *matcher) (candidate, bool) {
	if f == nil || !m.service(f) {
		return candidate{}, false
	}
	c := candidate{f: f, dist: -1}
	if f.remoteOnly() {
		return c, true
	}
	best := math.Inf(1)
	for _, v := range f.venues {
		if !m.venue(v) {
			continue
		}
		if q.Near == nil {
			return c, true
		}
		best = min(best, geo.DistanceKm(q.Near.Point, v.point))
	}
	if best > q.RadiusKm {
		return candidate{}, false
	}
	c.dist = best
	return c, true
}

// order sorts matches: by blended rank with text, nearest first with a
// place, else by name. Ties fall back to name and id so pages are stable.
func order(cs []candidate, q *Query) {
	if q.Text != "" {
		top := 0.0
		for _, c := range cs {
			top = max(top, c.score)
		}
		for i := range cs {
			cs[i].rank = blend(cs[i], top, q)
		}
	}
	sort.Slice(cs, func(i, j int) bool { return less(cs[i], cs[j], q) })
}

func blend(c candidate, top float64, q *Query) float64 {
	rel := 0.0
	if top > 0 {
		rel = c.score / top
	}
	if q.Near == nil {
		return rel
	}
	prox := remoteProximity
	if c.dist >= 0 {
		prox = 1 - c.dist/q.RadiusKm
	}
	return relevanceWeight*rel + proximityWeight*prox
}

func less(a, b candidate, q *Query) bool {
	if q.Text != "" && a.rank != b.rank {
		return a.rank > b.rank
	}
	if q.Near != nil && a.dist != b.dist {
		switch {
		case a.dist < 0:
			return false // remote after every venue
		case b.dist < 0:
			return true
		}
		return a.dist < b.dist
	}
	if a.f.name != b.f.name {
		return a.f.name < b.f.name
	}
	return a.f.id < b.f.id
}

func pageOf(cs []candidate, offset, limit int, now int64) []Hit {
	if offset >= len(cs) {
		return []Hit{}
	}
	cs = cs[offset:min(len(cs), offset+limit)]
	out := make([]Hit, len(cs))
	for i, c := range cs {
		out[i] = Hit{ServiceID: c.f.id, Score: c.score, Assured: c.f.assuredUntil > now}
		if c.dist >= 0 {
			d := c.dist
			out[i].DistanceKm = &d
		}
	}
	return out
}

func facetsOf(cs []candidate) Facets {
	fc := Facets{Categories: map[string]int{}, Free: map[string]int{}, Days: map[string]int{}, Delivery: map[string]int{}}
	for _, c := range cs {
		for cat := range c.f.cats {
			fc.Categories[cat]++
		}
		if c.f.free {
			fc.Free["true"]++
		} else {
			fc.Free["false"]++
		}
		for i, w := range weekdays {
			if c.f.days&(1<<i) != 0 {
				fc.Days[w.name]++
			}
		}
		for i, d := range directory.DeliveryModes {
			if c.f.delivery&(1<<i) != 0 {
				fc.Delivery[d]++
			}
		}
	}
	return fc
}
