package demo

import (
	"cmp"
	"context"
	"fmt"
	"sync"

	"kith/directory"
)

// workers is how many listings are written at once. Each PutService is its
// own transaction with a dozen statements, so a few in flight hide the round
// trips without crowding a small embedded PostgreSQL.
const workers = 4

// writeOrgs puts every organisation and reports how many the store changed.
func writeOrgs(ctx context.Context, store *directory.Store, orgs []*org) (int, error) {
	return forEach(ctx, orgs, func(ctx context.Context, o *org) (int, error) {
		_, ver, err := store.PutOrganisation(ctx, o.id, o.in)
		if err != nil {
			return 0, fmt.Errorf("demo: organisation %q: %w", o.in.Name, err)
		}
		return changed(ver), nil
	})
}

// writeServices puts every listing. One worker takes all of an
// organisation's listings, because they share location rows and two
// transactions upserting the same locations in different orders could
// deadlock.
func writeServices(ctx context.Context, store *directory.Store, orgs []*org) (int, error) {
	return forEach(ctx, orgs, func(ctx context.Context, o *org) (int, error) {
		n := 0
		for _, s := range o.services {
			_, ver, err := store.PutService(ctx, s.id, s.in)
			if err != nil {
				return n, fmt.Errorf("demo: service %q of %q: %w", s.in.Name, o.in.Name, err)
			}
			n += changed(ver)
		}
		return n, nil
	})
}

func changed(v *directory.Version) int {
	if v == nil {
		return 0
	}
	return 1
}

// forEach runs fn over items on a few goroutines, stops handing out work at
// the first error, and returns the sum of what fn counted.
func forEach[T any](ctx context.Context, items []T, fn func(context.Context, T) (int, error)) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan T)
	var (
		mu    sync.Mutex
		total int
		first error
		wg    sync.WaitGroup
	)
	for range workers {
		wg.Go(func() {
			for item := range jobs {
				n, err := fn(ctx, item)
				mu.Lock()
				total += n
				if err != nil && first == nil {
					first = err
					cancel()
				}
				mu.Unlock()
			}
		})
	}
	send(ctx, jobs, items)
	wg.Wait()
	return total, cmp.Or(first, ctx.Err())
}

// send feeds items to the workers until they run out or ctx ends.
func send[T any](ctx context.Context, jobs chan<- T, items []T) {
	defer close(jobs)
	for _, item := range items {
		select {
		case jobs <- item:
		case <-ctx.Done():
			return
		}
	}
}
