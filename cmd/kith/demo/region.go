package demo

// region is the whole demo, built in memory before anything is written so
// that the same seed always gives the same data, whatever the database holds.
type region struct {
	venues []*venue
	orgs   []*org
}

func buildRegion() (*region, error) {
	rows, err := parseVenues()
	if err != nil {
		return nil, err
	}
	d := newDice()
	venues := dressVenues(d, rows)
	b := &builder{d: d, atlas: newAtlas(venues), names: map[string]bool{}}
	orgs := b.buildOrgs()
	for _, o := range orgs {
		b.buildServices(o)
	}
	return &region{venues: venues, orgs: orgs}, nil
}

func (r *region) services() []*service {
	var out []*service
	for _, o := range r.orgs {
		out = append(out, o.services...)
	}
	return out
}

// firstOf returns the first organisation of a kind, for the demo logins.
func (r *region) firstOf(kind string) *org {
	for _, o := range r.orgs {
		if o.kind.key == kind {
			return o
		}
	}
	return r.orgs[0]
}
