package insight

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"kith/geo"
)

// Gaps is the gap analysis: every area of the geography in the viewer's
// scope, ranked by gap score.
type Gaps struct {
	Query    Query
	Category *Category // nil: every need
	Area     *Area     // the viewer's local authority; nil: all of England
	AsOf     time.Time // when the directory's services and capacity were read
	Areas    []GapArea
	Totals   GapTotals
	Coverage Coverage
}

// GapArea is one area's figures. Demand and everything computed from it is
// disclosure-controlled; the count of services and their stated places are
// public directory facts and are not.
type GapArea struct {
	Code           string    `json:"code"`
	Name           string    `json:"name,omitempty"`
	Point          geo.Point `json:"-"`
	Rank           *int      `json:"rank"`
	GapScore       Figure    `json:"gap_score"`
	Demand         Figure    `json:"demand"`
	Referrals      Figure    `json:"referrals"`
	UnmetNeeds     Figure    `json:"unmet_needs"`
	Shortfall      Figure    `json:"shortfall"`
	Access         Figure    `json:"access"`
	IMDDecile      *int      `json:"imd_decile"`
	Services       int       `json:"services"`
	Places         int       `json:"places"`
	Unstated       int       `json:"services_without_stated_capacity"`
	Held           Figure    `json:"places_held"`
	Utilisation    Figure    `json:"utilisation"`
	NoCapacity     Figure    `json:"no_capacity_rejections"`
	NoCapacityRate Figure    `json:"no_capacity_rate"`
	LSOAs          int       `json:"lsoas"`
}

// GapTotals are the demand in scope. Unplaced is demand from people Kith
// could not put in an area of the geography (no postcode, one outside its
// postcode data, or an LSOA whose ward or authority it does not know).
type GapTotals struct {
	Referrals  Figure `json:"referrals"`
	UnmetNeeds Figure `json:"unmet_needs"`
	Demand     Figure `json:"demand"`
	Unplaced   Figure `json:"unplaced"`
}

// Coverage says how much of the scope the geography could be built for.
type Coverage struct {
	LSOAs         int `json:"lsoas"`
	WithWard      int `json:"lsoas_with_ward"`
	WithAuthority int `json:"lsoas_with_local_authority"`
}

// Category is a need and the terms below it.
type Category struct {
	Code string   `json:"code"`
	Name string   `json:"name"`
	IDs  []string `json:"-"`
}

// Area is a local authority a viewer is confined to.
type Area struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// demandRow is the demand from one LSOA (and the authority recorded with it).
type demandRow struct {
	LSOA      string `db:"lsoa"`
	LAD       string `db:"lad"`
	Referrals int    `db:"referrals"`
	Unmet     int    `db:"unmet"`
}

// areaFacts are one area's numbers before disclosure control. The sums
// from the model use protected demand.
type areaFacts struct {
	code             string
	members          []int32 // LSOA indexes
	referrals, unmet int
	supply           supplyFacts
	demand, access   float64 // Σ demand, Σ demand × access
	plainAccess      float64 // Σ access, for an area with no demand
	shortfall, score float64
}

// supplyFacts sum the services an area reaches, each once.
type supplyFacts struct {
	services, unstated, places, held, noCapacity, answered int
}

func (f *supplyFacts) add(s supplier) {
	f.services++
	if m := s.capacity.Maximum; m != nil {
		f.places += *m
		f.held += s.capacity.Held
	} else {
		f.unstated++
	}
	f.noCapacity += s.noCapacity
	f.answered += s.answered
}

// measure is step two for one area: each member LSOA's access, shortfall
// and weighted score, and the services the area reaches, each once. seen
// is the caller's, a slot per service; mark is unique to this area.
func (m *model) measure(a *areaFacts, seen []int32, mark int32) {
	a.supply = m.remoteSupply
	for _, i := range a.members {
		access := m.anywhere
		for _, j := range m.near[i] {
			access += m.share[j]
			if seen[j] != mark {
				seen[j] = mark
				a.supply.add(m.sups[j])
			}
		}
		d := m.demand[i]
		short := d * max(0, 1-access)
		a.demand, a.access, a.plainAccess = a.demand+d, a.access+d*access, a.plainAccess+access
		a.shortfall += short
		a.score += short * weight(m.lsoas[i].Decile)
	}
}

// meanAccess is the places per unit of demand the area's people reach:
// weighted by demand, or a plain mean where there is none.
func (a *areaFacts) meanAccess() float64 {
	if a.demand > 0 {
		return a.access / a.demand
	}
	return a.plainAccess / float64(len(a.members))
}

// placement is where the demand rows put people.
type placement struct {
	refs, unmet []int            // by LSOA index
	lad         map[int32]string // authority recorded with the demand
	outside     [2]int           // referrals and unmet needs in scope but in no LSOA
}

func place(rows []demandRow, t lsoaTable, scope string) placement {
	p := placement{refs: make([]int, len(t.all)), unmet: make([]int, len(t.all)), lad: map[int32]string{}}
	for _, r := range rows {
		i, ok := t.index[r.LSOA]
		if !ok {
			if scope == "" || r.LAD == scope {
				p.outside[0], p.outside[1] = p.outside[0]+r.Referrals, p.outside[1]+r.Unmet
			}
			continue
		}
		p.refs[i] += r.Referrals
		p.unmet[i] += r.Unmet
		if r.LAD != "" {
			p.lad[i] = r.LAD
		}
	}
	return p
}

// protectedDemand is every LSOA's demand as the model uses it.
func (p placement) protectedDemand() []float64 {
	out := make([]float64, len(p.refs))
	for i := range out {
		out[i] = protected(p.refs[i] + p.unmet[i])
	}
	return out
}

// member is what Kith knows of LSOA i's ward and authority: the shipped
// postcodes first, else the authority recorded with the demand.
func (p placement) member(t lsoaTable, i int) membership {
	m := members()[t.all[i].Code]
	if m.lad == "" {
		m.lad = p.lad[int32(i)]
	}
	return m
}

// areaKey is the area of the query's geography LSOA l falls in; "" when
// Kith does not know it.
func areaKey(q Query, l LSOA, m membership) string {
	switch q.Geography {
	case GeoLSOA:
		return l.Code
	case GeoWard:
		return m.ward
	case GeoLA:
		return m.lad
	}
	c := geo.CellOf(l.Point, q.CellKm)
	return fmt.Sprintf("%gkm/%d/%d", q.CellKm, c.X, c.Y)
}

// group gathers the LSOAs in scope into the query's areas, sorted by code,
// counting what it learns about coverage on the way.
func (p *placement) group(q Query, t lsoaTable, scope string, cov *Coverage) []areaFacts {
	byCode := map[string]int{}
	var out []areaFacts
	for i, l := range t.all {
		m := p.member(t, i)
		if scope != "" && m.lad != scope {
			continue
		}
		cov.count(m)
		code := areaKey(q, l, m)
		if code == "" {
			p.outside[0], p.outside[1] = p.outside[0]+p.refs[i], p.outside[1]+p.unmet[i]
			continue
		}
		k, ok := byCode[code]
		if !ok {
			k, byCode[code] = len(out), len(out)
			out = append(out, areaFacts{code: code})
		}
		a := &out[k]
		a.members = append(a.members, int32(i))
		a.referrals, a.unmet = a.referrals+p.refs[i], a.unmet+p.unmet[i]
	}
	slices.SortFunc(out, func(a, b areaFacts) int { return cmp.Compare(a.code, b.code) })
	return out
}

func (c *Coverage) count(m membership) {
	c.LSOAs++
	if m.ward != "" {
		c.WithWard++
	}
	if m.lad != "" {
		c.WithAuthority++
	}
}

// centre is the middle of an area's LSOA centres, where its point goes.
func centre(t lsoaTable, members []int32) geo.Point {
	var lon, lat float64
	for _, i := range members {
		lon, lat = lon+t.all[i].Point.Lon(), lat+t.all[i].Point.Lat()
	}
	n := float64(len(members))
	return geo.MustLonLat(lon/n, lat/n)
}

// decile is an area's IMD decile: an LSOA's own, or for a larger area the
// median (the lower of two) of its LSOAs', since IMD 2019's own summaries
// for wards and authorities are not shipped.
func decile(t lsoaTable, members []int32) int {
	ds := make([]int, len(members))
	for k, i := range members {
		ds[k] = t.all[i].Decile
	}
	slices.Sort(ds)
	return ds[(len(ds)-1)/2]
}
