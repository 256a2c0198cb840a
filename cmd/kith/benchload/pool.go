package benchload

import (
	"math/rand/v2"
	"sync"
)

// pool holds what the run has made (referrals, connections) for clients to
// work on. A client takes an item for the length of one request, so no two
// requests ever act on the same item at once: every write the bench sends
// is valid for the state the bench knows the item is in, and a refusal is
// the server's fault, not a race in the bench.
type pool[T any] struct {
	mu    sync.Mutex
	items []*held[T]
}

type held[T any] struct {
	v    T
	busy bool
}

func (p *pool[T]) add(v T) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.items = append(p.items, &held[T]{v: v})
}

// take returns an idle item that ok accepts, starting the search at a
// random place so clients spread over the pool, or nil when there is none.
func (p *pool[T]) take(rng *rand.Rand, ok func(*T) bool) *held[T] {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := len(p.items)
	if n == 0 {
		return nil
	}
	start := rng.IntN(n)
	for i := range n {
		h := p.items[(start+i)%n]
		if !h.busy && ok(&h.v) {
			h.busy = true
			return h
		}
	}
	return nil
}

// give hands an item back; an item that is finished with (or whose state
// the bench no longer knows, after an error) leaves the pool.
func (p *pool[T]) give(h *held[T], keep bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	h.busy = false
	if keep {
		return
	}
	for i, x := range p.items {
		if x == h {
			last := len(p.items) - 1
			p.items[i], p.items[last] = p.items[last], nil
			p.items = p.items[:last]
			return
		}
	}
}

func (p *pool[T]) len() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.items)
}
