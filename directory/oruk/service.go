package oruk

import (
	"math"
	"slices"
	"strings"

	"kith/directory"
)

// service maps a record's own fields and its children.
func (b *build) service(o object, orgID string) directory.ServiceInput {
	in := directory.ServiceInput{
		OrganisationID: orgID,
		Name:           b.prose("name", o.text("name"), nameLimit),
		AlternateName:  b.prose("alternate name", o.text("alternate_name"), nameLimit),
		Description:    b.prose("description", o.text("description"), textLimit),
		URL:            b.url("website", o.text("url", "website")),
		Email:          b.email("email", o.text("email")),
		Status:         b.status(o.text("status")),
		Eligibility:    b.prose("eligibility", eligibility(o), textLimit),
	}
	in.MinAge, in.MaxAge = b.ages(o)
	in.Locations, in.Schedules = b.places(o)
	in.Phones = b.phones(o)
	in.Contacts = b.contacts(o)
	in.CostOptions = b.costs(o)
	in.Free, in.FeesDescription = b.fees(o, in.CostOptions)
	in.Languages = b.languages(o)
	in.Areas = b.areas(o)
	in.DeliveryModes = deliveryModes(o, in)
	return in
}

func (b *build) status(s string) string {
	s = strings.ToLower(s)
	switch s {
	case "":
		return "active"
	case "active", "inactive", "defunct", "temporarily closed":
		return s
	}
	b.fix("status %q is not an ORUK status; the listing was kept as active", s)
	return "active"
}

// eligibility joins ORUK 3.0's eligibility description with the text of
// ORUK 1.0's eligibilitys.
func eligibility(o object) string {
	parts := []string{o.text("eligibility_description", "eligibility")}
	for _, e := range o.list("eligibilitys") {
		parts = append(parts, e.text("eligibility"))
	}
	return strings.Join(nonEmpty(parts), "; ")
}

func nonEmpty(parts []string) []string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// ages reads ORUK 3.0's minimum_age and maximum_age, or the widest range of
// ORUK 1.0's eligibilitys. A range directory would refuse is left out.
func (b *build) ages(o object) (*int, *int) {
	lo, hasLo := o.number("minimum_age")
	hi, hasHi := o.number("maximum_age")
	for _, e := range o.list("eligibilitys") {
		if v, ok := e.number("minimum_age"); ok && (!hasLo || v < lo) {
			lo, hasLo = v, true
		}
		if v, ok := e.number("maximum_age"); ok && (!hasHi || v > hi) {
			hi, hasHi = v, true
		}
	}
	minAge, maxAge := age(lo, hasLo), age(hi, hasHi)
	if (hasLo && minAge == nil) || (hasHi && maxAge == nil) || (minAge != nil && maxAge != nil && *minAge > *maxAge) {
		b.fix("the age range %v–%v is not usable and was left out", lo, hi)
		return nil, nil
	}
	return minAge, maxAge
}

func age(v float64, ok bool) *int {
	if !ok || v < 0 || v > 130 || v != math.Trunc(v) {
		return nil
	}
	n := int(v)
	return &n
}

// fees reads whether the service is free from what the feed says of its
// fees. "Free" on its own is how Kith's own feed writes a free service with
// nothing more to say.
func (b *build) fees(o object, costs []directory.CostOption) (bool, string) {
	text := b.prose("fees", o.text("fees_description", "fees"), textLimit)
	free := strings.EqualFold(text, "free")
	if free {
		text = ""
	}
	lower := strings.ToLower(text)
	if strings.HasPrefix(lower, "free") || strings.HasPrefix(lower, "no charge") {
		free = true
	}
	for _, c := range costs {
		if free && c.Amount != nil && *c.Amount > 0 {
			return false, text // a charge outweighs a "free" in the text
		}
	}
	return free, text
}

// deliveryModes works out how the service reaches people: in person where
// it has venues, and online, by phone or at home as the feed's attending
// type or a virtual location says; a service with none of these is by
// phone when it has a number, else online.
func deliveryModes(o object, in directory.ServiceInput) []string {
	text := strings.ToLower(o.text("attending_type") + " " + o.text("deliverable_type"))
	for _, s := range o.list("schedules", "regular_schedules") {
		text += " " + strings.ToLower(s.text("attending_type"))
	}
	for _, sal := range o.list("service_at_locations") {
		text += " " + strings.ToLower(sal.child("location").text("location_type"))
	}
	var modes []string
	if len(in.Locations) > 0 {
		modes = append(modes, "in_person")
	}
	for _, m := range []struct{ mode, word string }{
		{"online", "online"}, {"online", "virtual"}, {"phone", "phone"}, {"home_visit", "home"},
	} {
		if strings.Contains(text, m.word) && !slices.Contains(modes, m.mode) {
			modes = append(modes, m.mode)
		}
	}
	switch {
	case len(modes) > 0:
	case len(in.Phones) > 0:
		modes = []string{"phone"}
	default:
		modes = []string{"online"}
	}
	return modes
}
