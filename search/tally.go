package search

import "kith/geo"

// A search near a place with no filters must still count every service in
// range for its total and facets: within 50 km of a city, 30,000 of them,
// each read from its facts, scattered over the heap. The table therefore
// keeps, per grid square, the counts of the services whose first venue
// lies in it: their home. Such a search adds up the tallies of the squares
// wholly in range; a service at home in one of them is then read only if
// it may be on the page, and never counted again.

// setPlace notes where the service in slot is: the grid square of its first
// venue, and whether it has several.
func (t *table) setPlace(slot, home int32, venues int) {
	for len(t.home) <= int(slot) {
		t.home = append(t.home, 0)
	}
	t.home[slot] = home
	for len(t.multi) <= int(slot/64) {
		t.multi = append(t.multi, 0)
	}
	if venues > 1 {
		t.multi[slot/64] |= 1 << (slot % 64)
	} else {
		t.multi[slot/64] &^= 1 << (slot % 64)
	}
}

// tally adds the service f in slot to its home square's counts (by = 1) or
// takes it away (by = -1). Remote services have no home.
func (t *table) tally(slot int32, f *facts, by int32) {
	if f.remote {
		return
	}
	num := t.home[slot]
	for len(t.tallies) <= int(num) {
		t.tallies = append(t.tallies, counts{})
	}
	t.tallies[num].count(f, by)
}

// addTallies adds up the tallies of the squares wholly within km, and
// returns which they were, a bit per square number.
func (t *table) addTallies(squares []geo.Square, km float64, ms *matches) []uint64 {
	added := bitmap(&ms.tallied, len(t.tallies))
	for _, sq := range squares {
		if sq.MaxKm <= km && int(sq.Num) < len(t.tallies) {
			added[sq.Num/64] |= 1 << (sq.Num % 64)
			ms.counts.addAll(&t.tallies[sq.Num])
		}
	}
	return added
}

// homeIn reports whether the service in slot, which has venues, is at home
// in one of the squares marked.
func (t *table) homeIn(slot int32, marked []uint64) bool {
	num := t.home[slot]
	return int(num/64) < len(marked) && marked[num/64]&(1<<(num%64)) != 0
}
