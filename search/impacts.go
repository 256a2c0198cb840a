package search

import (
	"math"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// A segment never changes once written, so what a term's postings list in
// it adds to a score, √freq × norm per document, is the same every time the
// term is searched for. It is decoded once and kept as arrays: reading
// bleve's postings iterator, a document at a time through its roaring
// bitmap and varint chunks, was most of a text search. Deletions differ
// from snapshot to snapshot, so the arrays hold every document and a
// search skips the ones its snapshot has deleted.
//
// A kept posting takes 4 bytes: its document number's low 16 bits, and
// its impact as an index into the term's distinct impacts (one for each
// frequency and field length the term occurs with, far fewer than its
// postings). At 8 bytes, a plain number and float each, the budget held
// only the lists of 8,192 documents or more; now the lists the bench
// searches all fit, and a search near a place can look up just the
// documents of its cells (see eachImpact).
const (
	// impactBudget bounds the postings kept over all segments, each list
	// charged listCost more for its arrays and map entry: 12 MB. The bench's
	// 2,000 queries at 100,000 services keep 2.7 million postings' worth,
	// their cells' included; the lists searched for first are kept.
	impactBudget = 3 << 20
	listCost     = 64
)

// impactMinDocs: shorter lists are read through bleve's iterator. Every
// list is kept; tests raise it to keep none, and score through bleve.
var impactMinDocs uint64 = 1

// impacts are one term's postings in one segment, in ascending order of
// segment-local document number.
type impacts struct {
	lows   []uint16  // each number's low 16 bits
	starts []int32   // starts[h]: the first posting whose number's high bits are h or more
	which  []uint16  // each posting's impact, as an index into values
	values []float32 // the distinct impacts
}

// maxDistinctImpacts is what an index in which can name; a term with more
// is read through bleve's iterator.
const maxDistinctImpacts = 1 << 16

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
		n += imp.cost()
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
	n := int(pl.Count()) + listCost
	if !reserveImpacts(n) {
		return nil, nil
	}
	if imp, err = decodeImpacts(pl); imp == nil || err != nil {
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

// decodeImpacts reads pl into impacts; nil when its impacts are too varied
// to index.
func decodeImpacts(pl segment.PostingsList) (*impacts, error) {
	n := int(pl.Count())
	imp := &impacts{lows: make([]uint16, 0, n), which: make([]uint16, 0, n)}
	index := map[float32]uint16{}
	it := pl.Iterator(true, true, false, nil)
	p, err := it.Next()
	for ; p != nil && err == nil; p, err = it.Next() {
		if !imp.add(uint32(p.Number()), impactOf(p), index) {
			return nil, nil
		}
	}
	imp.starts = append(imp.starts, int32(len(imp.lows)))
	return imp, err
}

// add appends doc, numbered above those added before, with impact w;
// index finds w among values. It reports false when w would be one value
// too many.
func (imp *impacts) add(doc uint32, w float32, index map[float32]uint16) bool {
	i, ok := index[w]
	if !ok {
		if len(imp.values) == maxDistinctImpacts {
			return false
		}
		i = uint16(len(imp.values))
		index[w], imp.values = i, append(imp.values, w)
	}
	for len(imp.starts) <= int(doc>>16) {
		imp.starts = append(imp.starts, int32(len(imp.lows)))
	}
	imp.lows, imp.which = append(imp.lows, uint16(doc)), append(imp.which, i)
	return true
}

// cost is what imp is charged against the budget.
func (imp *impacts) cost() int { return len(imp.lows) + listCost }

// between calls fn with the number, plus base, and the impact of each
// document numbered lo to hi (exclusive) that del (a bitset, nil for none)
// does not hold.
func (imp *impacts) between(lo, hi uint32, base uint64, del []uint64, fn func(doc uint64, impact float32)) {
	for h := lo >> 16; h < uint32(len(imp.starts)-1) && h<<16 < hi; h++ {
		from, to := imp.starts[h], imp.starts[h+1]
		lows := imp.lows[from:to]
		k := 0
		if h == lo>>16 {
			k, _ = slices.BinarySearch(lows, uint16(lo))
		}
		for ; k < len(lows); k++ {
			d := h<<16 | uint32(lows[k])
			if d >= hi {
				return
			}
			if del == nil || !has(del, uint64(d)) {
				fn(base+uint64(d), imp.values[imp.which[int(from)+k]])
			}
		}
	}
}

// among calls fn, as between does, for each document of docs that imp
// holds; docs are ascending numbers in the index, first the number of the
// segment's first document. It looks each one up, starting from where the
// last was found, so that a few documents in range cost a few steps each
// rather than a read of the whole list.
func (imp *impacts) among(docs []uint32, first uint64, del []uint64, fn func(doc uint64, impact float32)) {
	k := 0
	for _, doc := range docs {
		d := doc - uint32(first)
		h := int(d >> 16)
		if h >= len(imp.starts)-1 {
			return
		}
		end := int(imp.starts[h+1])
		k = seek(imp.lows[:end], max(k, int(imp.starts[h])), uint16(d))
		if k < end && imp.lows[k] == uint16(d) && (del == nil || !has(del, uint64(d))) {
			fn(uint64(doc), imp.values[imp.which[k]])
		}
	}
}

// seek returns the first index from k on at which lows holds x or more
// (len(lows) if none), galloping: steps of 1, 2, 4 and so on, then a
// binary search within the last step.
func seek(lows []uint16, k int, x uint16) int {
	step, prev := 1, k
	for k < len(lows) && lows[k] < x {
		prev, k = k+1, k+step
		step <<= 1
	}
	i, _ := slices.BinarySearch(lows[prev:min(k, len(lows))], x)
	return prev + i
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
