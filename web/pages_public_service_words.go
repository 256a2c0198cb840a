package web

import (
	"strings"
	"time"

	"kith/directory"
)

var (
	pubWeekdays = map[string][2]string{
		"MO": {"Monday", "Mondays"}, "TU": {"Tuesday", "Tuesdays"}, "WE": {"Wednesday", "Wednesdays"},
		"TH": {"Thursday", "Thursdays"}, "FR": {"Friday", "Fridays"}, "SA": {"Saturday", "Saturdays"},
		"SU": {"Sunday", "Sundays"},
	}
	pubOrdinals = map[string]string{"1": "first", "2": "second", "3": "third", "4": "fourth", "5": "fifth", "-1": "last"}
	pubLegal    = map[string]string{
		"charity": "Registered charity", "cio": "Charitable incorporated organisation",
		"cic": "Community interest company", "company": "Company", "constituted_group": "Constituted community group",
		"unincorporated": "Unincorporated community group", "public_body": "Public body",
	}
	pubSchemes = map[string]string{"charity_ew": "Charity number", "company": "Company number",
		"cic": "Community interest company number", "ico": "ICO registration number", "other": "Reference"}
)

// sessionWords says when a session happens: "Tuesdays and Thursdays,
// 10:00 to 11:00", "The first Saturday of the month, 13:30 to 15:30, at
// the bandstand".
func sessionWords(s directory.Schedule, place string, several bool) string {
	var days []string
	for _, code := range s.ByDay {
		if len(code) < 2 {
			continue
		}
		names := pubWeekdays[code[len(code)-2:]]
		if s.Freq == "MONTHLY" {
			days = append(days, "the "+pubOrdinals[code[:len(code)-2]]+" "+names[0])
		} else {
			days = append(days, names[1])
		}
	}
	out := andList(days)
	if s.Freq == "MONTHLY" {
		out += " of the month"
	}
	out = sentence(out) + ", " + s.OpensAt + " to " + s.ClosesAt
	if several && place != "" {
		out += ", at " + place
	}
	if from := isoDate(s.ValidFrom); from != "" {
		out += ", from " + from
	}
	if to := isoDate(s.ValidTo); to != "" {
		out += ", until " + to
	}
	if s.Description != "" {
		out += " (" + s.Description + ")"
	}
	return out
}

func andList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// isoDate writes a stored date ("2026-01-31", perhaps with a time after
// it) as people read it.
func isoDate(s string) string {
	if len(s) < 10 {
		return ""
	}
	d, err := time.Parse(time.DateOnly, s[:10])
	if err != nil {
		return ""
	}
	return d.Format("2 January 2006")
}

// provider puts the organisation's legal form and register numbers into
// words.
func (d *publicServiceView) provider(org directory.Organisation) {
	d.Legal = pubLegal[org.LegalStatus]
	for _, id := range org.Identifiers {
		scheme := pubSchemes[id.Scheme]
		if scheme == "" {
			scheme = "Reference"
		}
		d.Identifiers = append(d.Identifiers, scheme+" "+id.Identifier)
	}
}
