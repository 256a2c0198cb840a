package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"kith/directory"
)

// Capacity as small groups set it: most listings say how many people they
// can take; a few keep a waiting list or a weekly cap; a few have paused
// intake for a while. One-to-one casework is different: see casework.
// Listings that already have capacity are left alone, so a second load
// changes nothing.
func writeCapacity(ctx context.Context, store *directory.Store, services []*service, now time.Time) (int, error) {
	rng := rand.New(rand.NewPCG(seed, 0xcafe))
	// Casework draws from its own stream, so every other listing's capacity
	// is what it would be without it.
	stretched := rand.New(rand.NewPCG(seed, 0xca5e))
	plans := make([]capacityPlan, len(services))
	for i, s := range services {
		plans[i] = planCapacity(rng, s, now)
		if isCasework(s) {
			plans[i] = planCasework(stretched, s, now)
		}
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

// casework are the needs met one to one by trained advisers or
// counsellors: specialist debt, benefits and housing advice and talking
// support. Everywhere, and most of all in the poorest areas, far more people
// need them than they can see, so they are the gaps a commissioner should
// find on the demo's map.
var casework = []string{"debt-advice", "benefits-advice", "housing-advice", "talking-support"}

// isCasework is true for a listing filed first under a casework need; one
// that only also helps with it, such as a bereavement café where people
// talk, runs as a group.
func isCasework(s *service) bool { return slices.Contains(casework, s.in.Categories[0]) }

// planCasework gives a casework listing the capacity such services
// actually have: always stated, a handful of new people at a time, a
// waiting list, and often closed to new referrals until it shortens.
func planCasework(rng *rand.Rand, s *service, now time.Time) capacityPlan {
	maximum, wl := 1+rng.IntN(3), 5+rng.IntN(11)
	p := capacityPlan{id: s.id, in: directory.CapacityInput{Unit: "places", Maximum: &maximum, Waitlist: &wl}}
	if rng.IntN(3) > 0 {
		p.pause = &directory.PauseInput{Reason: caseloadFull[rng.IntN(len(caseloadFull))],
			ResumeOn: now.AddDate(0, 0, 28+rng.IntN(90)).Format(time.DateOnly)}
	}
	return p
}

var caseloadFull = []string{
	"Our advisers' caseloads are full, so we are not taking new referrals until the waiting list comes down.",
	"Closed to new referrals: the waiting list is over twelve weeks. Urgent cases should ring the council.",
	"We have lost a funded post and cannot take anyone new for now; please check back with us.",
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
