package search

import (
	"math/bits"
	"sync"

	"kith/directory"
)

// matches gathers one search's candidates and counts their facets as each
// arrives, while its facts are at hand: a wide search has tens of thousands
// of matches, and reading each one's facts a second time to count them
// cost as much again.
type matches struct {
	cands    []candidate
	cats     []int // by category number
	free     [2]int
	days     [7]int
	delivery [8]int
}

// matchesPool reuses the buffers of finished searches, so that most
// searches allocate none; the garbage collector was a tenth of the work.
var matchesPool = sync.Pool{New: func() any { return new(matches) }}

// maxPooledMatches bounds the buffers kept for reuse (about 0.5 MB): the
// widest searches, tens of thousands of matches, allocate their own rather
// than leave many megabytes pooled after a burst of them.
const maxPooledMatches = 16 << 10

func newMatches() *matches { return matchesPool.Get().(*matches) }

// release returns ms to the pool, empty; nothing may use it afterwards.
func (ms *matches) release() {
	if cap(ms.cands) > maxPooledMatches {
		return
	}
	clear(ms.cands) // let go of the facts
	clear(ms.cats)
	*ms = matches{cands: ms.cands[:0], cats: ms.cats[:0]}
	matchesPool.Put(ms)
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
