package directory

import (
	"math"
	"strings"
	"time"
)

// Service statuses, as HSDS 3.0 spells them.
var ServiceStatuses = []string{"active", "inactive", "defunct", "temporarily closed"}

// DeliveryModes are the ways a service reaches people.
var DeliveryModes = []string{"in_person", "online", "phone", "home_visit"}

// Service is a listing: something an organisation offers, where and when.
type Service struct {
	ID               string        `db:"id" json:"id"`
	OrganisationID   string        `db:"organisation_id" json:"organisation_id"`
	OrganisationName string        `db:"organisation_name" json:"organisation_name"`
	Name             string        `db:"name" json:"name"`
	AlternateName    string        `db:"alternate_name" json:"alternate_name,omitempty"`
	Description      string        `db:"description" json:"description"`
	URL              string        `db:"url" json:"url,omitempty"`
	Email            string        `db:"email" json:"email,omitempty"`
	Status           string        `db:"status" json:"status"`
	MinAge           *int          `db:"min_age" json:"min_age,omitempty"`
	MaxAge           *int          `db:"max_age" json:"max_age,omitempty"`
	Eligibility      string        `db:"eligibility" json:"eligibility,omitempty"`
	Free             bool          `db:"free" json:"free"`
	FeesDescription  string        `db:"fees_description" json:"fees_description,omitempty"`
	Languages        []string      `db:"-" json:"languages"`
	DeliveryModes    []string      `db:"-" json:"delivery_modes"`
	InternalNotes    string        `db:"internal_notes" json:"internal_notes,omitempty"`
	Published        bool          `db:"published" json:"published"`
	Locations        []Location    `db:"-" json:"locations"`
	Schedules        []Schedule    `db:"-" json:"schedules"`
	Phones           []Phone       `db:"-" json:"phones"`
	Contacts         []Contact     `db:"-" json:"contacts,omitempty"`
	CostOptions      []CostOption  `db:"-" json:"cost_options"`
	Categories       []Category    `db:"-" json:"categories"`
	Areas            []ServiceArea `db:"-" json:"service_areas"`
	CreatedAt        time.Time     `db:"created_at" json:"created_at"`
	UpdatedAt        time.Time     `db:"updated_at" json:"updated_at"`
}

// Location is a place where services happen. Locations belong to the
// organisation, so two of its services can share one.
type Location struct {
	ID            string   `json:"id"`
	Name          string   `json:"name,omitempty"`
	Description   string   `json:"description,omitempty"`
	Address1      string   `json:"address_1,omitempty"`
	Address2      string   `json:"address_2,omitempty"`
	City          string   `json:"city,omitempty"`
	Region        string   `json:"region,omitempty"`
	Postcode      string   `json:"postcode,omitempty"`
	Country       string   `json:"country,omitempty"`
	Lon           *float64 `json:"lon,omitempty"`
	Lat           *float64 `json:"lat,omitempty"`
	HideAddress   bool     `json:"hide_address"`
	Accessibility []string `json:"accessibility"`
	Transport     string   `json:"transport,omitempty"`
}

// AccessibilityFeatures are the facts about a venue people ask about most.
var AccessibilityFeatures = []string{
	"wheelchair", "step_free", "accessible_toilet", "hearing_loop", "parking",
	"quiet_space", "baby_change", "large_print", "bsl",
}

// Schedule is a recurring session: weekly on some weekdays, or monthly on
// ordinal weekdays (1TU is the first Tuesday, -1FR the last Friday).
type Schedule struct {
	ID          string   `json:"id"`
	LocationID  string   `json:"location_id,omitempty"`
	Freq        string   `json:"freq"`
	ByDay       []string `json:"byday"`
	OpensAt     string   `json:"opens_at"`
	ClosesAt    string   `json:"closes_at"`
	ValidFrom   string   `json:"valid_from,omitempty"`
	ValidTo     string   `json:"valid_to,omitempty"`
	Description string   `json:"description,omitempty"`
}

// Phone is a number to call about a service.
type Phone struct {
	ID          string `json:"id"`
	Number      string `json:"number"`
	Type        string `json:"type"`
	Description string `json:"description,omitempty"`
}

// Contact is a named person at the service; only signed-in users see them.
type Contact struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Title string `json:"title,omitempty"`
	Email string `json:"email,omitempty"`
	Phone string `json:"phone,omitempty"`
}

// CostOption is one price; Amount nil means "ask".
type CostOption struct {
	ID          string   `json:"id"`
	Option      string   `json:"option,omitempty"`
	Amount      *float64 `json:"amount,omitempty"`
	Currency    string   `json:"currency"`
	Description string   `json:"description,omitempty"`
}

// Category is a taxonomy term a service is filed under.
type Category struct {
	ID   string `json:"id"`
	Code string `json:"code"`
	Name string `json:"name"`
}

// ServiceArea is an area a service covers beyond its venues (e.g. a home
// visiting service covering a borough).
type ServiceArea struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	AreaCode    string `json:"area_code,omitempty"`
	Description string `json:"description,omitempty"`
}

// PublicView returns the listing as anonymous callers may see it: no internal
// notes, no named contacts, and hidden addresses reduced to about a kilometre.
func (s Service) PublicView() Service {
	s.InternalNotes = ""
	s.Contacts = nil
	locs := make([]Location, len(s.Locations))
	for i, l := range s.Locations {
		if l.HideAddress {
			l.Address1, l.Address2 = "", ""
			l.Postcode = outwardCode(l.Postcode)
			l.Lon, l.Lat = roundCoord(l.Lon), roundCoord(l.Lat)
		}
		locs[i] = l
	}
	s.Locations = locs
	return s
}

func outwardCode(postcode string) string {
	out, _, _ := strings.Cut(postcode, " ")
	return out
}

func roundCoord(v *float64) *float64 {
	if v == nil {
		return nil
	}
	r := math.Round(*v*100) / 100
	return &r
}
