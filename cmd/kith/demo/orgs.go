package demo

import (
	"fmt"
	"strconv"
	"strings"

	"kith/directory"
)

// org is one organisation of the region with everything its listings draw on.
type org struct {
	key      string // slug of the name; ids derive from it
	id       string
	kind     *orgKind
	vars     vars
	in       directory.OrganisationInput
	venues   []*venue
	domain   string
	email    string
	url      string
	phone    string
	staff    []person
	offers   []string
	services []*service
}

type person struct {
	name, title, email, mobile string
	woman                      bool
}

// builder makes the region. It owns the dice and the counters that hand out
// names and numbers, so everything it builds comes out the same every run.
type builder struct {
	d         *dice
	atlas     *atlas
	names     map[string]bool
	landlines int
	mobiles   int
}

// landline hands out numbers from Ofcom's range reserved for drama
// (0191 498 0000 to 0999), so no real person is ever rung from the demo.
func (b *builder) landline() string {
	n := (b.landlines * 389) % 1000
	b.landlines++
	return fmt.Sprintf("0191 498 0%03d", n)
}

// mobile does the same from the drama mobile range 07700 900000 to 900999.
func (b *builder) mobile() string {
	n := (b.mobiles * 613) % 1000
	b.mobiles++
	return fmt.Sprintf("07700 900%03d", n)
}

func (b *builder) buildOrgs() []*org {
	var orgs []*org
	for i := range orgKinds {
		k := &orgKinds[i]
		for n := 0; n < k.count; n++ {
			if o := b.newOrg(k, n); o != nil {
				orgs = append(orgs, o)
			}
		}
	}
	return orgs
}

// newOrg names an organisation after its home venue's neighbourhood, trying
// other patterns and venues until the name is not already taken.
func (b *builder) newOrg(k *orgKind, n int) *org {
	for try := range 40 {
		home := b.atlas.home(b.d, k)
		if home == nil {
			return nil
		}
		v := b.orgVars(k, home)
		name := fill(k.names[(n+try)%len(k.names)], v)
		if k.building && home.kind == k.venues[0] {
			name = congregation(home)
		}
		if b.names[name] {
			continue
		}
		b.names[name] = true
		b.atlas.use(home)
		return b.dressOrg(k, name, home, v)
	}
	return nil
}

func (b *builder) orgVars(k *orgKind, home *venue) vars {
	cond := pick(b.d, conditions)
	c := pick(b.d, cultures)
	year := b.d.between(1972, 2022)
	if k.key == "church" {
		year = b.d.between(1850, 1965)
	}
	return vars{
		"place": home.place, "town": home.town, "saint": pick(b.d, saints), "park": parkFor(home.place),
		"Cond": cond.title, "cond": cond.living, "people": c.people, "tongue": c.tongue, "lang": c.lang,
		"year": strconv.Itoa(year), "venue": home.name, "street": streetName(home.street),
		"area": areaOf(home).Name,
	}
}

func (b *builder) dressOrg(k *orgKind, name string, home *venue, v vars) *org {
	o := &org{key: slug(name), kind: k, vars: v.with("org", name), venues: []*venue{home}}
	o.id = newID("organisation", o.key)
	for range b.d.between(k.nvenues[0], k.nvenues[1]) - 1 {
		if extra := b.atlas.nearby(b.d, k, home, o.venues); extra != nil {
			b.atlas.use(extra)
			o.venues = append(o.venues, extra)
		}
	}
	o.offers = k.offers
	if specific, ok := councilOffers[name]; ok {
		o.offers = specific
	}
	b.contactDetails(o, name)
	legal := pick(b.d, k.legal)
	if strings.HasSuffix(name, " CIC") {
		legal = "cic"
	}
	o.in = directory.OrganisationInput{
		Name: name, Email: o.email, URL: o.url, LegalStatus: legal,
		Identifiers: b.identifiers(legal),
	}
	o.in.Description = b.orgDescription(k, o)
	return o
}

// contactDetails gives the organisation a web domain, a phone line and the
// one to three people whose names appear on its listings.
func (b *builder) contactDetails(o *org, name string) {
	o.domain = domain(name)
	switch o.kind.key {
	case "council", "libraries":
		o.domain = "sunderlandcitycouncil.example"
	case "durham":
		o.domain = "durhamcountycouncil.example"
	}
	o.email = pick(b.d, []string{"hello", "info", "admin", "contact", "enquiries"}) + "@" + o.domain
	if o.domain != domain(name) {
		o.email = slug(name) + "@" + o.domain // a council team's own mailbox
	}
	if b.d.chance(0.75) {
		o.url = "https://www." + o.domain + "/"
	}
	o.phone = b.landline()
	for range b.d.between(1, 3) {
		o.staff = append(o.staff, b.person(o))
	}
}

// identifiers gives registered bodies numbers in the shapes the registers
// use: 6 or 7 digits for charities, 8 for companies.
func (b *builder) identifiers(legal string) []directory.Identifier {
	var ids []directory.Identifier
	add := func(scheme, id string) { ids = append(ids, directory.Identifier{Scheme: scheme, Identifier: id}) }
	switch legal {
	case "charity":
		if b.d.chance(0.5) {
			add("charity_ew", strconv.Itoa(b.d.between(500000, 799999)))
		} else {
			add("charity_ew", strconv.Itoa(b.d.between(1020000, 1199999)))
		}
	case "cio":
		add("charity_ew", strconv.Itoa(b.d.between(1150000, 1209999)))
	case "company":
		add("company", fmt.Sprintf("%08d", b.d.between(2000000, 9999999)))
		add("charity_ew", strconv.Itoa(b.d.between(1020000, 1199999)))
	case "cic":
		add("company", strconv.Itoa(b.d.between(10000000, 15999999)))
	}
	if len(ids) > 0 && b.d.chance(0.2) {
		add("ico", fmt.Sprintf("ZA%06d", b.d.between(100000, 999999)))
	}
	return ids
}

// orgDescription always opens with the kind's introduction and adds at least
// one more sentence, keeping their written order so the paragraph flows.
func (b *builder) orgDescription(k *orgKind, o *org) string {
	parts := []string{fill(k.about[0], o.vars)}
	for i, s := range k.about[1:] {
		if b.d.chance(0.6) || (i == len(k.about)-2 && len(parts) == 1) {
			parts = append(parts, fill(s, o.vars))
		}
	}
	for _, id := range o.in.Identifiers {
		if id.Scheme == "charity_ew" && b.d.chance(0.5) {
			parts = append(parts, "Registered charity number "+id.Identifier+".")
		}
	}
	return sentences(parts...)
}

// congregation names a church or mosque after the building it meets in, so
// that the Methodists are never found in the Baptist church hall.
func congregation(home *venue) string {
	name := strings.TrimSuffix(home.name, " Hall")
	name = strings.Replace(name, " Hall, ", " ", 1)
	name = strings.Replace(name, "Parish Centre", "Parish", 1)
	if strings.HasPrefix(name, "St ") {
		name += ", " + home.place
	}
	return name
}

func (b *builder) namePool(o *org) string {
	switch o.kind.key {
	case "mosque":
		return "muslim"
	case "gurdwara":
		return "sikh"
	case "cultural":
		return o.vars["lang"]
	}
	if b.d.chance(1.0 / 7) {
		return pick(b.d, otherPools)
	}
	return "ne"
}

// person is one of an organisation's staff or volunteers. Women's services
// are staffed by women and men's groups by men; elsewhere it is a mix.
func (b *builder) person(o *org) person {
	pool := namePools[b.namePool(o)]
	woman := o.kind.staff == "women" || (o.kind.staff == "" && b.d.chance(0.6))
	first := pick(b.d, pool.men)
	if woman {
		first = pick(b.d, pool.women)
	}
	return person{name: first + " " + pick(b.d, pool.last), title: pick(b.d, o.kind.roles),
		email: slug(first) + "@" + o.domain, mobile: b.mobile(), woman: woman}
}
