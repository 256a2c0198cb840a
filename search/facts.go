package search

import (
	"cmp"
	"math"
	"slices"
	"sync"
	"time"

	"kith/directory"
	"kith/geo"
)

// gridKm is the side of the squares the in-memory venue grid uses; at 2 km a
// 5 km radius touches about 36 squares.
const gridKm = 2

// facts is one service reduced to what filters and distance need, as bits
// and small numbers, so checking thousands of candidates costs microseconds.
// The fields every check reads come first, to share a cache line, and the
// usual few categories and one venue live in the struct itself rather than
// in arrays elsewhere on the heap.
type facts struct {
	slots        uint32 // bit per weekday × part of day
	minAge       int16  // -1: no lower limit
	maxAge       int16  // -1: no upper limit
	days         uint8  // bit per weekday, Monday first
	delivery     uint8  // bit per directory.DeliveryModes entry
	free         bool
	full         bool
	dead         bool         // replaced or removed from the table; set under its write lock
	assuredUntil int64        // unix seconds; 0 when not referral-ready
	pausedUntil  int64        // unix seconds intake resumes; 0 not paused; MaxInt64 until further notice
	cats         []uint16     // sorted category numbers (see catalogue); usually in catBuf
	venues       []venueFacts // usually in venueBuf
	catBuf       [4]uint16
	venueBuf     [1]venueFacts
	id           string
	name         string
}

// setLists gives f its own copies of cats and venues, in its buffers when
// they fit.
func (f *facts) setLists(cats []uint16, venues []venueFacts) {
	f.cats = append(f.catBuf[:0:len(f.catBuf)], cats...)
	f.venues = append(f.venueBuf[:0:len(f.venueBuf)], venues...)
}

type venueFacts struct {
	point  geo.Point
	access uint16 // bit per directory.AccessibilityFeatures entry
}

func (f *facts) remoteOnly() bool { return len(f.venues) == 0 }

// table holds the facts of every findable service and a grid of their
// venues. Slots of removed services are reused.
type table struct {
	mu     sync.RWMutex
	docs   []*facts
	byID   map[string]int32
	free   []int32
	grid   *geo.Grid
	remote map[int32]bool

	tallies []counts // by grid square number: the services at home there (see tally.go)
	home    []int32  // by slot: the grid square number of a service's first venue
	multi   []uint64 // the slots of services with several venues, a bit each
}

func newTable() *table {
	return &table{byID: map[string]int32{}, grid: geo.NewGrid(gridKm), remote: map[int32]bool{}}
}

// newTableOf makes a table of fs laid out for locality: services take
// slots, and their facts fresh memory, in the Z-order of their first
// venue's grid square (remote-only services last). A search near a place
// then reads facts that sit side by side, instead of scattered over the
// heap in the order PostgreSQL returned them; that was most of the cost of
// checking thousands of services.
func newTableOf(fs []*facts) *table {
	type keyed struct {
		key uint64
		f   *facts
	}
	ks := make([]keyed, len(fs))
	for i, f := range fs {
		ks[i] = keyed{zOrder(f), f}
	}
	slices.SortFunc(ks, func(a, b keyed) int { return cmp.Compare(a.key, b.key) })
	t := newTable()
	for _, k := range ks {
		c := *k.f
		c.setLists(k.f.cats, k.f.venues)
		t.put(&c)
	}
	return t
}

// zOrder interleaves the bits of the grid square's coordinates, so squares
// near each other mostly sort near each other.
func zOrder(f *facts) uint64 {
	if f.remoteOnly() {
		return math.MaxUint64
	}
	c := geo.CellOf(f.venues[0].point, gridKm)
	return spreadBits(uint32(c.X)^1<<31) | spreadBits(uint32(c.Y)^1<<31)<<1
}

// spreadBits puts the bits of x in the even bits of the result.
func spreadBits(x uint32) uint64 {
	v := uint64(x)
	v = (v | v<<16) & 0x0000FFFF0000FFFF
	v = (v | v<<8) & 0x00FF00FF00FF00FF
	v = (v | v<<4) & 0x0F0F0F0F0F0F0F0F
	v = (v | v<<2) & 0x3333333333333333
	v = (v | v<<1) & 0x5555555555555555
	return v
}

// put replaces the facts for f.id.
func (t *table) put(f *facts) {
	t.remove(f.id)
	var slot int32
	if n := len(t.free); n > 0 {
		slot, t.free = t.free[n-1], t.free[:n-1]
		t.docs[slot] = f
	} else {
		slot = int32(len(t.docs))
		t.docs = append(t.docs, f)
	}
	t.byID[f.id] = slot
	for i, v := range f.venues {
		if num := t.grid.Add(slot, v.point); i == 0 {
			t.setPlace(slot, num, len(f.venues))
		}
	}
	t.tally(slot, f, 1)
	if f.remoteOnly() {
		t.remote[slot] = true
	}
}

// remove forgets service id, if known.
func (t *table) remove(id string) {
	slot, ok := t.byID[id]
	if !ok {
		return
	}
	old := t.docs[slot]
	for _, v := range old.venues {
		t.grid.Remove(slot, v.point)
	}
	t.tally(slot, old, -1)
	old.dead = true // for searches that reached it through a segment's map
	delete(t.remote, slot)
	delete(t.byID, id)
	t.docs[slot] = nil
	t.free = append(t.free, slot)
}

func (t *table) len() int { return len(t.byID) }

// factsOf reduces a record, with its assurance, to facts.
func factsOf(rec directory.SearchRecord, assuredUntil time.Time) *facts {
	f := &facts{id: rec.ServiceID, name: rec.Name, free: rec.Free, minAge: -1, maxAge: -1}
	if rec.MinAge != nil {
		f.minAge = int16(*rec.MinAge)
	}
	if rec.MaxAge != nil {
		f.maxAge = int16(*rec.MaxAge)
	}
	f.delivery = uint8(bitsOf(rec.Delivery, directory.DeliveryModes))
	venues := make([]venueFacts, len(rec.Venues))
	for i, v := range rec.Venues {
		venues[i] = venueFacts{point: v.Point, access: uint16(bitsOf(v.Accessibility, directory.AccessibilityFeatures))}
	}
	f.setLists(catIDs(rec.Categories), venues)
	f.days, f.slots = sessionBits(rec.Sessions)
	f.full, f.pausedUntil = capacityFacts(rec.Capacity)
	if !assuredUntil.IsZero() {
		f.assuredUntil = assuredUntil.Unix()
	}
	return f
}

// capacityFacts reduces capacity to what the accepting filter needs; the
// time a pause ends is kept so a pause ends in search with no write.
func capacityFacts(c directory.Capacity) (full bool, pausedUntil int64) {
	left := c.PlacesLeft()
	full = left != nil && *left == 0
	switch {
	case !c.Paused:
	case c.ResumeOn == nil:
		pausedUntil = math.MaxInt64
	default:
		d := c.ResumeOn
		pausedUntil = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, directory.London).Unix()
	}
	return full, pausedUntil
}

// bitsOf sets bit i for every value equal to names[i].
func bitsOf(values, names []string) uint32 {
	var bits uint32
	for _, v := range values {
		for i, n := range names {
			if v == n {
				bits |= 1 << i
			}
		}
	}
	return bits
}

// sessionBits marks the weekdays a service meets on and, per weekday, the
// parts of the day its sessions overlap.
func sessionBits(sessions []directory.SearchSession) (days uint8, slots uint32) {
	for _, s := range sessions {
		parts := partBits(s.OpensAt, s.ClosesAt)
		for _, d := range s.ByDay {
			wd := weekdayIndex(d)
			if wd < 0 {
				continue
			}
			days |= 1 << wd
			slots |= uint32(parts) << (3 * wd)
		}
	}
	return days, slots
}

// weekdayIndex reads TU, 1TU or -1FR as Tuesday/Friday (Monday = 0).
func weekdayIndex(byday string) int {
	if len(byday) < 2 {
		return -1
	}
	code := byday[len(byday)-2:]
	for i, w := range weekdays {
		if w.code == code {
			return i
		}
	}
	return -1
}

func partBits(opens, closes string) uint8 {
	var bits uint8
	for i, p := range dayParts {
		if opens < p.end && closes > p.start {
			bits |= 1 << i
		}
	}
	return bits
}

// Parts of the day people ask for: a session belongs to every part it overlaps.
var dayParts = []struct{ name, start, end string }{
	{"morning", "00:00", "12:00"},
	{"afternoon", "12:00", "17:00"},
	{"evening", "17:00", "24:00"},
}

// Days in the order people read them, with their RFC 5545 codes.
var weekdays = []struct{ name, code string }{
	{"mon", "MO"}, {"tue", "TU"}, {"wed", "WE"}, {"thu", "TH"}, {"fri", "FR"}, {"sat", "SA"}, {"sun", "SU"},
}
