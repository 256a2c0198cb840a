package search

import (
	"sync"

	"kith/directory"
	"kith/geo"
)

// matches gathers one search's candidates and counts their facets as each
// arrives, while its facts are at hand: a wide search has tens of thousands
// of matches, and reading each one's facts a second time to count them
// cost as much again.
type matches struct {
	cands   []candidate
	seen    []uint64      // scanNear: the slots met so far, a bit each
	tallied []uint64      // scanNear: the tallies counted, a bit each
	several map[int32]int // scanNear: slot → index in cands, for services at several venues
	squares []geo.Square  // scanNear: the grid's squares in range
	counts  counts        // of every match: in cands, or in a square's tally
	text    board         // text searches: scores by document
}

// matchesPool reuses the buffers of finished searches, so that most
// searches allocate none; the garbage collector was a tenth of the work.
var matchesPool = sync.Pool{New: func() any { return new(matches) }}

// maxPooledMatches bounds the buffers kept for reuse (2 MB): enough for
// all but the widest searches of a national directory (a common word with
// no place matches tens of thousands), which were the ones that allocated
// most; a bigger bound kept the server's memory over its 300 MB budget.
const maxPooledMatches = 64 << 10

func newMatches() *matches { return matchesPool.Get().(*matches) }

// release returns ms to the pool, empty; nothing may use it afterwards.
func (ms *matches) release() {
	if cap(ms.cands) > maxPooledMatches {
		return
	}
	clear(ms.cands) // let go of the facts
	clear(ms.counts.cats)
	clear(ms.several)
	clear(ms.squares) // let go of the grid's entries
	ms.text.reset()
	*ms = matches{cands: ms.cands[:0], counts: counts{cats: ms.counts.cats[:0]}, seen: ms.seen, tallied: ms.tallied, several: ms.several, squares: ms.squares[:0], text: ms.text}
	matchesPool.Put(ms)
}

// bitmap returns *set cleared, with room for n slots.
func bitmap(set *[]uint64, n int) []uint64 {
	words := (n + 63) / 64
	if cap(*set) < words {
		*set = make([]uint64, words)
	}
	*set = (*set)[:words]
	clear(*set)
	return *set
}

// severalMap returns an empty map of slots to candidates.
func (ms *matches) severalMap() map[int32]int {
	if ms.several == nil {
		ms.several = map[int32]int{}
	}
	return ms.several
}

func (ms *matches) add(c candidate) { ms.addBrief(c, &c.f.brief, c.f.cats) }

// addBrief adds c, counted from its brief b and categories cats rather
// than from its facts.
func (ms *matches) addBrief(c candidate, b *brief, cats []uint16) {
	ms.cands = append(ms.cands, c)
	ms.counts.countBrief(b, cats, 1)
}

// total is the number of matches: fewer than that may be candidates.
func (ms *matches) total() int { return int(ms.counts.n) }

func (ms *matches) facets() Facets {
	c := &ms.counts
	fc := Facets{Categories: catCounts(c.cats), Free: map[string]int{}, Days: map[string]int{}, Delivery: map[string]int{}}
	for i, label := range []string{"false", "true"} {
		putCount(fc.Free, label, c.free[i])
	}
	for i, w := range weekdays {
		putCount(fc.Days, w.name, c.days[i])
	}
	for i, d := range directory.DeliveryModes {
		putCount(fc.Delivery, d, c.delivery[i])
	}
	return fc
}

func putCount(m map[string]int, key string, n int32) {
	if n > 0 {
		m[key] = int(n)
	}
}
