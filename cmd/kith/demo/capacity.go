package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"kith/directory"
)

// Capacity as small groups set it: most listings say how many people they
// can take; a few keep a waiting list or a weekly cap; a few have paused
// intake for a while. Listings that already have capacity are left alone, so
// a second load changes nothing.
func writeCapacity(ctx context.Context, store *directory.Store, services []*service, now time.Time) (int, error) {
	rng := rand.New(rand.NewPCG(seed, 0xcafe))
	plans := make([]capacityPlan, len(services))
	for i, s := range services {
		plans[i] = planCapacity(rng, s, now)
	}
	n := 0
	for _, p := range plans {
		if p.skip {
			continue
		}
		c, err := store.Capacity(ctx, p.id)
		if err != nil {
			return n, err
		}
		if !c.UpdatedAt.IsZero() {
			continue
		}
		if err := p.write(ctx, store); err != nil {
			return n, fmt.Errorf("demo: capacity: %w", err)
		}
		n++
	}
	return n, nil
}

type capacityPlan struct {
	id    string
	skip  bool
	in    directory.CapacityInput
	pause *directory.PauseInput
}

func planCapacity(rng *rand.Rand, s *service, now time.Time) capacityPlan {
	p := capacityPlan{id: s.id, skip: rng.IntN(10) == 0} // one in ten never says
	maximum := 4 + rng.IntN(27)
	p.in = directory.CapacityInput{Unit: "places", Maximum: &maximum}
	if rng.IntN(4) == 0 {
		wl := 2 + rng.IntN(6)
		p.in.Waitlist = &wl
	}
	if rng.IntN(8) == 0 {
		wc := 1 + rng.IntN(4)
		p.in.WeeklyCap = &wc
	}
	if rng.IntN(30) == 0 {
		p.pause = &directory.PauseInput{Reason: pauseReasons[rng.IntN(len(pauseReasons))]}
		if rng.IntN(2) == 0 {
			p.pause.ResumeOn = now.AddDate(0, 0, 14+rng.IntN(60)).Format(time.DateOnly)
		}
	}
	return p
}

var pauseReasons = []string{
	"Our volunteers are on a break over the holidays; back soon.",
	"The hall is being refurbished, so we are not taking new members for now.",
	"We are full for this term and will reopen for the next one.",
	"Our group leader is off sick; we will reopen as soon as we can.",
}

func (p capacityPlan) write(ctx context.Context, store *directory.Store) error {
	if _, err := store.SetCapacity(ctx, p.id, p.in); err != nil {
		return err
	}
	if p.pause != nil {
		_, err := store.Pause(ctx, p.id, *p.pause)
		return err
	}
	return nil
}
