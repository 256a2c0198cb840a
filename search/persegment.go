package search

import (
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// perSegment keeps a value per index segment, for the caches of what a
// segment holds: a segment never changes once written. When a segment is
// first seen, those no longer in the live snapshot (merged away, or of an
// index a rebuild replaced) are forgotten; a search still reading them
// keeps its own references.
type perSegment[V any] struct {
	mu   sync.Mutex
	segs map[any]V // by the segment itself
}

// get returns seg's value, made by fresh the first time; forgotten is told
// of each value dropped.
func (c *perSegment[V]) get(seg *scorch.SegmentSnapshot, live []*scorch.SegmentSnapshot, fresh func() V, forgotten func(V)) V {
	key := any(seg.Segment())
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.segs[key]; ok {
		return v
	}
	kept := map[any]V{}
	for k, v := range c.segs {
		if slices.ContainsFunc(live, func(s *scorch.SegmentSnapshot) bool { return any(s.Segment()) == k }) {
			kept[k] = v
		} else if forgotten != nil {
			forgotten(v)
		}
	}
	c.segs = kept
	v := fresh()
	c.segs[key] = v
	return v
}
