package insight

import (
	"cmp"
	"slices"
	"time"
)

// analyse runs the gap analysis on what the store read: demand by LSOA and
// the services that could meet it, for a viewer confined to scope (nil for
// all of England).
func analyse(q Query, scope *Area, rows []demandRow, sups []supplier, now time.Time) Gaps {
	t := lsoas()
	p := place(rows, t, scope.code())
	m := newModel(t.all, p.protectedDemand(), sups, q.RadiusKm)
	m.solve(now)
	g := Gaps{Query: q, Area: scope, AsOf: now}
	facts := p.group(q, t, scope.code(), &g.Coverage)
	parallel(len(facts), func(lo, hi int) {
		seen := make([]int32, len(sups))
		for k := lo; k < hi; k++ {
			m.measure(&facts[k], seen, int32(k)+1)
		}
	})
	g.Areas, g.Totals = publish(facts, t, q, p.outside)
	return g
}

// code is the local authority a scope confines to; "" for everywhere.
func (a *Area) code() string {
	if a == nil {
		return ""
	}
	return a.Code
}

// demandCells are where a demand count and its two parts sit in the ledger.
type demandCells struct{ refs, unmet, demand int }

// areaCells are an area's counts in the ledger.
type areaCells struct {
	demandCells
	held, noCapacity int
}

// publish applies disclosure control to the areas' figures, ranks them,
// and gives the totals. Referrals and unmet needs add up to demand in each
// area, and each of the three adds up over the areas (and the unplaced) to
// its total, so all of those are groups.
func publish(facts []areaFacts, t lsoaTable, q Query, outside [2]int) ([]GapArea, GapTotals) {
	var l ledger
	cells := make([]areaCells, len(facts))
	rows := make([]demandCells, len(facts)+1)
	refs, unmet := outside[0], outside[1]
	for k, a := range facts {
		cells[k] = areaCells{l.demandCells(a.referrals, a.unmet), l.cell(a.supply.held), l.cell(a.supply.noCapacity)}
		rows[k] = cells[k].demandCells
		refs, unmet = refs+a.referrals, unmet+a.unmet
	}
	unplaced := l.demandCells(outside[0], outside[1])
	rows[len(facts)] = unplaced
	total := l.demandCells(refs, unmet)
	l.columns(total, rows)
	l.protect()
	areas := make([]GapArea, len(facts))
	for k, a := range facts {
		areas[k] = l.gapArea(a, cells[k], t, q)
	}
	rank(areas)
	return areas, GapTotals{Referrals: l.count(total.refs), UnmetNeeds: l.count(total.unmet),
		Demand: l.count(total.demand), Unplaced: l.count(unplaced.demand)}
}

func (l *ledger) demandCells(refs, unmet int) demandCells {
	c := demandCells{refs: l.cell(refs), unmet: l.cell(unmet), demand: l.cell(refs + unmet)}
	l.group(c.demand, c.refs, c.unmet)
	return c
}

// columns groups each of referrals, unmet needs and demand over the rows.
func (l *ledger) columns(total demandCells, rows []demandCells) {
	for _, col := range []func(demandCells) int{
		func(c demandCells) int { return c.refs },
		func(c demandCells) int { return c.unmet },
		func(c demandCells) int { return c.demand },
	} {
		parts := make([]int, len(rows))
		for k, c := range rows {
			parts[k] = col(c)
		}
		l.group(col(total), parts...)
	}
}

// gapArea is one area as published: what is computed from demand is
// withheld with it.
func (l *ledger) gapArea(a areaFacts, c areaCells, t lsoaTable, q Query) GapArea {
	d := decile(t, a.members)
	out := GapArea{Code: a.code, Name: areaName(q.Geography, a.code), Point: centre(t, a.members), IMDDecile: &d,
		Referrals: l.count(c.refs), UnmetNeeds: l.count(c.unmet), Demand: l.count(c.demand),
		Shortfall: l.derived(a.shortfall, 1, c.demand), Access: l.derived(a.meanAccess(), 2, c.demand),
		GapScore: l.derived(a.score, 1, c.demand), Services: a.supply.services, Places: a.supply.places,
		Unstated: a.supply.unstated, Held: l.count(c.held), Utilisation: none, NoCapacity: l.count(c.noCapacity),
		NoCapacityRate: withheld, LSOAs: len(a.members)}
	if a.supply.places > 0 {
		out.Utilisation = l.derived(float64(a.supply.held)/float64(a.supply.places), 3, c.held)
	}
	if !l.hidden[c.noCapacity] {
		rate := float64(a.supply.noCapacity) / float64(max(a.supply.answered, 1))
		out.NoCapacityRate = statistic(&rate, 3, a.supply.answered)
	}
	return out
}

// rank orders the areas by published gap score, highest first (then by
// demand, then code), and numbers them; equal scores share a rank. Areas
// whose score is withheld come last, unranked.
func rank(areas []GapArea) {
	slices.SortStableFunc(areas, func(a, b GapArea) int {
		if (a.GapScore.Value == nil) != (b.GapScore.Value == nil) {
			return cmp.Compare(boolInt(a.GapScore.Value == nil), boolInt(b.GapScore.Value == nil))
		}
		if a.GapScore.Value == nil {
			return cmp.Compare(a.Code, b.Code)
		}
		return cmp.Or(cmp.Compare(*b.GapScore.Value, *a.GapScore.Value), cmp.Compare(*b.Demand.Value, *a.Demand.Value),
			cmp.Compare(a.Code, b.Code))
	})
	for k := range areas {
		if areas[k].GapScore.Value == nil {
			return
		}
		r := k + 1
		if k > 0 && *areas[k-1].GapScore.Value == *areas[k].GapScore.Value {
			r = *areas[k-1].Rank
		}
		areas[k].Rank = &r
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
