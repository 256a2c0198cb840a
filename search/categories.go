package search

import (
	"slices"
	"sync"
)

// catalogue numbers category codes so that facts hold small sorted integer
// lists instead of maps: checking and counting categories over thousands of
// candidates is then a scan of a few integers each.
var catalogue = struct {
	sync.RWMutex
	index map[string]uint16
	codes []string
}{index: map[string]uint16{}}

// catID returns the number of code, giving it one if it has none.
func catID(code string) uint16 {
	catalogue.RLock()
	id, ok := catalogue.index[code]
	catalogue.RUnlock()
	if ok {
		return id
	}
	catalogue.Lock()
	defer catalogue.Unlock()
	if id, ok := catalogue.index[code]; ok {
		return id
	}
	id = uint16(len(catalogue.codes))
	catalogue.index[code] = id
	catalogue.codes = append(catalogue.codes, code)
	return id
}

// catIDs numbers codes, sorted and without repeats.
func catIDs(codes []string) []uint16 {
	ids := make([]uint16, 0, len(codes))
	for _, c := range codes {
		ids = append(ids, catID(c))
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// knownCatIDs numbers the codes a query asks for without adding any to the
// catalogue (queries come from outside); ok is false when a code is unknown,
// so nothing can match it.
func knownCatIDs(codes []string) (ids []uint16, ok bool) {
	catalogue.RLock()
	defer catalogue.RUnlock()
	for _, c := range codes {
		id, known := catalogue.index[c]
		if !known {
			return nil, false
		}
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids, true
}

// catCounts turns counts indexed by category number into counts by code.
func catCounts(counts []int32) map[string]int {
	catalogue.RLock()
	defer catalogue.RUnlock()
	out := map[string]int{}
	for id, n := range counts {
		if n > 0 {
			out[catalogue.codes[id]] = int(n)
		}
	}
	return out
}

// hasCats reports whether sorted have holds every one of want.
func hasCats(have, want []uint16) bool {
	for _, w := range want {
		if _, ok := slices.BinarySearch(have, w); !ok {
			return false
		}
	}
	return true
}
