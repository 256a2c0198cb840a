package demo

import "slices"

// atlas finds venues for organisations, spreading them out so that most
// community centres house one association rather than five.
type atlas struct {
	venues []*venue
	used   map[*venue]int
}

func newAtlas(venues []*venue) *atlas {
	return &atlas{venues: venues, used: map[*venue]int{}}
}

func (a *atlas) use(v *venue) { a.used[v]++ }

// generic venues are where a neighbourhood group goes when it needs a second
// room: the church hall down the road, the library, the park.
var generic = []string{"community_centre", "church_hall", "library", "park", "school"}

// home picks the least used venue of a kind the organisation meets in,
// inside its county, or inside Sunderland for borough-wide organisations.
func (a *atlas) home(d *dice, k *orgKind) *venue {
	inScope := func(v *venue) bool {
		switch {
		case k.county != "":
			return v.county == k.county
		case k.wide:
			return v.town == "Sunderland"
		}
		return true
	}
	c := a.filter(func(v *venue) bool { return inScope(v) && slices.Contains(k.venues, v.kind) })
	if k.building {
		// A congregation wants a building of its own before a room elsewhere.
		own := a.filter(func(v *venue) bool { return inScope(v) && v.kind == k.venues[0] && a.used[v] == 0 })
		if len(own) > 0 {
			c = own
		}
	}
	if len(c) == 0 {
		c = a.filter(func(v *venue) bool { return inScope(v) && v.kind == "community_centre" })
	}
	return a.leastUsed(d, c)
}

// nearby picks another venue for an organisation that meets in more than
// one: anywhere in its area for a borough-wide body, else close to home.
func (a *atlas) nearby(d *dice, k *orgKind, home *venue, have []*venue) *venue {
	fresh := func(v *venue) bool { return !slices.Contains(have, v) }
	var c []*venue
	if k.wide {
		c = a.filter(func(v *venue) bool {
			return fresh(v) && slices.Contains(k.venues, v.kind) && v.county == home.county && (k.county != "" || v.town == home.town)
		})
	} else {
		kinds := append(slices.Clone(k.venues), generic...)
		c = a.filter(func(v *venue) bool { return fresh(v) && v.place == home.place && slices.Contains(kinds, v.kind) })
		if len(c) == 0 {
			c = a.filter(func(v *venue) bool { return fresh(v) && v.town == home.town && slices.Contains(k.venues, v.kind) })
		}
	}
	if len(c) == 0 {
		return nil
	}
	return a.leastUsed(d, c)
}

func (a *atlas) filter(keep func(*venue) bool) []*venue {
	var out []*venue
	for _, v := range a.venues {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}

func (a *atlas) leastUsed(d *dice, c []*venue) *venue {
	if len(c) == 0 {
		return nil
	}
	least := a.used[c[0]]
	for _, v := range c {
		least = min(least, a.used[v])
	}
	var best []*venue
	for _, v := range c {
		if a.used[v] == least {
			best = append(best, v)
		}
	}
	return pick(d, best)
}
