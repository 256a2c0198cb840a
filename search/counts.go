package search

import "math/bits"

// counts tallies services by what facets count. A search keeps one for its
// matches; the table keeps one per grid square for the services found
// only in that square, so that a wide search near a place with no filters
// adds up a square at a time instead of a service at a time.
type counts struct {
	n        int32
	cats     []int32 // by category number
	free     [2]int32
	days     [7]int32
	delivery [8]int32
}

// count adds f (by = 1) or takes it away (by = -1).
func (c *counts) count(f *facts, by int32) { c.countBrief(&f.brief, f.cats, by) }

// countBrief adds (by = 1) or takes away (by = -1) a service with brief b
// and categories cats.
func (c *counts) countBrief(b *brief, cats []uint16, by int32) {
	c.n += by
	for _, id := range cats {
		c.catsTo(int(id) + 1)
		c.cats[id] += by
	}
	c.free[b2i(b.free)] += by
	for d := b.days; d != 0; d &= d - 1 {
		c.days[bits.TrailingZeros8(d)] += by
	}
	for d := b.delivery; d != 0; d &= d - 1 {
		c.delivery[bits.TrailingZeros8(d)] += by
	}
}

// addAll adds every count of o.
func (c *counts) addAll(o *counts) {
	c.n += o.n
	c.catsTo(len(o.cats))
	for i, k := range o.cats {
		c.cats[i] += k
	}
	for i, k := range o.free {
		c.free[i] += k
	}
	for i, k := range o.days {
		c.days[i] += k
	}
	for i, k := range o.delivery {
		c.delivery[i] += k
	}
}

// catsTo makes room for n category numbers.
func (c *counts) catsTo(n int) {
	for len(c.cats) < n {
		c.cats = append(c.cats, 0)
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
