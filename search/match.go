package search

import (
	"kith/directory"
)

// matcher is a Query compiled to the bit masks facts use, at one instant
// (assurance lapses with time, not with writes).
type matcher struct {
	q        *Query
	cats     []uint16
	none     bool   // asks for a category no service has
	slots    uint32 // zero: any time
	delivery uint8
	access   uint16
	now      int64
}

func newMatcher(q *Query, now int64) *matcher {
	m := &matcher{q: q, now: now}
	var known bool
	m.cats, known = knownCatIDs(q.Categories)
	m.none = !known
	m.delivery = uint8(bitsOf(q.Delivery, directory.DeliveryModes))
	m.access = uint16(bitsOf(q.Accessible, directory.AccessibilityFeatures))
	m.slots = slotMask(q.Days, q.Parts)
	return m
}

// slotMask turns "any of these days" × "any of these parts of the day" into
// the weekday×part bits a service must share at least one of.
func slotMask(days, parts []int) uint32 {
	if len(days) == 0 && len(parts) == 0 {
		return 0
	}
	if len(days) == 0 {
		days = []int{0, 1, 2, 3, 4, 5, 6}
	}
	partBits := uint32(0b111)
	if len(parts) > 0 {
		partBits = 0
		for _, p := range parts {
			partBits |= 1 << p
		}
	}
	var mask uint32
	for _, d := range days {
		mask |= partBits << (3 * d)
	}
	return mask
}

// service reports whether f passes every service-level filter.
func (m *matcher) service(f *facts) bool { return m.passes(&f.brief, f.cats) }

// passes reports whether a service with brief b and categories cats passes
// every service-level filter.
func (m *matcher) passes(b *brief, cats []uint16) bool {
	q := m.q
	if m.none || !hasCats(cats, m.cats) {
		return false
	}
	switch {
	case m.slots != 0 && b.slots&m.slots == 0,
		q.Free && !b.free,
		m.delivery != 0 && b.delivery&m.delivery == 0,
		q.Assured && int64(b.assuredUntil) <= m.now,
		q.Accepting && (b.full || int64(b.pausedUntil) > m.now),
		q.Age != nil && !ageFits(b, *q.Age),
		m.access != 0 && b.remote:
		return false
	}
	return true
}

// everything reports whether every service passes service and venue, so
// that services can be counted without being looked at; it must ask for
// nothing that service or venue checks.
func (m *matcher) everything() bool {
	q := m.q
	return !m.none && len(m.cats) == 0 && m.slots == 0 && !q.Free && m.delivery == 0 &&
		!q.Assured && !q.Accepting && q.Age == nil && m.access == 0
}

func ageFits(b *brief, age int) bool {
	return (b.minAge < 0 || age >= int(b.minAge)) && (b.maxAge < 0 || age <= int(b.maxAge))
}

// venue reports whether a venue has every accessibility feature asked for.
func (m *matcher) venue(v venueFacts) bool { return v.access&m.access == m.access }
