package demo

import (
	"fmt"
	"slices"
	"strings"

	"kith/directory"
)

// service is one listing of the region, ready to be put.
type service struct {
	key string
	id  string
	in  directory.ServiceInput
}

// buildServices gives an organisation its listings, spreading them over the
// things its kind of group runs before running any of them twice.
func (b *builder) buildServices(o *org) {
	n := b.d.between(o.kind.services[0], o.kind.services[1])
	taken := map[string]bool{}
	var used []string
	for i := range n {
		code, t := b.activity(o, used)
		used = append(used, code)
		o.services = append(o.services, b.newService(o, i, code, t, taken))
	}
}

// activity draws what the next listing is about, preferring needs the
// organisation has not covered yet and skipping ones it cannot run, such as
// swimming for a group without a pool.
func (b *builder) activity(o *org, used []string) (string, *tpl) {
	for try := range 12 {
		code := pick(b.d, o.offers)
		if t := b.template(code, o); t != nil && (try >= 6 || !slices.Contains(used, code)) {
			return code, t
		}
	}
	for _, code := range o.offers {
		if t := b.template(code, o); t != nil {
			return code, t
		}
	}
	panic("demo: " + o.kind.key + " organisations can run nothing in the phrase banks")
}

// template picks how a listing under code is run, from the templates the
// organisation could run, preferring those written for the people it serves.
// Only some needs have phone, online or home-visit templates, and those are
// weighted two to three against venue-based ones, which keeps remote-only
// listings to about one in ten.
func (b *builder) template(code string, o *org) *tpl {
	var pool, suited []*tpl
	for i := range bank[code] {
		t := &bank[code][i]
		if !o.runs(t) {
			continue
		}
		weight := []*tpl{t, t}
		if !t.remote() {
			weight = append(weight, t)
		}
		pool = append(pool, weight...)
		if slices.ContainsFunc(t.who, func(w string) bool { return slices.Contains(o.kind.who, w) }) {
			suited = append(suited, weight...)
		}
	}
	if len(suited) > 0 {
		pool = suited
	}
	if len(pool) == 0 {
		return nil
	}
	return pick(b.d, pool)
}

// runs reports whether the organisation could run a template: it is meant
// for its kind, and it has the venue the template cannot do without.
func (o *org) runs(t *tpl) bool {
	if (t.kinds != nil && !slices.Contains(t.kinds, o.kind.key)) || slices.Contains(t.not, o.kind.key) {
		return false
	}
	return t.needs == nil || slices.ContainsFunc(o.venues, func(v *venue) bool { return slices.Contains(t.needs, v.kind) })
}

func (b *builder) newService(o *org, i int, code string, t *tpl, taken map[string]bool) *service {
	key := fmt.Sprintf("%s/%d", o.key, i)
	s := &service{key: key, id: newID("service", key)}
	in := &s.in
	in.OrganisationID = o.id
	in.DeliveryModes = b.modes(code, t)
	venues := b.venuesFor(o, t)
	in.Locations = locations(o, venues)
	in.Schedules = b.sessions(t, key, in.Locations)
	who := b.audience(o, t)
	in.Contacts = b.contacts(o, key, who)
	v := b.serviceVars(o, venues, in)
	in.Name = b.serviceName(t, v, taken)
	in.Status = b.status()
	aud := audiences[who]
	in.MinAge, in.MaxAge, in.Eligibility = age(aud.min), age(aud.max), fill(aud.eligibility, v)
	in.Description = b.describe(code, t, v, aud, in.Status, len(venues))
	b.cost(in, code, t, key)
	in.Languages = b.languages(o, code)
	in.Phones = b.phones(o, key)
	in.Categories = b.categories(code, t)
	in.Areas = areas(o, in.DeliveryModes, key)
	b.links(o, in)
	if b.d.chance(0.15) {
		in.InternalNotes = pick(b.d, notes)
	}
	return s
}

// hybrid are the needs whose groups sometimes let people join by video too.
var hybrid = []string{
	"peer-support", "talking-support", "mindfulness", "mental-wellbeing", "writing-reading",
	"adult-learning", "condition-support", "carers", "job-search", "bereavement",
}

func (b *builder) modes(code string, t *tpl) []string {
	if t.remote() {
		return slices.Clone(t.modes)
	}
	if slices.Contains(hybrid, code) && b.d.chance(0.15) {
		return []string{"in_person", "online"}
	}
	return []string{"in_person"}
}

// audience picks who a listing is for: someone the template was written for
// and, when the organisation serves particular people, one of them.
func (b *builder) audience(o *org, t *tpl) string {
	who := orDefault(t.who, []string{"anyone", "adults"})
	var both []string
	for _, w := range who {
		if slices.Contains(o.kind.who, w) {
			both = append(both, w)
		}
	}
	switch {
	case len(both) > 0:
		return pick(b.d, both)
	case len(o.kind.who) > 0 && o.kind.strict:
		return pick(b.d, o.kind.who)
	}
	return pick(b.d, who)
}

// venuesFor picks where a listing meets: the venue of the kind it prefers if
// the organisation has one, and now and then a second venue as well.
func (b *builder) venuesFor(o *org, t *tpl) []*venue {
	if t.remote() {
		return nil
	}
	first := o.venues[0]
	for _, v := range o.venues {
		if v.kind == t.venue || slices.Contains(t.needs, v.kind) {
			first = v
			break
		}
	}
	if len(o.venues) < 2 || !b.d.chance(0.15) {
		return []*venue{first}
	}
	for _, v := range o.venues {
		if v != first {
			return []*venue{first, v}
		}
	}
	return []*venue{first}
}

// locations turns venues into the organisation's locations. A location's
// fields depend only on the organisation and the venue, never on the
// listing, because several listings share one row and must agree on it.
func locations(o *org, venues []*venue) []directory.Location {
	out := make([]directory.Location, 0, len(venues))
	for _, v := range venues {
		l := directory.Location{
			ID: newID("location", o.key, v.key), Name: v.name, Description: v.about,
			Address1: v.street, City: v.town, Region: v.county, Postcode: v.postcode,
			Accessibility: slices.Clone(v.access), Transport: v.transport, HideAddress: o.kind.hidden,
		}
		if v.place != v.town {
			l.Address2 = v.place
		}
		out = append(out, l)
	}
	return out
}

func (b *builder) serviceVars(o *org, venues []*venue, in *directory.ServiceInput) vars {
	v := o.vars.with("contact", strings.Fields(in.Contacts[0].Name)[0],
		"when", when(in.Schedules), "hours", hours(in.Schedules), "Day", dayOf(in.Schedules))
	if len(venues) > 0 {
		v = v.with("venue", venues[0].name, "place", venues[0].place, "park", parkFor(venues[0].place))
	}
	if len(venues) > 1 {
		v = v.with("venue2", venues[1].name, "place2", venues[1].place)
	}
	return v
}

// serviceName avoids giving two of an organisation's listings one name.
func (b *builder) serviceName(t *tpl, v vars, taken map[string]bool) string {
	name := fill(pick(b.d, t.names), v)
	for _, alt := range t.names {
		if !taken[name] {
			break
		}
		name = fill(alt, v)
	}
	if taken[name] {
		name += " (" + v["Day"] + ")"
	}
	taken[name] = true
	return name
}

// status leaves about one listing in twenty not running, as in any directory
// people actually keep up to date: 3% inactive, 2% paused, 1% closed for good.
func (b *builder) status() string {
	switch r := b.d.r.Float64(); {
	case r < 0.035:
		return "inactive"
	case r < 0.055:
		return "temporarily closed"
	case r < 0.067:
		return "defunct"
	}
	return "active"
}

func age(n int) *int {
	if n < 0 {
		return nil
	}
	return &n
}

// orDefault returns v, or fallback when v is empty.
func orDefault[T any](v, fallback []T) []T {
	if len(v) == 0 {
		return fallback
	}
	return v
}
