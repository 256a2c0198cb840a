package insight

import (
	"runtime"
	"sync"
	"time"

	"kith/directory"
	"kith/geo"
)

// The assumptions of the gap score, stated in docs/INSIGHT.md.
const (
	// unstatedPlaces is what a service that states no limit is counted as
	// offering: about the new members a community group takes on in a season.
	unstatedPlaces = 10
	// standIn replaces a count from 1 to 4 wherever a published figure is
	// computed from an LSOA's demand: the middle of what "<5" already says,
	// so no derived figure carries anything about the true count.
	standIn = 2.5
)

// supplier is a service that could meet the need.
type supplier struct {
	venues     []geo.Point
	remote     bool // online or by phone, so reachable from everywhere
	capacity   directory.Capacity
	noCapacity int // requests turned away for want of room, in the period
	answered   int // requests answered either way, in the period
}

// offer is the places the service brings to its catchment (K in
// docs/INSIGHT.md): its free places, or unstatedPlaces, cut by the share of
// requests it turned away for lack of room; none while it is paused.
func (s supplier) offer(now time.Time) float64 {
	if s.capacity.PausedAt(now) {
		return 0
	}
	places := float64(unstatedPlaces)
	if left := s.capacity.PlacesLeft(); left != nil {
		places = float64(*left)
	}
	if s.answered > 0 {
		places *= 1 - float64(s.noCapacity)/float64(s.answered)
	}
	return places
}

// weight is the deprivation weight W: 2 for the most deprived tenth of
// LSOAs, falling evenly to 1 for the least deprived.
func weight(decile int) float64 {
	if decile < 1 || decile > 10 {
		return 1
	}
	return 1 + float64(10-decile)/9
}

// protected is an LSOA's demand as the published figures treat it.
func protected(n int) float64 {
	if small(n) {
		return standIn
	}
	return float64(n)
}

// model is a two-step floating catchment: every service's offer is shared
// among the demand within the radius of it (step one), and every LSOA's
// access is the sum of the shares of the services within the radius of it
// (step two). Services delivered online or by phone reach every LSOA.
type model struct {
	lsoas  []LSOA
	demand []float64 // protected demand by LSOA index
	sups   []supplier
	grid   *geo.Grid // venues, by supplier index
	remote []int32
	// remoteSupply sums the remote services, which every area reaches.
	remoteSupply supplyFacts
	radiusKm     float64
	near         [][]int32 // by LSOA: the in-person services within the radius, each once
	share        []float64 // by supplier: offer per unit of demand in its catchment
	anywhere     float64   // the shares of the remote services, which every LSOA has
}

func newModel(ls []LSOA, demand []float64, sups []supplier, radiusKm float64) *model {
	m := &model{lsoas: ls, demand: demand, sups: sups, grid: geo.NewGrid(max(radiusKm, 1)), radiusKm: radiusKm}
	for j, s := range sups {
		if s.remote {
			m.remote = append(m.remote, int32(j))
			m.remoteSupply.add(s)
			continue
		}
		for _, v := range s.venues {
			m.grid.Add(int32(j), v)
		}
	}
	return m
}

// index finds, once for both steps, the in-person services with a venue
// within the radius of each LSOA. Each worker keeps its lists in one
// buffer, since ten million small slices would cost more than the search.
func (m *model) index() {
	m.near = make([][]int32, len(m.lsoas))
	parallel(len(m.lsoas), func(lo, hi int) {
		seen := make([]int32, len(m.sups))
		var buf []int32
		starts := make([]int, 0, hi-lo+1)
		for i := lo; i < hi; i++ {
			starts = append(starts, len(buf))
			mark := int32(i) + 1 // unique to this LSOA, so seen need not be cleared
			m.grid.Within(m.lsoas[i].Point, m.radiusKm, func(j int32, _ float64) {
				if seen[j] != mark {
					seen[j] = mark
					buf = append(buf, j)
				}
			})
		}
		starts = append(starts, len(buf))
		for k := range hi - lo {
			m.near[lo+k] = buf[starts[k]:starts[k+1]:starts[k+1]]
		}
	})
}

// solve is step one: the demand in each service's catchment, and so its
// share. A share divides by at least one, since a catchment holding no
// demand reaches only LSOAs whose gap is zero whatever it offers.
func (m *model) solve(now time.Time) {
	m.index()
	loads := make([]float64, len(m.sups))
	total := 0.0
	for i, d := range m.demand {
		for _, j := range m.near[i] {
			loads[j] += d
		}
		total += d
	}
	m.share = make([]float64, len(m.sups))
	for _, j := range m.remote {
		loads[j] = total
	}
	for j, s := range m.sups {
		m.share[j] = s.offer(now) / max(loads[j], 1)
	}
	m.anywhere = 0
	for _, j := range m.remote {
		m.anywhere += m.share[j]
	}
}

// parallel splits [0, n) among the CPUs and waits for fn on every part.
func parallel(n int, fn func(lo, hi int)) {
	workers := max(1, min(runtime.GOMAXPROCS(0), n))
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := n*w/workers, n*(w+1)/workers
		wg.Go(func() { fn(lo, hi) })
	}
	wg.Wait()
}
