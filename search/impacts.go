package search

import (
	"math"
	"sync"
	"sync/atomic"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// A segment never changes once written, so what a term's postings list in
// it adds to a score, √freq × norm per document, is the same every time the
// term is searched for. For the long lists of common words it is decoded
// once and kept as two arrays: reading bleve's postings iterator, a
// document at a time through its roaring bitmap and varint chunks, was most
// of a text search, and the common words (club, group, support and their
// synonyms) are in every other search. Deletions differ from snapshot to
// snapshot, so the arrays hold every document and a search skips the ones
// its snapshot has deleted.
const (
	// impactBudget bounds the postings kept over all segments, at 8 bytes
	// each: at 100,000 services the terms in 8,192 documents or more hold
	// about 2 million, and the words searched for first are kept.
	impactBudget = 1 << 20
)

// impactMinDocs: shorter lists are read through bleve's iterator (a
// variable so that tests can keep every list).
var impactMinDocs uint64 = 8192

// impacts are one term's postings in one segment: segment-local document
// numbers, ascending, and √freq × norm for each.
type impacts struct {
	docs    []uint32
	weights []float32
}

type fieldTerm struct{ field, term string }

type segmentImpacts struct {
	mu      sync.RWMutex
	byTerm  map[fieldTerm]*impacts
	dropped bool // merged away: keeps nothing more
	deleted *roaring.Bitmap
	delBits []uint64 // deleted, as a bitset
}

var (
	impactSegs     perSegment[*segmentImpacts]
	impactPostings atomic.Int64 // kept over all segments
)

// impactsOf returns term's impacts in each segment of live (nil where its
// list is short or the budget is spent), decoding those not yet kept.
func impactsOf(live []*scorch.SegmentSnapshot, dicts []segment.TermDictionary, lists segLists, ft fieldTerm) ([]*impacts, error) {
	var out []*impacts
	for i, seg := range live {
		if lists[i].Count() < impactMinDocs {
			continue
		}
		imp, err := segmentImpactsOf(seg, live).get(dicts[i], ft)
		if err != nil {
			return nil, err
		}
		if imp == nil {
			continue
		}
		if out == nil {
			out = make([]*impacts, len(live))
		}
		out[i] = imp
	}
	return out, nil
}

func segmentImpactsOf(seg *scorch.SegmentSnapshot, live []*scorch.SegmentSnapshot) *segmentImpacts {
	return impactSegs.get(seg, live,
		func() *segmentImpacts { return &segmentImpacts{byTerm: map[fieldTerm]*impacts{}} },
		func(si *segmentImpacts) { reserveImpacts(-si.drop()) })
}

// drop forgets what si keeps and says how many postings that was.
func (si *segmentImpacts) drop() int {
	si.mu.Lock()
	defer si.mu.Unlock()
	n := 0
	for _, imp := range si.byTerm {
		n += len(imp.docs)
	}
	si.byTerm, si.dropped = nil, true
	return n
}

// get returns ft's impacts, decoding and keeping them when the budget
// allows; nil when it does not.
func (si *segmentImpacts) get(dict segment.TermDictionary, ft fieldTerm) (*impacts, error) {
	si.mu.RLock()
	imp, ok := si.byTerm[ft]
	si.mu.RUnlock()
	if ok {
		return imp, nil
	}
	pl, err := dict.PostingsList([]byte(ft.term), nil, nil)
	if err != nil {
		return nil, err
	}
	n := int(pl.Count())
	if !reserveImpacts(n) {
		return nil, nil
	}
	if imp, err = decodeImpacts(pl, n); err != nil {
		reserveImpacts(-n)
		return nil, err
	}
	si.mu.Lock()
	defer si.mu.Unlock()
	if had, ok := si.byTerm[ft]; ok || si.dropped {
		reserveImpacts(-n) // decoded twice at once, or merged away meanwhile
		if ok {
			return had, nil
		}
		return imp, nil
	}
	si.byTerm[ft] = imp
	return imp, nil
}

// reserveImpacts counts n more postings kept (fewer when n < 0) and says
// whether the budget allows it.
func reserveImpacts(n int) bool {
	for {
		had := impactPostings.Load()
		if n > 0 && had+int64(n) > impactBudget {
			return false
		}
		if impactPostings.CompareAndSwap(had, had+int64(n)) {
			return true
		}
	}
}

func decodeImpacts(pl segment.PostingsList, n int) (*impacts, error) {
	imp := &impacts{docs: make([]uint32, 0, n), weights: make([]float32, 0, n)}
	it := pl.Iterator(true, true, false, nil)
	p, err := it.Next()
	for ; p != nil && err == nil; p, err = it.Next() {
		imp.docs = append(imp.docs, uint32(p.Number()))
		imp.weights = append(imp.weights, impactOf(p))
	}
	return imp, err
}

// deletedBits returns seg's deleted documents as a bitset, or nil when it
// has none; a snapshot's deletions never change, so the last is kept.
func (si *segmentImpacts) deletedBits(seg *scorch.SegmentSnapshot) []uint64 {
	del := seg.Deleted()
	if del == nil || del.IsEmpty() {
		return nil
	}
	si.mu.RLock()
	bits, same := si.delBits, si.deleted == del
	si.mu.RUnlock()
	if same {
		return bits
	}
	bits = make([]uint64, (seg.FullSize()+63)/64)
	for it := del.Iterator(); it.HasNext(); {
		d := it.Next()
		bits[d>>6] |= 1 << (d & 63)
	}
	si.mu.Lock()
	si.deleted, si.delBits = del, bits
	si.mu.Unlock()
	return bits
}

// impactOf is what one posting adds to a score before the term's weight.
func impactOf(p segment.Posting) float32 {
	return float32(math.Sqrt(float64(p.Frequency())) * p.Norm())
}
