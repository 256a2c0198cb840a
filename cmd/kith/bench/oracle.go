package bench

import (
	"context"
	"math"
	"slices"
	"strings"

	"kith/geo"
)

// Kith's text ranking, copied so the floor orders text matches as Kith
// does (see search/run.go).
const (
	relevanceWeight = 0.65
	proximityWeight = 0.35
	remoteProximity = 0.5
	nameWeight      = 3 // a word in the name counts three times one in the text
)

// oracle is the brute-force floor: every query scans every findable
// service, with no index of any kind. For the geographic, category and
// capacity part of a query it is the truth Kith must agree with; its text
// matching is whole words only (no stemming, typos or synonyms), so it does
// less than Kith and is only the floor for speed there.
type oracle struct {
	svcs  []oracleService
	vocab map[string]uint32
}

type oracleService struct {
	id, name  string
	cats      []string // with ancestors, sorted
	full      bool
	venues    []geo.Point
	nameWords []uint32 // sorted word ids
	textWords []uint32
}

func newOracle(ds *dataset) *oracle {
	o := &oracle{vocab: map[string]uint32{}}
	for _, s := range ds.services {
		if !s.findable() {
			continue
		}
		os := oracleService{id: s.id, name: s.name, cats: s.cats, full: s.full}
		for _, v := range s.venues {
			os.venues = append(os.venues, ds.venues[v].point)
		}
		os.nameWords = o.wordIDs(s.name)
		os.textWords = o.wordIDs(searchText(ds, &s))
		o.svcs = append(o.svcs, os)
	}
	return o
}

// searchText is what Kith indexes beside the name: the description, the
// organisation and the category names.
func searchText(ds *dataset, s *service) string {
	parts := []string{s.description, ds.orgs[s.org].name}
	for _, c := range s.cats {
		parts = append(parts, ds.tax.name[c])
	}
	return strings.Join(parts, "\n")
}

func (o *oracle) wordIDs(text string) []uint32 {
	var ids []uint32
	for _, w := range tokens(text) {
		id, ok := o.vocab[w]
		if !ok {
			id = uint32(len(o.vocab))
			o.vocab[w] = id
		}
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// answer is what an engine returned: the page of ids, their distances (-1
// for remote services or without a place) and how many matched in all.
type answer struct {
	ids   []string
	dists []float64
	total int
}

// oracleQuery is a query resolved once, before the scan.
type oracleQuery struct {
	*benchQuery
	at    geo.Point
	near  bool
	box   geo.Bound
	words []uint32
	known bool // some query word occurs somewhere; else no text matches
}

func (o *oracle) resolve(q *benchQuery) (oracleQuery, error) {
	at, near, err := q.where()
	oq := oracleQuery{benchQuery: q, at: at, near: near}
	if near {
		oq.box = geo.BoundKm(at, q.radiusKm)
	}
	for _, w := range q.textWords() {
		if id, ok := o.vocab[w]; ok {
			oq.words, oq.known = append(oq.words, id), true
		}
	}
	return oq, err
}

// matches is the oracle's predicate for the non-text part of a query: the
// filters pass and, with a place, the nearest venue is within the radius
// (or the service has none and works from anywhere). dist is -1 when there
// is no distance to report.
func (q *oracleQuery) matches(s *oracleService) (dist float64, ok bool) {
	if q.category != "" && !slices.Contains(s.cats, q.category) || q.accepts() && s.full {
		return 0, false
	}
	if !q.near || len(s.venues) == 0 {
		return -1, true
	}
	best := math.Inf(1)
	for _, v := range s.venues {
		if q.box.Contains(v) {
			best = min(best, geo.DistanceKm(q.at, v))
		}
	}
	return best, best <= q.radiusKm
}

// score counts the query's words in the name (three times) and the text.
func (q *oracleQuery) score(s *oracleService) float64 {
	n := 0
	for _, w := range q.words {
		if _, ok := slices.BinarySearch(s.nameWords, w); ok {
			n += nameWeight
		}
		if _, ok := slices.BinarySearch(s.textWords, w); ok {
			n++
		}
	}
	return float64(n)
}

// hit is a service that passed the oracle's checks.
type hit struct {
	s     *oracleService
	dist  float64
	score float64
	rank  float64
}

// Search scans every service.
func (o *oracle) Search(_ context.Context, q *benchQuery) (answer, error) {
	oq, err := o.resolve(q)
	if err != nil {
		return answer{}, err
	}
	if q.text != "" && !oq.known {
		return answer{}, nil
	}
	var hits []hit
	for i := range o.svcs {
		s := &o.svcs[i]
		d, ok := oq.matches(s)
		if !ok {
			continue
		}
		h := hit{s: s, dist: d}
		if q.text != "" {
			if h.score = oq.score(s); h.score == 0 {
				continue
			}
		}
		hits = append(hits, h)
	}
	oq.rank(hits)
	top := topK(hits, q.limit, oq.less)
	return answerOf(top, len(hits)), nil
}

// rank blends relevance and closeness as Kith does.
func (q *oracleQuery) rank(hits []hit) {
	if q.text == "" {
		return
	}
	top := 0.0
	for _, h := range hits {
		top = max(top, h.score)
	}
	for i := range hits {
		h := &hits[i]
		h.rank = h.score / top
		if q.near {
			prox := remoteProximity
			if h.dist >= 0 {
				prox = 1 - h.dist/q.radiusKm
			}
			h.rank = relevanceWeight*h.rank + proximityWeight*prox
		}
	}
}

// less is Kith's order: rank with text, then nearest first with remote
// services last, then name, then id.
func (q *oracleQuery) less(a, b *hit) bool {
	if q.text != "" && a.rank != b.rank {
		return a.rank > b.rank
	}
	if q.near && a.dist != b.dist {
		switch {
		case a.dist < 0:
			return false
		case b.dist < 0:
			return true
		}
		return a.dist < b.dist
	}
	if a.s.name != b.s.name {
		return a.s.name < b.s.name
	}
	return a.s.id < b.s.id
}

// topK keeps the k best hits in order with one pass and an insertion into
// a short sorted slice, which is what a careful scan would do.
func topK(hits []hit, k int, less func(a, b *hit) bool) []hit {
	out := make([]hit, 0, k+1)
	for i := range hits {
		h := &hits[i]
		if len(out) == k && !less(h, &out[k-1]) {
			continue
		}
		at, _ := slices.BinarySearchFunc(out, h, func(x hit, y *hit) int {
			if less(&x, y) {
				return -1
			}
			return 1
		})
		out = slices.Insert(out, at, *h)
		if len(out) > k {
			out = out[:k]
		}
	}
	return out
}

func answerOf(hits []hit, total int) answer {
	a := answer{total: total, ids: make([]string, len(hits)), dists: make([]float64, len(hits))}
	for i, h := range hits {
		a.ids[i], a.dists[i] = h.s.id, h.dist
	}
	return a
}
