package web

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/geo"
)

// orukQueryParams lists the query parameters each /oruk list reads. It is
// the one list: handlers read parameters only through it, and a test holds
// the OpenAPI document to it.
var orukQueryParams = map[string][]string{
	"/services": {"search", "page", "per_page", "taxonomy_term_id", "taxonomy_id", "organization_id",
		"modified_after", "minimum_age", "maximum_age", "day", "start_time", "end_time", "postcode", "proximity"},
	"/service_at_locations": {"search", "page", "per_page", "taxonomy_term_id", "taxonomy_id", "organization_id",
		"modified_after", "minimum_age", "maximum_age", "day", "start_time", "end_time", "postcode", "proximity"},
	"/organizations":  {"page", "per_page"},
	"/taxonomies":     {"page", "per_page"},
	"/taxonomy_terms": {"page", "per_page", "taxonomy_id", "parent_id", "top_only"},
}

// Feed paging: ORUK clients often fetch a whole feed, so pages may be large.
const (
	orukDefaultPerPage = 50
	orukMaxPerPage     = 500
	// defaultProximity is how far a venue may be from a postcode given
	// without a proximity, in metres: a short bus ride.
	defaultProximity = 10_000
)

// feedQuery is what the ORUK parameters ask for; zero values do not narrow.
type feedQuery struct {
	page, perPage int
	words         []string
	serviceID     string
	termID        string
	taxonomyID    string
	orgID         string
	parentID      string
	modifiedAfter *time.Time
	minAge        *float64
	maxAge        *float64
	day           string
	startTime     string
	endTime       string
	near          *geo.Place
	proximity     float64
	topOnly       bool
}

func (f feedQuery) offset() int { return (f.page - 1) * f.perPage }

// readFeedQuery reads the parameters route takes and no others.
func readFeedQuery(c *fiber.Ctx, route string) (feedQuery, error) {
	f := feedQuery{page: 1, perPage: orukDefaultPerPage}
	for _, name := range orukQueryParams[route] {
		raw := strings.TrimSpace(c.Query(name))
		if raw == "" {
			continue
		}
		if err := feedParams[name](&f, raw); err != nil {
			return feedQuery{}, errBadParam(name, err.Error())
		}
	}
	if f.proximity > 0 && f.near == nil {
		return feedQuery{}, errBadParam("proximity", "needs a postcode to measure from")
	}
	if f.near != nil && f.proximity == 0 {
		f.proximity = defaultProximity
	}
	return f, nil
}

// feedParams reads each parameter into the query, saying why a value is
// refused in words for the person who sent it.
var feedParams = map[string]func(f *feedQuery, raw string) error{
	"search":           func(f *feedQuery, raw string) (err error) { f.words, err = searchWords(raw); return },
	"page":             func(f *feedQuery, raw string) (err error) { f.page, err = whole(raw, 1, 1_000_000); return },
	"per_page":         func(f *feedQuery, raw string) (err error) { f.perPage, err = whole(raw, 1, orukMaxPerPage); return },
	"taxonomy_term_id": func(f *feedQuery, raw string) (err error) { f.termID, err = uuidParam(raw); return },
	"taxonomy_id":      func(f *feedQuery, raw string) (err error) { f.taxonomyID, err = uuidParam(raw); return },
	"organization_id":  func(f *feedQuery, raw string) (err error) { f.orgID, err = uuidParam(raw); return },
	"parent_id":        func(f *feedQuery, raw string) (err error) { f.parentID, err = uuidParam(raw); return },
	"modified_after":   func(f *feedQuery, raw string) (err error) { f.modifiedAfter, err = dateTime(raw); return },
	"minimum_age":      func(f *feedQuery, raw string) (err error) { f.minAge, err = ageParam(raw); return },
	"maximum_age":      func(f *feedQuery, raw string) (err error) { f.maxAge, err = ageParam(raw); return },
	"day":              func(f *feedQuery, raw string) (err error) { f.day, err = dayParam(raw); return },
	"start_time":       func(f *feedQuery, raw string) (err error) { f.startTime, err = timeParam(raw); return },
	"end_time":         func(f *feedQuery, raw string) (err error) { f.endTime, err = timeParam(raw); return },
	"postcode":         func(f *feedQuery, raw string) (err error) { f.near, err = postcodeParam(raw); return },
	"proximity":        func(f *feedQuery, raw string) (err error) { f.proximity, err = metres(raw); return },
	"top_only":         func(f *feedQuery, raw string) (err error) { f.topOnly, err = strconv.ParseBool(raw); return },
}

func whole(raw string, lo, hi int) (int, error) {
	n, err := strconv.Atoi(raw)
	if err != nil || n < lo || n > hi {
		return 0, errors.New("must be a whole number from " + strconv.Itoa(lo) + " to " + strconv.Itoa(hi))
	}
	return n, nil
}

// searchWords splits a search into words, each of which must appear in a
// listing; LIKE's wildcards are escaped so they match themselves.
func searchWords(raw string) ([]string, error) {
	if len(raw) > 200 {
		return nil, errors.New("must be at most 200 characters")
	}
	esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	words := strings.Fields(raw)
	for i, w := range words {
		words[i] = esc.Replace(w)
	}
	return words[:min(len(words), 10)], nil
}

func uuidParam(raw string) (string, error) {
	if !directory.ValidID(raw) {
		return "", errors.New("must be an id (a UUID)")
	}
	return raw, nil
}

func dateTime(raw string) (*time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", time.DateOnly} {
		if t, err := time.Parse(layout, raw); err == nil {
			return &t, nil
		}
	}
	return nil, errors.New("must be a date-time such as 2026-01-31T09:00:00Z, or a date")
}

func ageParam(raw string) (*float64, error) {
	n, err := strconv.ParseFloat(raw, 64)
	if err != nil || n < 0 || n > 130 {
		return nil, errors.New("must be an age from 0 to 130")
	}
	return &n, nil
}

var weekdays = map[string]string{
	"MO": "MO", "TU": "TU", "WE": "WE", "TH": "TH", "FR": "FR", "SA": "SA", "SU": "SU",
	"MONDAY": "MO", "TUESDAY": "TU", "WEDNESDAY": "WE", "THURSDAY": "TH", "FRIDAY": "FR", "SATURDAY": "SA", "SUNDAY": "SU",
}

func dayParam(raw string) (string, error) {
	d, ok := weekdays[strings.ToUpper(raw)]
	if !ok {
		return "", errors.New("must be a day such as MO or Monday")
	}
	return d, nil
}

func timeParam(raw string) (string, error) {
	for _, layout := range []string{"15:04", "15:04:05"} {
		if t, err := time.Parse(layout, raw); err == nil {
			return t.Format("15:04"), nil
		}
	}
	return "", errors.New("must be a time such as 09:30")
}

func postcodeParam(raw string) (*geo.Place, error) {
	p, err := geo.LookupPostcode(raw)
	if err != nil {
		return nil, err
	}
	return &p, nil
}

func metres(raw string) (float64, error) {
	n, err := strconv.ParseFloat(raw, 64)
	if err != nil || n <= 0 || n > 1_000_000 {
		return 0, errors.New("must be a distance in metres, above 0 and up to 1,000,000")
	}
	return n, nil
}
