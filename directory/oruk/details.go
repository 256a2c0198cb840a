package oruk

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"kith/directory"
)

var phoneTypes = []string{"voice", "text", "fax", "textphone", "video"}

// phones gathers the numbers to call about the service: its own, its
// contacts' (where ORUK 1.0 keeps them) and, failing those, its venues'.
func (b *build) phones(o object) []directory.Phone {
	sources := o.list("phones")
	for _, c := range o.list("contacts") {
		sources = append(sources, c.list("phones")...)
	}
	if len(sources) == 0 {
		for _, sal := range o.list("service_at_locations") {
			sources = append(sources, sal.child("location").list("phones")...)
		}
	}
	var out []directory.Phone
	seen := map[string]bool{}
	for _, p := range sources {
		number := phoneNumber(p.text("number"))
		if number == "" {
			if raw := p.text("number"); raw != "" {
				b.fix("phone %q is not a phone number and was left out", raw)
			}
			continue
		}
		if seen[number] {
			continue
		}
		seen[number] = true
		kind := strings.ToLower(p.text("type"))
		if !slices.Contains(phoneTypes, kind) {
			kind = "voice"
		}
		desc := p.text("description")
		if ext := p.text("extension"); ext != "" {
			desc = strings.TrimSpace("Extension " + ext + ". " + desc)
		}
		out = append(out, directory.Phone{ID: b.childID("phone", p.text("id"), len(out)), Number: number,
			Type: kind, Description: b.prose("phone description", desc, nameLimit)})
	}
	return out
}

// contacts keeps the named people at the service; Kith shows them only to
// signed-in users. A contact without a name is a phone number, kept above.
func (b *build) contacts(o object) []directory.Contact {
	var out []directory.Contact
	for _, c := range o.list("contacts") {
		name := b.prose("contact name", c.text("name"), nameLimit)
		if name == "" {
			continue
		}
		phone := ""
		if ps := c.list("phones"); len(ps) > 0 {
			phone = phoneNumber(ps[0].text("number"))
		}
		out = append(out, directory.Contact{ID: b.childID("contact", c.text("id"), len(out)), Name: name,
			Title: b.prose("contact title", c.text("title"), nameLimit), Email: b.email("contact email", c.text("email")), Phone: phone})
	}
	return out
}

// costs reads cost options; an amount written as text ("£5.00") is read as
// the number it is.
func (b *build) costs(o object) []directory.CostOption {
	var out []directory.CostOption
	for _, c := range o.list("cost_options") {
		co := directory.CostOption{Option: b.prose("cost option", c.text("option"), nameLimit),
			Currency:    strings.ToUpper(cmp.Or(c.text("currency"), "GBP")),
			Description: b.prose("cost description", c.text("amount_description"), textLimit)}
		if raw := c.text("amount"); raw != "" {
			amount, err := strconv.ParseFloat(strings.NewReplacer("£", "", ",", "").Replace(raw), 64)
			if err == nil && amount >= 0 && amount < 1e8 {
				co.Amount = &amount
			} else {
				b.fix("cost amount %q is not a price and was left out", raw)
			}
		}
		if co.Option == "" && co.Amount == nil && co.Description == "" {
			continue
		}
		co.ID = b.childID("cost", c.text("id"), len(out))
		out = append(out, co)
	}
	return out
}

// languages reads ORUK 3.0 codes and names and ORUK 1.0 language names.
func (b *build) languages(o object) []string {
	out := []string{}
	for _, l := range o.list("languages") {
		raw := cmp.Or(l.text("code"), l.text("name"), l.text("language"))
		code, ok := languageCode(raw)
		if !ok {
			code, ok = languageCode(cmp.Or(l.text("name"), l.text("language")))
		}
		switch {
		case raw == "":
		case !ok:
			b.fix("language %q is not one Kith knows and was left out", raw)
		case !slices.Contains(out, code):
			out = append(out, code)
		}
	}
	return out
}

// areas reads the areas a service covers. A GSS code at the end of the
// area's URI (as Kith's own feed writes it) becomes its area code.
func (b *build) areas(o object) []directory.ServiceArea {
	var out []directory.ServiceArea
	for i, a := range o.list("service_areas") {
		text := a.text("service_area")
		name := cmp.Or(a.text("name"), text)
		if name == "" {
			continue
		}
		desc := ""
		if text != name {
			desc = text
		}
		field := fmt.Sprintf("service area %d", i+1)
		out = append(out, directory.ServiceArea{ID: b.childID("area", a.text("id"), len(out)),
			Name: b.prose(field, name, nameLimit), AreaCode: areaCode(cmp.Or(a.text("uri"), a.text("extent"))),
			Description: b.prose(field, desc, textLimit)})
	}
	return out
}
