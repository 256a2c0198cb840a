package search

import "kith/geo"

// scanNear finds the services with a venue in range, nearest squares of the
// grid first, and measures venues only where it must: in every square until
// the page's k nearest services are certain (the next square starts beyond
// the k-th nearest found), then only in squares that straddle the radius.
// The total and facets need every service in range, the page only its
// nearest; measuring all 30,000 venues within 50 km of a city was most of
// the time of a "nearest 50" search. With no filters, the services at home
// in a square wholly in range are counted by its tally, and only read if
// they may be on the page (see tally.go). A service at several venues keeps
// its nearest measured one. It is check without the venue filter, which
// scanVenues handles.
func (t *table) scanNear(q *Query, m *matcher, ms *matches) {
	ns := nearScan{t: t, q: q, m: m, ms: ms, k: q.Offset + q.Limit, all: m.everything()}
	ns.seen, ns.several = bitmap(&ms.seen, len(t.docs)), ms.severalMap()
	ms.squares = t.grid.AppendSquaresNear(ms.squares[:0], q.Near.Point, q.RadiusKm)
	if ns.all {
		ns.tallied = t.addTallies(ms.squares, q.RadiusKm, ms)
	}
	squares := ms.squares
	geo.NearestFirst(squares)
	for len(squares) > 0 && !ns.settled(squares[0]) {
		var sq geo.Square
		sq, squares = geo.NextNearest(squares)
		ns.visit(sq, true)
	}
	ns.done = true
	for _, sq := range squares {
		ns.visit(sq, sq.MaxKm > q.RadiusKm)
	}
}

// nearScan is one scanNear under way.
type nearScan struct {
	t       *table
	q       *Query
	m       *matcher
	ms      *matches
	k       int
	all     bool          // every service passes: tallies count them
	done    bool          // the page is settled
	nearest []float64     // the k smallest distances found, largest on top
	seen    []uint64      // the slots met so far, a bit each
	several map[int32]int // slot → index in cands, for services at several venues
	tallied []uint64      // with all: the squares whose tallies were added, a bit each
}

// settled reports whether the page is known before sq: it has its k
// services and sq starts beyond them all. Squares come nearest first, so
// once settled, a scan stays settled.
func (ns *nearScan) settled(sq geo.Square) bool {
	return len(ns.nearest) == ns.k && ns.nearest[0] < sq.MinKm
}

// visit looks at the venues of sq, measuring them if asked.
func (ns *nearScan) visit(sq geo.Square, measure bool) {
	sq.Each(func(slot int32, p geo.Point) {
		counted := ns.all && ns.t.homeIn(slot, ns.tallied)
		if counted && ns.done {
			return
		}
		d := sq.MinKm // enough for a service that cannot be on the page
		if measure {
			if d = geo.DistanceKm(ns.q.Near.Point, p); d > ns.q.RadiusKm {
				return
			}
		}
		ns.found(slot, d, measure, counted)
	})
}

// found notes the service in slot at distance d; counted says its home
// square's tally counts it already.
func (ns *nearScan) found(slot int32, d float64, measured, counted bool) {
	word, bit := slot/64, uint64(1)<<(slot%64)
	if ns.seen[word]&bit != 0 {
		if i, ok := ns.several[slot]; ok && measured {
			ns.ms.cands[i].dist = min(ns.ms.cands[i].dist, d)
		}
		return
	}
	ns.seen[word] |= bit
	f := ns.t.docs[slot]
	if !ns.all && !ns.m.service(f) {
		return
	}
	if ns.t.multi[word]&bit != 0 {
		ns.several[slot] = len(ns.ms.cands)
	}
	if c := (candidate{f: f, dist: d}); counted {
		ns.ms.cands = append(ns.ms.cands, c)
	} else {
		ns.ms.add(c)
	}
	if !ns.done {
		ns.nearest = keepFirst(ns.nearest, ns.k, d, func(a, b float64) bool { return a < b })
	}
}
