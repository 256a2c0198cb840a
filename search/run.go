package search

import (
	"context"
	"math"
	"slices"

	"kith/geo"
)

// Ranking with text: relevance (the best match scores 1) blended with
// closeness (1 at the centre, 0 at the edge of the radius). Remote services
// count as half-way. Documented in docs/SEARCH.md.
const (
	relevanceWeight = 0.65
	proximityWeight = 0.35
	remoteProximity = 0.5
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
	if q.Text != "" && !e.ready.Load() {
		return Result{}, ErrNotReady
	}
	t := e.tbl.Load()
	t.mu.RLock()
	defer t.mu.RUnlock()
	ms := newMatches()
	defer ms.release()
	if q.Text != "" {
		if err := e.textMatches(ctx, t, &q, m, ms); err != nil {
			return Result{}, err
		}
	} else {
		t.scan(&q, m, ms)
	}
	first := order(ms.cands, &q, q.Offset+q.Limit)
	return Result{Total: ms.total(), Hits: pageOf(first, q.Offset, q.Limit, m.now), Facets: ms.facets()}, nil
}

// scan finds matches without text: through the venue grid when there is a
// place, else over every service.
func (t *table) scan(q *Query, m *matcher, ms *matches) {
	if q.Near == nil {
		for _, f := range t.docs {
			if c, ok := t.check(f, q, m); ok {
				ms.add(c)
			}
		}
		return
	}
	if m.access != 0 {
		t.scanVenues(q, m, ms)
	} else {
		t.scanNear(q, m, ms)
	}
	for slot := range t.remote {
		if c, ok := t.check(t.docs[slot], q, m); ok {
			ms.add(c)
		}
	}
}

// scanVenues finds services with a suitable venue in range.
func (t *table) scanVenues(q *Query, m *matcher, ms *matches) {
	t.eachNear(q, func(slot int32, _ float64, first bool) {
		if !first {
			return
		}
		if c, ok := t.check(t.docs[slot], q, m); ok {
			ms.add(c)
		}
	})
}

// eachNear calls fn for every venue within the radius, saying whether it is
// the first seen of its service.
func (t *table) eachNear(q *Query, fn func(slot int32, d float64, first bool)) {
	seen := make([]uint64, (len(t.docs)+63)/64)
	t.grid.Within(q.Near.Point, q.RadiusKm, func(slot int32, d float64) {
		word, bit := slot/64, uint64(1)<<(slot%64)
		first := seen[word]&bit == 0
		seen[word] |= bit
		fn(slot, d, first)
	})
}

// check decides whether a service matches when its distance must be found
// from its venues: its facts pass the filters and, with a place, one of its
// suitable venues is within the radius (or it is remote).
func (t *table) check(f *facts, q *Query, m *matcher) (candidate, bool) {
	if f == nil || !m.service(f) {
		return candidate{}, false
	}
	return place(f, q, m)
}

// place finishes check for a service whose facts pass the filters: with a
// place, one of its suitable venues must be within the radius (or it is
// remote). Its facts are read only then.
func place(f *facts, q *Query, m *matcher) (candidate, bool) {
	c := candidate{f: f, dist: -1}
	if q.Near == nil && m.access == 0 || f.remote {
		return c, true // no venue to measure or look at
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

// order returns the first k matches in order: by blended rank with text,
// nearest first with a place, else by name; ties fall back to name and id so
// pages are stable. Only k are sorted: a page needs the best few of what can
// be thousands of matches.
func order(cs []candidate, q *Query, k int) []candidate {
	if q.Text != "" {
		top := 0.0
		for _, c := range cs {
			top = max(top, c.score)
		}
		for i := range cs {
			cs[i].rank = blend(cs[i], top, q)
		}
	}
	before := func(a, b candidate) bool { return less(a, b, q) }
	best := bestK(cs, k, before)
	slices.SortFunc(best, func(a, b candidate) int {
		if before(a, b) {
			return -1
		}
		if before(b, a) {
			return 1
		}
		return 0
	})
	return best
}

// bestK returns the k candidates that come first, unordered, keeping the
// worst of those found so far at the top of a heap.
func bestK(cs []candidate, k int, before func(a, b candidate) bool) []candidate {
	if k >= len(cs) {
		return cs
	}
	h := make([]candidate, 0, k)
	for _, c := range cs {
		h = keepFirst(h, k, c, before)
	}
	return h
}

// keepFirst adds x to h, a heap of the (at most k) items that come first,
// with the last of them on top.
func keepFirst[T any](h []T, k int, x T, before func(a, b T) bool) []T {
	if len(h) < k {
		h = append(h, x)
		siftUp(h, len(h)-1, before)
	} else if before(x, h[0]) {
		h[0] = x
		siftDown(h, 0, before)
	}
	return h
}

func siftUp[T any](h []T, i int, before func(a, b T) bool) {
	for i > 0 {
		parent := (i - 1) / 2
		if !before(h[parent], h[i]) {
			return
		}
		h[parent], h[i] = h[i], h[parent]
		i = parent
	}
}

func siftDown[T any](h []T, i int, before func(a, b T) bool) {
	for {
		worst := i
		for _, child := range []int{2*i + 1, 2*i + 2} {
			if child < len(h) && before(h[worst], h[child]) {
				worst = child
			}
		}
		if worst == i {
			return
		}
		h[i], h[worst] = h[worst], h[i]
		i = worst
	}
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
		out[i] = Hit{ServiceID: c.f.id, Score: c.score, Assured: int64(c.f.assuredUntil) > now}
		if c.dist >= 0 {
			d := c.dist
			out[i].DistanceKm = &d
		}
	}
	return out
}
