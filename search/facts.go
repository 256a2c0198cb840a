package search

import (
	"cmp"
	"math"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"kith/directory"
	"kith/geo"
)

// gridKm is the side of the squares the in-memory venue grid uses; at 2 km a
// 5 km radius touches about 36 squares.
const gridKm = 2

// facts is one service reduced to what filters and distance need, as bits
// and small numbers, so checking thousands of candidates costs microseconds.
// The usual few categories and one venue live in the struct itself rather
// than in arrays elsewhere on the heap.
type facts struct {
	brief
	dead     bool         // replaced or removed from the table; set under its write lock
	cats     []uint16     // every category number, sorted (see catalogue); in catBuf when they fit
	venues   []venueFacts // usually in venueBuf
	venueBuf [1]venueFacts
	id       string
	name     string
}

// brief is what a service's filters and facets read, apart from its
// venues, in 32 bytes: a bleve segment keeps a copy of each document's in
// document order (hitfacts.go), so that a text search checks its matches
// with reads that mostly follow one another instead of one miss per match.
type brief struct {
	slots        uint32 // bit per weekday × part of day
	assuredUntil uint32 // unix seconds; 0 when not referral-ready
	pausedUntil  uint32 // unix seconds intake resumes; 0 not paused; MaxUint32 until further notice
	minAge       int16  // -1: no lower limit
	maxAge       int16  // -1: no upper limit
	days         uint8  // bit per weekday, Monday first
	delivery     uint8  // bit per directory.DeliveryModes entry
	free         bool
	full         bool
	remote       bool  // no venues: online or by phone only
	ncats        uint8 // how many categories, at most 255; all in catBuf when they fit
	catBuf       [4]uint16
}

// unixSeconds fits a time in unix seconds into a brief: times before 1970
// are past, as 0 is, and times after 2106 are as good as never.
func unixSeconds(t int64) uint32 {
	return uint32(min(max(t, 0), math.MaxUint32))
}

// setLists gives f its own copies of cats and venues, in its buffers when
// they fit.
func (f *facts) setLists(cats []uint16, venues []venueFacts) {
	f.cats = append(f.catBuf[:0:len(f.catBuf)], cats...)
	f.ncats = uint8(min(len(cats), math.MaxUint8))
	f.venues = append(f.venueBuf[:0:len(f.venueBuf)], venues...)
	f.remote = len(venues) == 0
}

type venueFacts struct {
	point  geo.Point
	access uint16 // bit per directory.AccessibilityFeatures entry
}

// table holds the facts of every findable service and a grid of their
// venues. Slots of removed services are reused.
type table struct {
	mu     sync.RWMutex
	docs   []*facts
	byID   map[string]int32
	free   []int32
	grid   *geo.Grid
	remote map[int32]bool

	// version counts changes (under mu); indexed is the last version whose
	// changes are in the index too. While they are equal, a snapshot of the
	// index taken since has deleted every document whose facts were
	// replaced after its segment's briefs were copied (hitfacts.go).
	version uint64
	indexed atomic.Uint64

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
	t.indexedTo(t.version) // no segment has copied a brief from it yet
	return t
}

// zOrder interleaves the bits of the grid square's coordinates, so squares
// near each other mostly sort near each other.
func zOrder(f *facts) uint64 {
	if f.remote {
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
	t.version++
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
	if f.remote {
		t.remote[slot] = true
	}
}

// remove forgets service id, if known.
func (t *table) remove(id string) {
	slot, ok := t.byID[id]
	if !ok {
		return
	}
	t.version++
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

// fresh reports whether the index holds every change the table does; the
// caller holds t.mu.
func (t *table) fresh() bool { return t.indexed.Load() == t.version }

// indexedTo records that the index holds the changes up to version v.
func (t *table) indexedTo(v uint64) { t.indexed.Store(v) }

// factsOf reduces a record, with its assurance, to facts.
func factsOf(rec directory.SearchRecord, assuredUntil time.Time) *facts {
	f := &facts{id: rec.ServiceID, name: rec.Name, brief: brief{free: rec.Free, minAge: -1, maxAge: -1}}
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
		f.assuredUntil = unixSeconds(assuredUntil.Unix())
	}
	return f
}

// capacityFacts reduces capacity to what the accepting filter needs; the
// time a pause ends is kept so a pause ends in search with no write.
func capacityFacts(c directory.Capacity) (full bool, pausedUntil uint32) {
	left := c.PlacesLeft()
	full = left != nil && *left == 0
	switch {
	case !c.Paused:
	case c.ResumeOn == nil:
		pausedUntil = math.MaxUint32
	default:
		d := c.ResumeOn
		pausedUntil = unixSeconds(time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, directory.London).Unix())
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
