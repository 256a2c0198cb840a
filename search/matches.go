package search

import (
	"math/bits"
	"sync"

	"kith/directory"
	"kith/geo"
)

// matches gathers one search's candidates and counts their facets as each
// arrives, while its facts are at hand: a wide search has tens of thousands
// of matches, and reading each one's facts a second time to count them
// cost as much again.
type matches struct {
	cands    []candidate
	seen     []uint64      // scanNear: the slots met so far, a bit each
	several  map[int32]int // scanNear: slot → index in cands, for services at several venues
	squares  []geo.Square  // scanNear: the grid's squares in range
	cats     []int         // by category number
	free     [2]int
	days     [7]int
	delivery [8]int
	text     board // text searches: scores by document
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
	clear(ms.cats)
	clear(ms.several)
	clear(ms.squares) // let go of the grid's entries
	ms.text.reset()
	*ms = matches{cands: ms.cands[:0], cats: ms.cats[:0], seen: ms.seen, several: ms.several, squares: ms.squares[:0], text: ms.text}
	matchesPool.Put(ms)
}

// seenFor returns a cleared bitmap of n slots.
func (ms *matches) seenFor(n int) []uint64 {
	words := (n + 63) / 64
	if cap(ms.seen) < words {
		ms.seen = make([]uint64, words)
	}
	ms.seen = ms.seen[:words]
	clear(ms.seen)
	return ms.seen
}

// severalMap returns an empty map of slots to candidates.
func (ms *matches) severalMap() map[int32]int {
	if ms.several == nil {
		ms.several = map[int32]int{}
	}
	return ms.several
}

func (ms *matches) add(c candidate) {
	ms.cands = append(ms.cands, c)
	f := c.f
	for _, id := range f.cats {
		for int(id) >= len(ms.cats) {
			ms.cats = append(ms.cats, 0)
		}
		ms.cats[id]++
	}
	ms.free[b2i(f.free)]++
	for d := f.days; d != 0; d &= d - 1 {
		ms.days[bits.TrailingZeros8(d)]++
	}
	for d := f.delivery; d != 0; d &= d - 1 {
		ms.delivery[bits.TrailingZeros8(d)]++
	}
}

func (ms *matches) facets() Facets {
	fc := Facets{Categories: catCounts(ms.cats), Free: map[string]int{}, Days: map[string]int{}, Delivery: map[string]int{}}
	for i, label := range []string{"false", "true"} {
		putCount(fc.Free, label, ms.free[i])
	}
	for i, w := range weekdays {
		putCount(fc.Days, w.name, ms.days[i])
	}
	for i, d := range directory.DeliveryModes {
		putCount(fc.Delivery, d, ms.delivery[i])
	}
	return fc
}

func putCount(m map[string]int, key string, n int) {
	if n > 0 {
		m[key] = n
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
