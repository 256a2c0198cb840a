package bench

import (
	"slices"
	"strings"
)

// newService adds one listing of organisation o.
func (g *generator) newService(o int) {
	org := &g.ds.orgs[o]
	s := service{id: g.d.id(), org: o, status: "active", published: true}
	main := org.topic
	if g.d.chance(0.4) {
		main = g.all[g.topics.pick(g.d)]
	}
	var other *topic
	if g.d.chance(0.25) {
		other = g.all[g.topics.pick(g.d)]
	}
	s.codes = []string{main.code}
	if other != nil && other != main {
		s.codes = append(s.codes, other.code)
	}
	s.cats = g.ds.tax.withAncestors(s.codes)
	g.place(&s)
	townName := org.home.name
	if len(s.venues) > 0 {
		townName = g.ds.venues[s.venues[0]].town
	}
	w := &writer{d: g.d, main: main, other: other, town: townName, place: pick(g.d, places)}
	s.name = g.serviceName(main, townName, org.name, w.place)
	s.description = w.describe()
	g.details(&s, main)
	g.ds.services = append(g.ds.services, s)
}

// place gives the service its venues (none for a remote one), reusing the
// organisation's where it can, as groups share their halls.
func (g *generator) place(s *service) {
	if g.d.chance(remoteShare) {
		s.delivery = []string{"phone", "online"}
		return
	}
	n := 1
	switch x := g.d.r.Float64(); {
	case x > 0.93:
		n = g.d.between(3, 5)
	case x > 0.75:
		n = 2
	}
	have := g.ds.orgs[s.org].venues
	for i := 0; len(s.venues) < n; i++ {
		v := -1
		if i < len(have) && g.d.chance(0.6) {
			v = have[i]
		}
		if v < 0 || slices.Contains(s.venues, v) {
			v = g.newVenue(s.org)
		}
		s.venues = append(s.venues, v)
	}
	s.delivery = []string{"in_person"}
	if g.d.chance(0.15) {
		s.delivery = append(s.delivery, pick(g.d, []string{"online", "phone", "home_visit"}))
	}
}

// serviceName builds a name the way groups name themselves.
func (g *generator) serviceName(t *topic, townName, orgName, place string) string {
	title := skewed(g.d, t.titles, 1.5)
	switch x := g.d.r.Float64(); {
	case x < 0.4:
		return townName + " " + title
	case x < 0.6:
		return title + " at the " + titleCase(place)
	case x < 0.75:
		return titleCase(skewed(g.d, adjectives, 1.5)) + " " + title
	case x < 0.85:
		return title + " (" + townName + ")"
	default:
		return strings.TrimSpace(orgName + " " + title)
	}
}

// details sets the facts people filter on.
func (g *generator) details(s *service, t *topic) {
	s.free = g.d.chance(freeShare)
	g.capacity(s)
	switch {
	case g.d.chance(inactiveShare):
		s.status = pick(g.d, []string{"inactive", "temporarily closed", "defunct"})
	case g.d.chance(draftShare):
		s.published = false
	}
	switch x := g.d.r.Float64(); {
	case x < 0.08:
		s.minAge = ptr(18)
	case x < 0.14:
		s.minAge = ptr(50)
	case x < 0.17 || t.code == "families" && x < 0.5:
		s.maxAge = ptr(17)
	}
	if len(s.venues) > 0 {
		s.sessions = g.sessions()
	}
}

// capacity gives most services a number of places, some of them all taken;
// the rest set no limit, and are never full.
func (g *generator) capacity(s *service) {
	s.full = g.d.chance(fullShare)
	if !s.full && g.d.chance(0.3) {
		return
	}
	places := g.d.between(6, 30)
	s.maximum, s.held = &places, places
	if !s.full {
		s.held = g.d.between(0, places-1)
	}
}

// Times groups meet.
var slots = [][2]string{{"09:30", "11:30"}, {"10:00", "12:00"}, {"10:30", "12:30"}, {"13:00", "15:00"},
	{"13:30", "15:30"}, {"14:00", "16:00"}, {"18:00", "20:00"}, {"18:30", "20:30"}, {"19:00", "21:00"}}

var weekdayCodes = []string{"MO", "TU", "WE", "TH", "FR", "SA", "SU"}

func (g *generator) sessions() []session {
	var out []session
	for range g.d.between(1, 2) {
		slot := pick(g.d, slots)
		s := session{freq: "WEEKLY", opens: slot[0], closes: slot[1], byday: []string{pick(g.d, weekdayCodes[:6])}}
		if g.d.chance(0.15) {
			s.freq = "MONTHLY"
			s.byday = []string{pick(g.d, []string{"1", "2", "3", "-1"}) + s.byday[0]}
		} else if g.d.chance(0.2) {
			s.byday = append(s.byday, pick(g.d, weekdayCodes))
			s.byday = slices.Compact(s.byday)
		}
		out = append(out, s)
	}
	return out
}

func ptr[T any](v T) *T { return &v }
