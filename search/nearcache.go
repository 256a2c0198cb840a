package search

import (
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/vellum/levenshtein"
)

// A segment of the index never changes once written, so the terms within
// one edit of a stem in it are the same every time the stem is searched
// for. They are kept for the large segments (a rebuilt index is one segment
// of every service; writes add small ones that merges fold in), so that a
// word searched for before costs neither a Levenshtein automaton (the
// largest single allocation of a text search) nor a walk of the
// dictionary. Keeping the automata instead held 30 MB at 1,500 words.
const nearCacheStems = 1 << 14

// nearCacheMinDocs: smaller segments are cheap to walk (a variable so that
// tests can cache every segment).
var nearCacheMinDocs uint64 = 1000

// termEdits are a stem's near terms in one segment, per text field.
type termEdits [len(textFields)]map[string]uint8

type segmentNear struct {
	mu     sync.RWMutex
	byStem map[string]termEdits
}

var nearCache perSegment[*segmentNear]

// cachedNear returns the cache for seg, or nil when seg is too small to
// be worth one.
func cachedNear(seg *scorch.SegmentSnapshot, live []*scorch.SegmentSnapshot) *segmentNear {
	if seg.Count() < nearCacheMinDocs {
		return nil
	}
	return nearCache.get(seg, live, func() *segmentNear { return &segmentNear{byStem: map[string]termEdits{}} }, nil)
}

// nearInSegment returns the terms within one edit of stem in seg, from the
// cache when it has them; dfa builds the automaton when first needed.
func nearInSegment(seg *scorch.SegmentSnapshot, live []*scorch.SegmentSnapshot, stem string,
	dfa func() (*levenshtein.DFA, error)) (termEdits, error) {
	sn := cachedNear(seg, live)
	if sn != nil {
		sn.mu.RLock()
		te, ok := sn.byStem[stem]
		sn.mu.RUnlock()
		if ok {
			return te, nil
		}
	}
	a, err := dfa()
	if err != nil {
		return termEdits{}, err
	}
	var te termEdits
	for i, field := range textFields {
		te[i] = map[string]uint8{}
		if err := collectNear(seg, field, a, te[i]); err != nil {
			return termEdits{}, err
		}
	}
	if sn != nil {
		sn.mu.Lock()
		if len(sn.byStem) >= nearCacheStems {
			clear(sn.byStem)
		}
		sn.byStem[stem] = te
		sn.mu.Unlock()
	}
	return te, nil
}
