package search

import (
	"errors"
	"sort"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// segmentFacts remembers, for one bleve segment, the facts of every
// document in it, and a copy of each one's brief. A text query can match
// tens of thousands of services; reaching each one's facts through one
// array read, instead of decoding bleve's stored id and hashing it into a
// map, keeps that cheap, and checking the briefs, side by side in document
// order, cheaper still. Segments never change once written, so this is
// built once per segment and table. Facts the table has since replaced or
// removed are marked dead, and their briefs are stale: a search may use
// the briefs only when its snapshot of the index has deleted every such
// document (table.fresh), and otherwise checks each hit's facts.
type segmentFacts struct {
	once   sync.Once
	facts  []*facts // nil: not in the table when built
	briefs []brief  // of facts when built
	err    error
}

// segmentCache holds the segmentFacts of the segments searches read, by
// segment and table (a rebuild brings a new index and a new table).
type segmentCache struct {
	mu   sync.Mutex
	segs map[segmentKey]*segmentFacts
}

type segmentKey struct {
	segment segment.Segment
	t       *table
}

func newSegmentCache() *segmentCache { return &segmentCache{segs: map[segmentKey]*segmentFacts{}} }

// hitFacts finds the facts of bleve's hits in one index snapshot.
type hitFacts struct {
	t       *table
	offsets []uint64 // first global document number of each segment
	snaps   []*scorch.SegmentSnapshot
	segs    []*segmentFacts
	last    int  // segment of the last hit: hits come mostly in document order
	briefs  bool // check hits against the segments' briefs (see segmentFacts)
}

var errNotScorch = errors.New("search: the index is not a scorch index")

// hitsIn prepares to look up hits from reader, building what is missing for
// its segments and forgetting segments no longer in use. briefs may be true
// only if the table was fresh before the snapshot was taken.
func (c *segmentCache) hitsIn(snap *scorch.IndexSnapshot, t *table, briefs bool) (*hitFacts, error) {
	segs := snap.Segments()
	h := &hitFacts{t: t, offsets: make([]uint64, len(segs)), snaps: segs, segs: make([]*segmentFacts, len(segs)), briefs: briefs}
	var next uint64
	for i, s := range segs {
		h.offsets[i] = next
		next += uint64(s.FullSize())
		h.segs[i] = c.segment(segmentKey{s.Segment(), t})
	}
	c.forgetOthers(segs, t)
	for i, s := range segs {
		if err := h.segs[i].build(s, t); err != nil {
			return nil, err
		}
	}
	return h, nil
}

func (c *segmentCache) segment(key segmentKey) *segmentFacts {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.segs[key]
	if !ok {
		s = &segmentFacts{}
		c.segs[key] = s
	}
	return s
}

// forgetOthers drops segments that merges have replaced and those mapped
// to an older table. A search still reading them keeps its own references.
func (c *segmentCache) forgetOthers(live []*scorch.SegmentSnapshot, t *table) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.segs) <= len(live) {
		return
	}
	keep := make(map[segmentKey]bool, len(live))
	for _, s := range live {
		keep[segmentKey{s.Segment(), t}] = true
	}
	for key := range c.segs {
		if !keep[key] {
			delete(c.segs, key)
		}
	}
}

func (s *segmentFacts) build(seg *scorch.SegmentSnapshot, t *table) error {
	s.once.Do(func() {
		s.facts = make([]*facts, seg.FullSize())
		s.briefs = make([]brief, seg.FullSize())
		for doc := range s.facts {
			id, err := seg.DocID(uint64(doc))
			if err != nil {
				s.err = err
				return
			}
			if slot, ok := t.byID[string(id)]; ok {
				s.facts[doc], s.briefs[doc] = t.docs[slot], t.docs[slot].brief
			}
		}
	})
	return s.err
}

// factsAt returns the facts of the document with number num in the
// snapshot; found is false when the table no longer holds that service
// (removed since the snapshot was taken).
func (h *hitFacts) factsAt(num uint64) (f *facts, found bool, err error) {
	i, local := h.locate(num)
	if f := h.segs[i].facts[local]; f != nil && !f.dead {
		return f, true, nil
	}
	// The table changed since the segment was mapped (the service was
	// updated, removed or added): look its id up instead.
	id, err := h.snaps[i].DocID(local)
	if err != nil {
		return nil, false, err
	}
	slot, found := h.t.byID[string(id)]
	if !found {
		return nil, false, nil
	}
	return h.t.docs[slot], true, nil
}

// hit returns what checking the document with number num needs: its
// brief, its categories, and its facts, read only when the segment's copy
// of the brief is not to be used or lacks some categories. A nil brief
// means the table no longer holds that service.
func (h *hitFacts) hit(num uint64) (b *brief, cats []uint16, f *facts, err error) {
	if h.briefs {
		i, local := h.locate(num)
		b, f = &h.segs[i].briefs[local], h.segs[i].facts[local]
		if f != nil && int(b.ncats) <= len(b.catBuf) {
			return b, b.catBuf[:b.ncats], f, nil
		}
	}
	f, found, err := h.factsAt(num)
	if !found || err != nil {
		return nil, nil, nil, err
	}
	return &f.brief, f.cats, f, nil
}

// locate finds the segment of document num and its number there.
func (h *hitFacts) locate(num uint64) (seg int, local uint64) {
	i := h.last
	if num < h.offsets[i] || (i+1 < len(h.offsets) && num >= h.offsets[i+1]) {
		i = sort.Search(len(h.offsets), func(x int) bool { return h.offsets[x] > num }) - 1
		h.last = i
	}
	return i, num - h.offsets[i]
}

// warm reads the first two cache lines of the facts of docs, each load
// independent of the others, so that the processor fetches them from
// memory at once rather than one miss after another as the checks that
// follow reach each in turn. The facts sit in Z-order of place, the
// documents in the order they were indexed: without this, waiting for
// memory was a seventh of the server's time under load.
func (h *hitFacts) warm(docs []uint32) (sum uint32) {
	for _, num := range docs {
		i, local := h.locate(uint64(num))
		if f := h.segs[i].facts[local]; f != nil {
			sum += f.slots + uint32(f.catBuf[0])
		}
	}
	return sum
}
