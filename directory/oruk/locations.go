package oruk

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"kith/directory"
	"kith/geo"
)

// places maps a record's venues and sessions. Sessions hang off a venue
// (ORUK 1.0 service_at_locations[].regular_schedule) or off the service,
// naming their venue by service_at_location_id or location_id, or none.
func (b *build) places(o object) ([]directory.Location, []directory.Schedule) {
	var locs []directory.Location
	var scheds []directory.Schedule
	links := map[string]string{} // source service_at_location or location id → Kith location id
	for i, sal := range o.list("service_at_locations") {
		lo := sal.child("location")
		switch {
		case lo == nil:
			b.fix("service_at_locations[%d] has no location and was left out", i)
			continue
		case strings.EqualFold(lo.text("location_type"), "virtual"):
			continue // not a venue; deliveryModes reads it as online
		}
		l := b.location(lo, i)
		if !slices.ContainsFunc(locs, func(x directory.Location) bool { return x.ID == l.ID }) {
			locs = append(locs, l)
		}
		for _, key := range []string{sal.text("id"), lo.text("id")} {
			if key != "" {
				links[key] = l.ID
			}
		}
		for _, s := range sal.list("schedules", "regular_schedules", "regular_schedule") {
			scheds = b.addSchedule(scheds, s, l.ID)
		}
	}
	for _, s := range o.list("schedules", "regular_schedules") {
		scheds = b.addSchedule(scheds, s, links[cmp.Or(s.text("service_at_location_id"), s.text("location_id"))])
	}
	return locs, scheds
}

// location maps one venue. Its id is scoped to the organisation, so that
// two of its services at one venue share it, as Kith's venues are shared.
func (b *build) location(lo object, index int) directory.Location {
	addr := address(lo)
	field := fmt.Sprintf("location %d", index+1)
	l := directory.Location{
		Name:        b.prose(field+" name", lo.text("name"), nameLimit),
		Description: b.prose(field+" description", lo.text("description"), textLimit),
		Address1:    b.text(field+" address", addr.text("address_1"), nameLimit),
		Address2:    b.text(field+" address", addr.text("address_2"), nameLimit),
		City:        b.text(field+" town", addr.text("city"), nameLimit),
		Region:      b.text(field+" region", addr.text("region", "state_province"), nameLimit),
		Country:     country(addr.text("country")),
		Postcode:    b.postcode(field, addr.text("postal_code", "postcode")),
		Transport:   b.prose(field+" transport", lo.text("transportation", "transport"), textLimit),
	}
	l.Lon, l.Lat = b.coordinates(field, lo)
	var notes string
	l.Accessibility, notes = accessibilityOf(lo)
	if notes != "" {
		l.Description = strings.TrimSpace(l.Description + "\nAccess: " + notes)
	}
	key := lo.text("id")
	if key == "" {
		key = fmt.Sprintf("%s/#%d", b.key, index)
		if where := fold(l.Postcode + "|" + l.Address1 + "|" + l.Name); where != "||" {
			key = "address:" + where
		}
	}
	l.ID = ImportID(b.source, "location", b.orgKey+"/"+key)
	return l
}

// address picks the venue's physical address from ORUK 3.0 addresses or
// ORUK 1.0 physical_addresses, else its first address of any kind.
func address(lo object) object {
	all := append(lo.list("addresses"), lo.list("physical_addresses")...)
	for _, a := range all {
		if t := a.text("address_type"); t == "" || strings.EqualFold(t, "physical") {
			return a
		}
	}
	if len(all) > 0 {
		return all[0]
	}
	return nil
}

// country reads the names feeds give the United Kingdom as GB, and keeps
// any other two-letter code.
func country(s string) string {
	switch strings.ToLower(s) {
	case "", "gb", "uk", "united kingdom", "great britain", "england", "wales", "scotland", "northern ireland":
		return "GB"
	}
	if len(s) == 2 && isLetter(s[0]) && isLetter(s[1]) {
		return strings.ToUpper(s)
	}
	return "GB"
}

func (b *build) postcode(field, s string) string {
	if s == "" {
		return ""
	}
	pc, err := geo.NormalisePostcode(s)
	if err != nil {
		b.fix("%s postcode %q is not a UK postcode and was left out", field, s)
		return ""
	}
	return pc
}

// coordinates reads latitude and longitude. Feeds write 0,0 for "unknown",
// and now and then swap the two; within Britain the swap cannot be
// mistaken, so it is undone.
func (b *build) coordinates(field string, lo object) (*float64, *float64) {
	lat, okLat := lo.number("latitude", "lat")
	lon, okLon := lo.number("longitude", "long", "lon")
	if !okLat || !okLon || (lat == 0 && lon == 0) {
		return nil, nil
	}
	if lat > -9 && lat < 3 && lon > 49 && lon < 61 {
		lat, lon = lon, lat
		b.fix("%s had latitude and longitude swapped; they were put right", field)
	}
	if _, err := geo.LonLat(lon, lat); err != nil {
		b.fix("%s coordinates %v, %v are not on the globe and were left out", field, lat, lon)
		return nil, nil
	}
	return &lon, &lat
}

// accessibilityOf reads the venue's accessibility records: the features
// Kith knows, and the text of any record that names none of them.
func accessibilityOf(lo object) ([]string, string) {
	features := []string{}
	var notes []string
	for _, a := range append(lo.list("accessibility"), lo.list("accessibility_for_disabilities")...) {
		text := strings.Join(nonEmpty([]string{a.text("description"), a.text("accessibility"), a.text("details")}), ". ")
		found := accessibilityFeatures(text)
		if len(found) == 0 && text != "" {
			notes = append(notes, PlainText(text))
		}
		for _, f := range found {
			if !slices.Contains(features, f) {
				features = append(features, f)
			}
		}
	}
	return features, strings.Join(notes, "; ")
}
