package search

import (
	"context"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"

	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// maxLanes is how many goroutines may share one text search.
const maxLanes = 2

// twoLanesFrom is how many postings a text search reads before it splits
// into two lanes. Over the bench's 1,600 text queries at 100,000 services,
// two lanes took 0.75× the time of one from 80,000 postings (a common word
// and its synonyms, no place: the searches that set the server's p99),
// 0.87× from 40,000 and 0.95× from 20,000, but 1.05× below that, where
// starting and joining a lane costs more than it saves. The work mostly
// waits on memory, so two lanes spend about a third more processor time
// between them than one does.
var twoLanesFrom uint64 = 20000

// lane is one goroutine's share of a text search: the documents it scored
// and the iterator it reads postings with.
type lane struct {
	touched []uint32
	allowed []uint32 // near a place: the documents of its cells
	it      segment.PostingsIterator
	warmed  uint32 // keeps the loads of hitFacts.warm from being optimised away
}

// match scores the documents and checks each one scored with check, into
// ms. A wide search is split in two halves of the index's documents; each
// half is scored and checked by one lane, into matches of its own, and the
// second lane's are added to ms at the end. Scores and checks do not
// depend on the split, so neither do the results.
func (s *textSearch) match(ctx context.Context, ms *matches, check func(l *lane, out *matches) error) error {
	n := 1
	if s.postings >= twoLanesFrom && runtime.GOMAXPROCS(0) > 1 {
		n = maxLanes
	}
	outs := [maxLanes]*matches{ms}
	for i := 1; i < n; i++ {
		outs[i] = newMatches()
		defer outs[i].release()
	}
	err := inLanes(n, func(i int) error {
		lo, hi := laneRange(i, n, s.b.n)
		l := &s.b.lanes[i]
		if err := s.scoreRange(ctx, l, lo, hi); err != nil {
			return err
		}
		return check(l, outs[i])
	})
	if err != nil {
		return err
	}
	for _, o := range outs[1:n] {
		ms.cands = append(ms.cands, o.cands...)
		ms.counts.addAll(&o.counts)
	}
	return nil
}

// laneRange is the documents lane i of n reads: lo to hi, exclusive, split
// on a multiple of 64 so lanes share no word of a bitset.
func laneRange(i, n int, docs uint64) (lo, hi uint64) {
	cut := func(k int) uint64 {
		if k == n {
			return docs
		}
		return docs * uint64(k) / uint64(n) &^ 63
	}
	return cut(i), cut(i + 1)
}

// inLanes runs work for lanes 0 to n-1 on the calling goroutine and n-1
// helpers, each taking the next lane nobody has taken. When the processors
// are busy and a helper starts late, it finds nothing left: the caller has
// done every lane itself, no later than it would have alone. A panic in a
// lane (a damaged index can fault) is raised again on the caller, where
// the search's guard handles it.
func inLanes(n int, work func(i int) error) error {
	var next atomic.Int32
	var wg sync.WaitGroup
	errs, panics := make([]error, n), make([]any, n)
	take := func() {
		for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
			func() {
				defer wg.Done()
				defer func() { panics[i] = recover() }()
				errs[i] = work(i)
			}()
		}
	}
	wg.Add(n)
	for range n - 1 {
		go func() {
			debug.SetPanicOnFault(true) // as the guard sets for the caller
			take()
		}()
	}
	take()
	wg.Wait()
	for _, p := range panics {
		if p != nil {
			panic(p)
		}
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
