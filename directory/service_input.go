package directory

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/google/uuid"

	"kith/geo"
)

// ServiceInput creates or replaces a whole listing. Child records that carry
// an id keep it, so clients that send back what they read keep stable ids.
type ServiceInput struct {
	OrganisationID  string        `json:"organisation_id"`
	Name            string        `json:"name"`
	AlternateName   string        `json:"alternate_name"`
	Description     string        `json:"description"`
	URL             string        `json:"url"`
	Email           string        `json:"email"`
	Status          string        `json:"status"`
	MinAge          *int          `json:"min_age"`
	MaxAge          *int          `json:"max_age"`
	Eligibility     string        `json:"eligibility"`
	Free            bool          `json:"free"`
	FeesDescription string        `json:"fees_description"`
	Languages       []string      `json:"languages"`
	DeliveryModes   []string      `json:"delivery_modes"`
	InternalNotes   string        `json:"internal_notes"`
	Locations       []Location    `json:"locations"`
	Schedules       []Schedule    `json:"schedules"`
	Phones          []Phone       `json:"phones"`
	Contacts        []Contact     `json:"contacts"`
	CostOptions     []CostOption  `json:"cost_options"`
	Categories      []string      `json:"categories"`
	Areas           []ServiceArea `json:"service_areas"`
}

var (
	languageCode = regexp.MustCompile(`^[a-z]{2,3}$`)
	clockTime    = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]$`)
	weekday      = regexp.MustCompile(`^(MO|TU|WE|TH|FR|SA|SU)$`)
	ordinalDay   = regexp.MustCompile(`^(-1|[1-5])(MO|TU|WE|TH|FR|SA|SU)$`)
	phoneNumber  = regexp.MustCompile(`^\+?[0-9 ()-]{6,24}$`)
)

// Validate checks the whole listing, fills defaults, gives new child records
// ids, and geocodes locations that have a postcode but no coordinates.
func (in *ServiceInput) Validate() error {
	p := Problems{}
	in.defaults()
	in.Name = strings.TrimSpace(in.Name)
	p.UUID("organisation_id", in.OrganisationID, true)
	p.Text("name", in.Name, true, maxName)
	p.Text("alternate_name", in.AlternateName, false, maxName)
	p.Text("description", in.Description, false, maxText)
	p.Text("eligibility", in.Eligibility, false, maxText)
	p.Text("fees_description", in.FeesDescription, false, maxText)
	p.Text("internal_notes", in.InternalNotes, false, maxText)
	p.URL("url", in.URL)
	p.Email("email", in.Email)
	if !oneOf(in.Status, ServiceStatuses...) {
		p.Add("status", "must be one of active, inactive, defunct, temporarily closed")
	}
	in.checkAges(p)
	in.checkLists(p)
	in.checkLocations(p)
	in.checkSchedules(p)
	in.checkContactsAndCosts(p)
	return p.Err()
}

func (in *ServiceInput) defaults() {
	if in.Status == "" {
		in.Status = "active"
	}
	if len(in.DeliveryModes) == 0 {
		in.DeliveryModes = []string{"in_person"}
	}
	if in.Languages == nil {
		in.Languages = []string{}
	}
}

func (in *ServiceInput) checkAges(p Problems) {
	for field, age := range map[string]*int{"min_age": in.MinAge, "max_age": in.MaxAge} {
		if age != nil && (*age < 0 || *age > 130) {
			p.Add(field, "must be between 0 and 130")
		}
	}
	if in.MinAge != nil && in.MaxAge != nil && *in.MinAge > *in.MaxAge {
		p.Add("max_age", "must not be below min_age")
	}
}

func (in *ServiceInput) checkLists(p Problems) {
	for i, l := range in.Languages {
		if !languageCode.MatchString(l) {
			p.Add(indexed("languages", i), "must be an ISO 639 code such as en or pl")
		}
	}
	for i, m := range in.DeliveryModes {
		if !oneOf(m, DeliveryModes...) {
			p.Add(indexed("delivery_modes", i), "must be one of %s", strings.Join(DeliveryModes, ", "))
		}
	}
	if oneOf("in_person", in.DeliveryModes...) && len(in.Locations) == 0 {
		p.Add("locations", "an in-person service needs at least one location")
	}
	for i, c := range in.Categories {
		p.Text(indexed("categories", i), c, true, 60)
	}
	for i := range in.Areas {
		a := &in.Areas[i]
		a.ID = ensureID(p, indexed("service_areas", i)+".id", a.ID)
		p.Text(indexed("service_areas", i)+".name", a.Name, true, maxName)
	}
}

func (in *ServiceInput) checkLocations(p Problems) {
	for i := range in.Locations {
		l := &in.Locations[i]
		field := indexed("locations", i)
		l.ID = ensureID(p, field+".id", l.ID)
		if l.Country == "" {
			l.Country = "GB"
		}
		if l.Accessibility == nil {
			l.Accessibility = []string{}
		}
		p.Text(field+".name", l.Name, false, maxName)
		p.Text(field+".address_1", l.Address1, false, maxName)
		p.Text(field+".address_2", l.Address2, false, maxName)
		p.Text(field+".city", l.City, false, maxName)
		p.Text(field+".transport", l.Transport, false, maxText)
		for j, a := range l.Accessibility {
			if !oneOf(a, AccessibilityFeatures...) {
				p.Add(indexed(field+".accessibility", j), "must be one of %s", strings.Join(AccessibilityFeatures, ", "))
			}
		}
		placeLocation(p, field, l)
	}
}

// placeLocation normalises the postcode and fills in coordinates from it when
// the caller gave none.
func placeLocation(p Problems, field string, l *Location) {
	if l.Postcode != "" {
		pc, err := geo.NormalisePostcode(l.Postcode)
		if err != nil {
			p.Add(field+".postcode", "is not a UK postcode")
			return
		}
		l.Postcode = pc
	}
	if (l.Lon == nil) != (l.Lat == nil) {
		p.Add(field+".lat", "give both lat and lon, or neither")
		return
	}
	if l.Lon != nil {
		if _, err := geo.LonLat(*l.Lon, *l.Lat); err != nil {
			p.Add(field+".lat", "lat must be within ±90 and lon within ±180")
		}
		return
	}
	if l.Postcode == "" {
		return
	}
	place, err := geo.LookupPostcode(l.Postcode)
	if errors.Is(err, geo.ErrUnknownPostcode) {
		p.Add(field+".postcode", "was not found; give the location's lat and lon instead")
		return
	}
	if err == nil {
		lon, lat := place.Point.Lon(), place.Point.Lat()
		l.Lon, l.Lat = &lon, &lat
	}
}

func (in *ServiceInput) checkSchedules(p Problems) {
	locations := map[string]bool{}
	for _, l := range in.Locations {
		locations[l.ID] = true
	}
	for i := range in.Schedules {
		s := &in.Schedules[i]
		field := indexed("schedules", i)
		s.ID = ensureID(p, field+".id", s.ID)
		checkSchedule(p, field, s)
		if s.LocationID != "" && !locations[s.LocationID] {
			p.Add(field+".location_id", "must be the id of one of this service's locations")
		}
	}
}

func checkSchedule(p Problems, field string, s *Schedule) {
	day := weekday
	switch s.Freq {
	case "WEEKLY":
	case "MONTHLY":
		day = ordinalDay
	default:
		p.Add(field+".freq", "must be WEEKLY or MONTHLY")
	}
	if len(s.ByDay) == 0 {
		p.Add(field+".byday", "needs at least one day")
	}
	for j, d := range s.ByDay {
		if !day.MatchString(d) {
			p.Add(indexed(field+".byday", j), "must be a day such as TU (weekly) or 1TU, -1FR (monthly)")
		}
	}
	if !clockTime.MatchString(s.OpensAt) {
		p.Add(field+".opens_at", "must be a time like 09:30")
	}
	if !clockTime.MatchString(s.ClosesAt) {
		p.Add(field+".closes_at", "must be a time like 11:00")
	} else if clockTime.MatchString(s.OpensAt) && s.ClosesAt <= s.OpensAt {
		p.Add(field+".closes_at", "must be after opens_at")
	}
	checkDate(p, field+".valid_from", s.ValidFrom)
	checkDate(p, field+".valid_to", s.ValidTo)
	if s.ValidFrom != "" && s.ValidTo != "" && s.ValidTo < s.ValidFrom {
		p.Add(field+".valid_to", "must not be before valid_from")
	}
	p.Text(field+".description", s.Description, false, maxName)
}

func checkDate(p Problems, field, value string) {
	if value == "" {
		return
	}
	if _, err := time.Parse(time.DateOnly, value); err != nil {
		p.Add(field, "must be a date like 2026-01-31")
	}
}

func (in *ServiceInput) checkContactsAndCosts(p Problems) {
	for i := range in.Phones {
		ph := &in.Phones[i]
		field := indexed("phones", i)
		ph.ID = ensureID(p, field+".id", ph.ID)
		if ph.Type == "" {
			ph.Type = "voice"
		}
		if !phoneNumber.MatchString(ph.Number) {
			p.Add(field+".number", "must be a phone number like 0191 123 4567")
		}
		if !oneOf(ph.Type, "voice", "text", "fax", "textphone", "video") {
			p.Add(field+".type", "must be one of voice, text, fax, textphone, video")
		}
	}
	for i := range in.Contacts {
		c := &in.Contacts[i]
		field := indexed("contacts", i)
		c.ID = ensureID(p, field+".id", c.ID)
		p.Text(field+".name", c.Name, true, maxName)
		p.Text(field+".title", c.Title, false, maxName)
		p.Email(field+".email", c.Email)
	}
	for i := range in.CostOptions {
		c := &in.CostOptions[i]
		field := indexed("cost_options", i)
		c.ID = ensureID(p, field+".id", c.ID)
		if c.Currency == "" {
			c.Currency = "GBP"
		}
		if c.Amount != nil && (*c.Amount < 0 || *c.Amount > 99999999) {
			p.Add(field+".amount", "must be between 0 and 99,999,999")
		} else if c.Amount != nil && *c.Amount > 0 && in.Free {
			p.Add(field+".amount", "a free service cannot charge; untick free or remove the charge")
		}
	}
}

// ensureID keeps a valid client id or makes a new one.
func ensureID(p Problems, field, id string) string {
	if id == "" {
		return uuid.NewString()
	}
	p.UUID(field, id, false)
	return id
}

func indexed(field string, i int) string { return fmt.Sprintf("%s[%d]", field, i) }
