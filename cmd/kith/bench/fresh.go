package bench

import (
	"context"
	"fmt"
	"slices"
	"time"

	"kith/directory"
	"kith/search"
)

const (
	freshWrites = 20
	// freshGiveUp ends the wait for one write; a change that takes this
	// long is reported as this long.
	freshGiveUp = 5 * time.Second
)

// freshness is how long listing changes took to become searchable.
type freshness struct {
	Writes   int
	P50, Max time.Duration
	Within1s int
}

// measureFreshness renames listings through directory.Store, as an admin
// editing in the browser would, and times from the moment the write
// returns until Engine.Search finds the new name. The engine's follower
// must be running.
func measureFreshness(ctx context.Context, store *directory.Store, e *search.Engine, ids []string, seed uint64) (freshness, error) {
	admin := directory.WithUser(ctx, directory.SystemUser())
	d := newDice(seed, 3)
	var took []time.Duration
	for _, id := range ids {
		word := probeWord(d)
		if err := rename(admin, store, id, word); err != nil {
			return freshness{}, fmt.Errorf("freshness write: %w", err)
		}
		written := time.Now()
		if err := waitFound(ctx, e, id, word); err != nil {
			return freshness{}, err
		}
		took = append(took, time.Since(written))
	}
	l := summarise(took)
	f := freshness{Writes: len(took), P50: l.P50, Max: slices.Max(took)}
	for _, t := range took {
		if t <= time.Second {
			f.Within1s++
		}
	}
	return f, nil
}

// freshTargets spreads the writes over findable listings with venues.
func freshTargets(ds *dataset) []string {
	var out []string
	step := max(1, len(ds.services)/(freshWrites*2))
	for i := 0; i < len(ds.services) && len(out) < freshWrites; i += step {
		if s := &ds.services[i]; s.findable() && len(s.venues) > 0 {
			out = append(out, s.id)
		}
	}
	return out
}

// probeWord is a made-up word no listing contains and no other probe is
// one typo away from.
func probeWord(d dice) string {
	b := []byte("kith")
	for range 8 {
		b = append(b, byte('a'+d.r.IntN(26)))
	}
	return string(b)
}

func rename(ctx context.Context, store *directory.Store, id, word string) error {
	svc, err := store.Service(ctx, id)
	if err != nil {
		return err
	}
	in := svc.Input()
	in.Name = svc.Name + " " + word
	_, _, err = store.UpdateService(ctx, id, in)
	return err
}

// waitFound polls search every millisecond until id is found for word.
func waitFound(ctx context.Context, e *search.Engine, id, word string) error {
	deadline := time.Now().Add(freshGiveUp)
	for time.Now().Before(deadline) {
		res, err := e.Search(ctx, search.Query{Text: word, Limit: search.MaxLimit})
		if err != nil {
			return err
		}
		if slices.ContainsFunc(res.Hits, func(h search.Hit) bool { return h.ServiceID == id }) {
			return nil
		}
		time.Sleep(time.Millisecond)
	}
	return nil
}
