package demo

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"kith/directory"
)

// prices are the charges community groups ask: a pound or two for a
// session, more for a cooked lunch.
var prices = map[string][]float64{
	"a session": {1, 1.5, 2, 2, 2.5, 3, 3, 3.5, 4, 5},
	"for lunch": {3.5, 4, 4, 4.5, 5, 6},
	"a week":    {2, 2.5, 3, 3.5, 4},
	"a journey": {1.5, 2, 2.5, 3},
	"a trip":    {3, 4, 5, 6},
	"a meal":    {3.5, 4, 4.5, 5},
}

var freeSays = []string{
	"Free. Donations welcome.",
	"Free, though donations towards tea and biscuits are appreciated.",
	"No charge; the group is funded by the National Lottery Community Fund.",
	"Free to attend.",
}

// cost makes about seven in ten listings free; the rest charge a pound or
// few, sometimes with a cheaper rate for concessions.
func (b *builder) cost(in *directory.ServiceInput, code string, t *tpl, key string) {
	paid := (t.cost == "paid" && b.d.chance(0.9)) || (t.cost == "" && b.d.chance(0.6))
	if paid {
		b.charge(in, t, key)
		return
	}
	in.Free = true
	advice := slices.Contains(formal, code)
	if b.d.chance(0.3) {
		in.FeesDescription = pick(b.d, freeSays)
		if advice {
			in.FeesDescription = pick(b.d, []string{"Free and confidential.", "Free of charge."})
		}
	}
	if !advice && b.d.chance(0.1) {
		zero := 0.0
		in.CostOptions = []directory.CostOption{{ID: newID("cost", key, "0"), Option: "Free",
			Amount: &zero, Description: "Donations welcome"}}
	}
}

func (b *builder) charge(in *directory.ServiceInput, t *tpl, key string) {
	unit := t.price
	if unit == "" {
		unit = "a session"
	}
	amount := pick(b.d, prices[unit])
	in.CostOptions = []directory.CostOption{{ID: newID("cost", key, "0"), Option: unitOption[unit], Amount: &amount}}
	in.FeesDescription = fmt.Sprintf("%s %s.", pounds(amount), unit)
	if amount >= 2 && b.d.chance(0.3) {
		conc := math.Floor(amount) / 2
		in.CostOptions = append(in.CostOptions, directory.CostOption{ID: newID("cost", key, "1"),
			Option: "Concessions", Amount: &conc, Description: "People on benefits, students and carers"})
		in.FeesDescription = fmt.Sprintf("%s %s, or %s for concessions.", pounds(amount), unit, pounds(conc))
	}
}

var unitOption = map[string]string{
	"a session": "Per session", "a week": "Weekly membership", "a journey": "Per journey",
	"for lunch": "Lunch", "a meal": "Per meal", "a trip": "Per trip",
}

// pounds writes 2 as £2 and 2.5 as £2.50.
func pounds(x float64) string {
	if x == math.Trunc(x) {
		return "£" + strconv.Itoa(int(x))
	}
	return fmt.Sprintf("£%.2f", x)
}

// languages are English for nearly everything; community and faith groups
// add their own, and English classes often have a helper in another.
func (b *builder) languages(o *org, code string) []string {
	langs := []string{"en"}
	if o.kind.key == "cultural" {
		langs = append(langs, o.vars["lang"])
	}
	for _, l := range o.kind.langs {
		if b.d.chance(0.6) {
			langs = append(langs, l)
		}
	}
	if code == "adult-learning" && o.kind.key != "cultural" && b.d.chance(0.4) {
		langs = append(langs, pick(b.d, []string{"ar", "fa", "ku", "pl"}))
	}
	if b.d.chance(0.03) {
		langs = append(langs, pick(b.d, []string{"pl", "ar", "bn", "ur", "ku", "fa"}))
	}
	slices.Sort(langs[1:])
	return slices.Compact(langs)
}

func (b *builder) phones(o *org, key string) []directory.Phone {
	var out []directory.Phone
	if b.d.chance(0.9) {
		out = append(out, directory.Phone{ID: newID("phone", key, "0"), Number: o.phone, Type: "voice"})
	}
	if len(out) == 0 || b.d.chance(0.12) {
		out = append(out, directory.Phone{ID: newID("phone", key, "1"), Number: pick(b.d, o.staff).mobile,
			Type: "text", Description: "Text or WhatsApp"})
	}
	return out
}

// contacts are one or two of the organisation's own people, so the same
// coordinator's name turns up across its listings; a women's group gives a
// woman's name where it can.
func (b *builder) contacts(o *org, key, who string) []directory.Contact {
	staff := o.staff
	if who == "women" || who == "men" {
		same := slices.DeleteFunc(slices.Clone(o.staff), func(p person) bool { return p.woman != (who == "women") })
		staff = orDefault(same, staff)
	}
	people := pickN(b.d, staff, 1+b.d.r.IntN(2))
	out := make([]directory.Contact, len(people))
	for i, p := range people {
		out[i] = directory.Contact{ID: newID("contact", key, strconv.Itoa(i)), Name: p.name,
			Title: p.title, Email: p.email}
		if b.d.chance(0.5) {
			out[i].Phone = p.mobile
		}
	}
	return out
}

// categories files a listing under its own code and up to two related ones.
func (b *builder) categories(code string, t *tpl) []string {
	cats := []string{code}
	for _, c := range pickN(b.d, t.also, b.d.r.IntN(3)) {
		if !slices.Contains(cats, c) {
			cats = append(cats, c)
		}
	}
	return cats
}

// areas says which local authority a home-visiting or remote service
// covers: the one its organisation is based in.
func areas(o *org, modes []string, key string) []directory.ServiceArea {
	if slices.Contains(modes, "in_person") {
		return nil
	}
	a := areaOf(o.venues[0])
	a.ID = newID("area", key)
	return []directory.ServiceArea{a}
}

// areaOf is the local authority a venue is in. The shipped postcodes stop at
// the SR area, so Sunderland's places beyond it, such as Washington and
// Houghton, are named here rather than as venues.
func areaOf(v *venue) directory.ServiceArea {
	switch {
	case v.county == "County Durham":
		return directory.ServiceArea{Name: "East Durham", AreaCode: "E06000047",
			Description: "Seaham, Murton, Easington, Horden and Peterlee, in County Durham."}
	case v.town != "Sunderland":
		return directory.ServiceArea{Name: "South Tyneside", AreaCode: "E08000023",
			Description: "Whitburn, Cleadon and the rest of South Tyneside."}
	}
	return directory.ServiceArea{Name: "Sunderland", AreaCode: sunderland,
		Description: "Anywhere in the City of Sunderland, including Washington, Houghton-le-Spring and Hetton."}
}

// links sets the listing's email and web page, usually the organisation's own.
func (b *builder) links(o *org, in *directory.ServiceInput) {
	in.Email = o.email
	if b.d.chance(0.3) {
		in.Email = in.Contacts[0].Email
	}
	if o.url != "" && b.d.chance(0.6) {
		in.URL = o.url
		if b.d.chance(0.5) {
			in.URL = strings.TrimSuffix(o.url, "/") + "/" + slug(in.Name)
		}
	}
}
