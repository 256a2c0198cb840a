package referral

import (
	"errors"
	"strings"
	"time"

	"kith/directory"
	"kith/geo"
)

// ContactRoutes are the ways a person can ask to be contacted.
var ContactRoutes = []string{"phone", "text", "email", "letter"}

// PersonInput is who a referral is about, as the referrer gives it.
type PersonInput struct {
	Name         string `db:"name" json:"name"`
	DateOfBirth  string `db:"date_of_birth" json:"date_of_birth"`
	NHSNumber    string `db:"nhs_number" json:"nhs_number"`
	Postcode     string `db:"postcode" json:"postcode"`
	Phone        string `db:"phone" json:"phone"`
	Email        string `db:"email" json:"email"`
	Address      string `db:"address" json:"address"`
	ContactBy    string `db:"contact_by" json:"contact_by"`
	ContactNotes string `db:"contact_notes" json:"contact_notes"`
	Language     string `db:"language" json:"language"`
	Interpreter  bool   `db:"interpreter" json:"interpreter"`
}

// Person is a referred person as stored: what was given, plus the small
// area (LSOA), local authority and deprivation decile of their postcode.
type Person struct {
	ID string `db:"person_id" json:"id"`
	PersonInput
	LSOA      string `db:"lsoa" json:"lsoa,omitempty"`
	LAD       string `db:"lad" json:"lad,omitempty"`
	IMDDecile int    `db:"imd_decile" json:"imd_decile,omitempty"`
}

// validate normalises the input and reports problems under prefix. A
// postcode is optional (people of no fixed abode are referred too) unless
// strict, and outside Kith's postcode data it is kept without an area; strict
// callers (the public form) must give one Kith can place.
func (in *PersonInput) validate(p directory.Problems, prefix string, now time.Time, strict bool) {
	in.Name = strings.TrimSpace(in.Name)
	p.Text(prefix+"name", in.Name, true, maxName)
	in.checkBirth(p, prefix, now)
	if in.NHSNumber != "" {
		n, err := ParseNHSNumber(in.NHSNumber)
		if err != nil {
			p.Add(prefix+"nhs_number", "%s", err.Error())
		}
		in.NHSNumber = n
	}
	in.checkPostcode(p, prefix, strict)
	in.checkContact(p, prefix)
	p.Text(prefix+"contact_notes", in.ContactNotes, false, maxShort)
	p.Text(prefix+"language", in.Language, false, 100)
}

func (in *PersonInput) checkBirth(p directory.Problems, prefix string, now time.Time) {
	if in.DateOfBirth == "" {
		p.Add(prefix+"date_of_birth", "is required")
		return
	}
	dob, ok := parseDate(p, prefix+"date_of_birth", in.DateOfBirth)
	switch day := today(now); {
	case !ok:
	case dob.After(day):
		p.Add(prefix+"date_of_birth", "must not be in the future")
	case dob.Before(day.AddDate(-120, 0, 0)):
		p.Add(prefix+"date_of_birth", "must be within the last 120 years")
	}
}

func (in *PersonInput) checkPostcode(p directory.Problems, prefix string, strict bool) {
	if in.Postcode == "" {
		if strict {
			p.Add(prefix+"postcode", "is required")
		}
		return
	}
	place, err := geo.LookupPostcode(in.Postcode)
	switch {
	case errors.Is(err, geo.ErrBadPostcode):
		p.Add(prefix+"postcode", "is not a valid UK postcode")
		return
	case strict && (err != nil || place.LSOA == ""):
		p.Add(prefix+"postcode", "is not a postcode in the area Kith serves")
		return
	}
	in.Postcode, _ = geo.NormalisePostcode(in.Postcode)
}

// checkContact insists on the detail the chosen route needs, so a link
// worker is never left with a referral they cannot act on.
func (in *PersonInput) checkContact(p directory.Problems, prefix string) {
	if in.ContactBy == "" {
		in.ContactBy = "phone"
	}
	p.OneOf(prefix+"contact_by", in.ContactBy, ContactRoutes)
	in.Phone = normalisePhone(p, prefix+"phone", strings.TrimSpace(in.Phone))
	in.Email = strings.TrimSpace(in.Email)
	p.Email(prefix+"email", in.Email)
	p.Text(prefix+"address", in.Address, false, maxShort)
	if field, ok := detailField[in.ContactBy]; ok && strings.TrimSpace(in.contactDetail()) == "" {
		p.Add(prefix+field, "is required to contact them by %s", in.ContactBy)
	}
}

// detailField names the field each contact route needs.
var detailField = map[string]string{"phone": "phone", "text": "phone", "email": "email", "letter": "address"}

// contactDetail is the phone number, email or address the chosen route uses.
func (in PersonInput) contactDetail() string {
	switch in.ContactBy {
	case "phone", "text":
		return in.Phone
	case "email":
		return in.Email
	case "letter":
		return in.Address
	}
	return ""
}

// area is the small area, current local authority and deprivation decile of
// a validated postcode; all empty when Kith cannot place it.
func area(postcode string) (lsoa, lad string, imd int) {
	place, err := geo.LookupPostcode(postcode)
	if err != nil || postcode == "" {
		return "", "", 0
	}
	lad, _ = geo.CurrentLAD(place.LAD)
	return place.LSOA, lad, place.IMDDecile
}

// ContactRoute is the one way to reach the person they chose, such as
// "phone: 07700900123", which is all a VCSE is given.
func (in PersonInput) ContactRoute() string { return in.ContactBy + ": " + in.contactDetail() }
