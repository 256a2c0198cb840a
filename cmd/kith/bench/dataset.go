package bench

import (
	"math"
	"slices"

	"kith/directory"
	"kith/geo"
)

// Shares the issue asks for, and a few more that make the data look like a
// real directory.
const (
	ruralShare    = 0.10  // organisations based away from any town
	fullShare     = 0.20  // services with no places left (issue: 15–25%)
	remoteShare   = 0.005 // phone or online only: no venue, found from anywhere
	inactiveShare = 0.015 // not findable: status other than active
	draftShare    = 0.01  // not findable: never published
	freeShare     = 0.6
)

type organisation struct {
	id, name, description string
	home                  *town // nearest town for rural organisations
	rural                 bool
	topic                 *topic // what most of its services do
	venues                []int
}

type venue struct {
	id, name, town string
	org            int
	point          geo.Point
	access         []string
}

type session struct {
	freq, opens, closes string
	byday               []string
}

type service struct {
	id, name, description string
	org                   int
	codes                 []string // as filed
	cats                  []string // with every ancestor, sorted, as search matches them
	venues                []int
	sessions              []session
	delivery              []string
	status                string
	published             bool
	free, full            bool
	maximum               *int // places; nil: no limit
	held                  int  // places taken
	minAge, maxAge        *int
}

func (s *service) findable() bool { return s.published && s.status == "active" }

// dataset is a whole generated national directory.
type dataset struct {
	orgs     []organisation
	venues   []venue
	services []service
	tax      taxonomy
}

// generator builds a dataset with one dice, so the seed fixes everything.
type generator struct {
	d      dice
	ds     *dataset
	towns  weighted
	topics weighted
	all    []*topic
}

func newGenerator(seed uint64, tax taxonomy) *generator {
	g := &generator{d: newDice(seed, 1), ds: &dataset{tax: tax}}
	pops := make([]float64, len(towns))
	for i, t := range towns {
		pops[i] = t.pop
	}
	g.towns = newWeighted(pops)
	var ws []float64
	for _, list := range [][]topic{activityTopics, supportTopics} {
		for i := range list {
			g.all = append(g.all, &list[i])
			ws = append(ws, float64(list[i].weight))
		}
	}
	g.topics = newWeighted(ws)
	return g
}

// generate makes organisations, each with a few services, until there are n.
func generate(seed uint64, n int, tax taxonomy) *dataset {
	g := newGenerator(seed, tax)
	for len(g.ds.services) < n {
		o := g.newOrganisation()
		for range min(g.servicesPerOrg(), n-len(g.ds.services)) {
			g.newService(o)
		}
	}
	return g.ds
}

// servicesPerOrg: most groups run one thing; a few charities run many.
func (g *generator) servicesPerOrg() int {
	switch x := g.d.r.Float64(); {
	case x < 0.55:
		return 1
	case x < 0.88:
		return g.d.between(2, 3)
	default:
		return g.d.between(4, 8)
	}
}

func (g *generator) newOrganisation() int {
	o := organisation{id: g.d.id(), topic: g.all[g.topics.pick(g.d)]}
	if g.d.chance(ruralShare) {
		o.rural = true
		o.home = nearestTown(g.ruralPoint())
	} else {
		o.home = &towns[g.towns.pick(g.d)]
	}
	o.name = o.home.name + " " + pick(g.d, orgNouns)
	if g.d.chance(0.3) {
		o.name = titleCase(skewed(g.d, adjectives, 1.5)) + " " + o.name
	}
	w := &writer{d: g.d, main: o.topic, town: o.home.name, place: pick(g.d, places)}
	o.description = w.fill("A {a} {g} working with {u} across {t}.")
	g.ds.orgs = append(g.ds.orgs, o)
	return len(g.ds.orgs) - 1
}

// ruralPoint is uniform over England's outline.
func (g *generator) ruralPoint() geo.Point {
	for {
		lon, lat := -5.7+g.d.r.Float64()*7.5, 50+g.d.r.Float64()*5.8
		if inEngland(lon, lat) {
			return roundedPoint(lon, lat)
		}
	}
}

// scatter places a point around a town centre, further out in big places.
func (g *generator) scatter(t *town) geo.Point {
	s := t.spreadKm()
	lat := t.lat + g.d.normal(s)/110.574
	lon := t.lon + g.d.normal(s)/(111.320*math.Cos(t.lat*math.Pi/180))
	return roundedPoint(lon, lat)
}

// roundedPoint keeps six decimals (about 10 cm), so coordinates pass through
// PostgreSQL and JSON as the same float64.
func roundedPoint(lon, lat float64) geo.Point {
	r := func(x float64) float64 { return math.Round(x*1e6) / 1e6 }
	return geo.MustLonLat(r(lon), r(lat))
}

// newVenue adds a venue of organisation o: at home, or now and then in
// another town for the bigger charities.
func (g *generator) newVenue(o int) int {
	org := &g.ds.orgs[o]
	t, p := org.home, geo.Point{}
	switch {
	case len(org.venues) > 0 && g.d.chance(0.3):
		t = &towns[g.towns.pick(g.d)]
		p = g.scatter(t)
	case org.rural:
		p = g.ruralPointNear(org)
	default:
		p = g.scatter(t)
	}
	place := pick(g.d, places)
	v := venue{id: g.d.id(), org: o, town: t.name, point: p, name: t.name + " " + titleCase(place)}
	v.access = pickSome(g.d, directory.AccessibilityFeatures, 0.35)
	g.ds.venues = append(g.ds.venues, v)
	org.venues = append(org.venues, len(g.ds.venues)-1)
	return len(g.ds.venues) - 1
}

// ruralPointNear keeps a rural organisation's venues within a village or
// two of its first one.
func (g *generator) ruralPointNear(org *organisation) geo.Point {
	if len(org.venues) == 0 {
		return g.ruralPoint()
	}
	base := g.ds.venues[org.venues[0]].point
	return roundedPoint(base.Lon()+g.d.normal(0.05), base.Lat()+g.d.normal(0.03))
}

func pickSome(d dice, from []string, p float64) []string {
	out := []string{}
	for _, s := range from {
		if d.chance(p) {
			out = append(out, s)
		}
	}
	return out
}

// withAncestors is what search matches a category filter against.
func (t taxonomy) withAncestors(codes []string) []string {
	var out []string
	for _, c := range codes {
		for ; c != "" && !slices.Contains(out, c); c = t.parent[c] {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}
