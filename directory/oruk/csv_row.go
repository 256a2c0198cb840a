package oruk

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"kith/directory"
	"kith/geo"
)

// rowErrors collects the problems of one row.
type rowErrors struct {
	line int
	errs []RowError
}

func (e *rowErrors) add(column, format string, args ...any) {
	e.errs = append(e.errs, RowError{Line: e.line, Column: column, Message: fmt.Sprintf(format, args...)})
}

// sheetRecord reads the service and organisation columns of the first row
// of a service.
func (m Mapper) sheetRecord(b *build, key string, r row, line int) (Record, []RowError) {
	e := &rowErrors{line: line}
	orgKey := "name:" + fold(r["organisation"])
	b.orgKey = "organisation:" + orgKey
	rec := Record{Source: m.Source, SourceID: key, ServiceID: ImportID(m.Source, "service", key),
		OrgSourceID: orgKey, OrganisationID: ImportID(m.Source, "organisation", orgKey)}
	rec.Organisation = &directory.OrganisationInput{Name: r["organisation"], Email: r["organisation_email"],
		URL: withScheme(r["organisation_website"]), Identifiers: sheetIdentifiers(r)}
	svc := directory.ServiceInput{
		OrganisationID: rec.OrganisationID, Name: r["name"], Description: b.prose("description", r["description"], textLimit),
		Status: strings.ToLower(r["status"]), URL: withScheme(r["website"]), Email: r["email"],
		FeesDescription: r["fees"], Eligibility: r["eligibility"], DeliveryModes: r.list("delivery"),
	}
	svc.MinAge, svc.MaxAge = e.age(r, "min_age"), e.age(r, "max_age")
	svc.Free = e.yes(r, "free")
	svc.Phones = b.sheetPhones(e, r)
	svc.Languages = e.languages(r)
	svc.Areas = b.sheetArea(r)
	if r["contact_name"] != "" {
		svc.Contacts = []directory.Contact{{ID: b.childID("contact", "", 0), Name: r["contact_name"],
			Email: r["contact_email"], Phone: phoneNumber(r["contact_phone"])}}
	}
	rec.Terms, svc.Categories = m.sheetCategories(b, r)
	rec.Service = svc
	return rec, e.errs
}

// withScheme adds the https:// people leave off web addresses.
func withScheme(s string) string {
	if s != "" && !strings.Contains(s, "://") {
		return "https://" + s
	}
	return s
}

func sheetIdentifiers(r row) []directory.Identifier {
	var out []directory.Identifier
	for col, scheme := range map[string]string{"charity_number": "charity_ew", "company_number": "company"} {
		if r[col] != "" {
			out = append(out, directory.Identifier{Scheme: scheme, Identifier: r[col]})
		}
	}
	slices.SortFunc(out, func(a, b directory.Identifier) int { return strings.Compare(a.Scheme, b.Scheme) })
	return out
}

func (e *rowErrors) age(r row, col string) *int {
	if r[col] == "" {
		return nil
	}
	n, err := strconv.Atoi(r[col])
	if err != nil {
		e.add(col, "must be a whole number of years")
		return nil
	}
	return &n
}

var yesNo = map[string]bool{"yes": true, "y": true, "true": true, "1": true, "no": false, "n": false, "false": false, "0": false, "": false}

func (e *rowErrors) yes(r row, col string) bool {
	v, ok := yesNo[strings.ToLower(r[col])]
	if !ok {
		e.add(col, "must be yes or no")
	}
	return v
}

func (b *build) sheetPhones(e *rowErrors, r row) []directory.Phone {
	var out []directory.Phone
	for _, raw := range r.list("phone") {
		n := phoneNumber(raw)
		if n == "" {
			e.add("phone", "%q is not a phone number", raw)
			continue
		}
		out = append(out, directory.Phone{ID: b.childID("phone", "", len(out)), Number: n, Type: "voice"})
	}
	return out
}

func (e *rowErrors) languages(r row) []string {
	out := []string{}
	for _, raw := range r.list("languages") {
		code, ok := languageCode(raw)
		if !ok {
			e.add("languages", "%q is not a language Kith knows; use a code such as pl or a name such as Polish", raw)
			continue
		}
		out = append(out, code)
	}
	return out
}

// sheetArea reads the area a service covers: a GSS code (which names a
// local authority by its own name) or a place name.
func (b *build) sheetArea(r row) []directory.ServiceArea {
	v := r["service_area"]
	if v == "" {
		return nil
	}
	a := directory.ServiceArea{ID: b.childID("area", "", 0), Name: v}
	if code := areaCode(v); code == strings.ToUpper(v) {
		a.AreaCode = code
		if name, ok := geo.LocalAuthority(code); ok {
			a.Name = name
		}
	}
	return []directory.ServiceArea{a}
}

// sheetCategories reads category codes or names; one Kith does not know is
// kept as a source term for review and noted.
func (m Mapper) sheetCategories(b *build, r row) ([]directory.SourceTerm, []string) {
	var terms []directory.SourceTerm
	for _, c := range r.list("categories") {
		t := m.Vocabulary.Map(directory.SourceTerm{Term: c})
		if t.Category == "" {
			b.fix("category %q is not one Kith knows; it was kept for review", c)
		}
		terms = append(terms, t)
	}
	return terms, categories(terms)
}

// addVenue reads a row's venue and sessions into svc.
func (b *build) addVenue(svc *directory.ServiceInput, r row, line int) []RowError {
	e := &rowErrors{line: line}
	scheds, err := ParseSessions(r["sessions"])
	if err != nil {
		e.add("sessions", "%v", err)
	}
	loc, hasVenue := b.sheetLocation(e, r)
	if len(e.errs) > 0 {
		return e.errs
	}
	if hasVenue && !slices.ContainsFunc(svc.Locations, func(l directory.Location) bool { return l.ID == loc.ID }) {
		svc.Locations = append(svc.Locations, loc)
	}
	for _, s := range scheds {
		if hasVenue {
			s.LocationID = loc.ID
		}
		s.ID = b.childID("schedule", "", len(svc.Schedules))
		svc.Schedules = append(svc.Schedules, s)
	}
	return nil
}

var venueColumns = []string{"venue", "address_1", "address_2", "town", "postcode", "latitude", "longitude"}

func (b *build) sheetLocation(e *rowErrors, r row) (directory.Location, bool) {
	if !slices.ContainsFunc(venueColumns, func(c string) bool { return r[c] != "" }) {
		return directory.Location{}, false
	}
	l := directory.Location{Name: r["venue"], Address1: r["address_1"], Address2: r["address_2"], City: r["town"],
		Postcode: r["postcode"], HideAddress: e.yes(r, "hide_address"), Accessibility: e.accessibility(r)}
	lat, errLat := strconv.ParseFloat(r["latitude"], 64)
	lon, errLon := strconv.ParseFloat(r["longitude"], 64)
	switch {
	case r["latitude"] == "" && r["longitude"] == "":
	case errLat != nil || errLon != nil:
		e.add("latitude", "give latitude and longitude as decimal degrees, such as 54.906 and -1.382")
	default:
		l.Lat, l.Lon = &lat, &lon
	}
	key := "address:" + fold(postcodeKey(l.Postcode)+"|"+l.Address1+"|"+l.Name)
	l.ID = ImportID(b.source, "location", b.orgKey+"/"+key)
	return l, true
}

// postcodeKey lets "sr6 9aa" and "SR6 9AA" name the same venue.
func postcodeKey(s string) string {
	if pc, err := geo.NormalisePostcode(s); err == nil {
		return pc
	}
	return s
}

var featureCode = regexp.MustCompile(`^[a-z_]+$`)

// accessibility reads feature codes (step_free) or the words for them.
func (e *rowErrors) accessibility(r row) []string {
	out := []string{}
	for _, v := range r.list("accessibility") {
		found := []string{v}
		if !featureCode.MatchString(v) || !slices.Contains(directory.AccessibilityFeatures, v) {
			found = accessibilityFeatures(v)
		}
		if len(found) == 0 {
			e.add("accessibility", "%q is not a feature Kith knows (%s)", v, strings.Join(directory.AccessibilityFeatures, ", "))
		}
		for _, f := range found {
			if !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

var arrayIndex = regexp.MustCompile(`\[\d+\]`)

// problemColumns names the column of each directory field the layout names
// differently; the rest (name, description, email, min_age, ...) match.
var problemColumns = map[string]string{
	"url": "website", "fees_description": "fees", "delivery_modes": "delivery", "organisation_id": "organisation",
	"service_areas.name": "service_area", "phones.number": "phone", "locations": "venue",
	"locations.name": "venue", "locations.city": "town", "locations.lat": "latitude", "locations.lon": "longitude",
	"locations.address_1": "address_1", "locations.address_2": "address_2", "locations.postcode": "postcode",
	"locations.accessibility": "accessibility", "contacts.name": "contact_name", "contacts.email": "contact_email",
}

// CSVColumn names the spreadsheet column a directory problem is about
// ("locations[0].postcode" → "postcode"), so a problem found when a row is
// written is reported like one found when it was read.
func CSVColumn(field string) string {
	key := arrayIndex.ReplaceAllString(field, "")
	if c, ok := problemColumns[key]; ok {
		return c
	}
	if strings.HasPrefix(key, "schedules") {
		return "sessions"
	}
	return key
}
