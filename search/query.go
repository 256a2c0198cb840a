package search

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"kith/directory"
	"kith/geo"
)

// Limits on what one query may ask for.
const (
	DefaultRadiusKm = 5
	MaxRadiusKm     = 50
	DefaultLimit    = 20
	MaxLimit        = 100
	maxTextRunes    = 200
	maxOffset       = 10000
)

// Query is a parsed, checked search request.
type Query struct {
	Text       string
	Near       *geo.Place // nil: anywhere
	RadiusKm   float64
	Categories []string // all must match
	Days       []int    // weekday indexes, Monday 0; any may match
	Parts      []int    // parts of the day; any may match
	Free       bool
	Age        *int
	Delivery   []string // any may match
	Accessible []string // a venue must have all
	Assured    bool
	Accepting  bool // not full and not paused
	Limit      int
	Offset     int
}

// ParamError names the parameter that is wrong and why, so the API can answer
// 400 with the field.
type ParamError struct{ Param, Why string }

func (e *ParamError) Error() string { return e.Param + ": " + e.Why }

func bad(param, format string, args ...any) error {
	return &ParamError{Param: param, Why: fmt.Sprintf(format, args...)}
}

// known lists the parameters ParseQuery reads; anything else is a typo the
// caller should hear about rather than have silently ignored.
var known = []string{"q", "near", "radius_km", "category", "day", "time", "free", "age",
	"delivery", "accessible", "assured", "accepting", "limit", "offset"}

// ParseQuery reads a search from URL parameters.
func ParseQuery(v url.Values) (Query, error) {
	for name := range v {
		if name == "" {
			return Query{}, bad("query", "has a value with no parameter name")
		}
		if !slices.Contains(known, name) {
			return Query{}, bad(name, "is not a search parameter")
		}
	}
	q := Query{RadiusKm: DefaultRadiusKm, Limit: DefaultLimit}
	steps := []func(url.Values, *Query) error{parseText, parseNear, parseLists, parseFlags, parsePage}
	for _, step := range steps {
		if err := step(v, &q); err != nil {
			return Query{}, err
		}
	}
	return q, nil
}

func parseText(v url.Values, q *Query) error {
	text := strings.TrimSpace(v.Get("q"))
	if !utf8.ValidString(text) {
		return bad("q", "is not valid UTF-8 text")
	}
	if utf8.RuneCountInString(text) > maxTextRunes {
		return bad("q", "must be at most %d characters", maxTextRunes)
	}
	q.Text = text
	return nil
}

func parseNear(v url.Values, q *Query) error {
	if near := strings.TrimSpace(v.Get("near")); near != "" {
		place, err := geo.Resolve(near)
		if err != nil {
			return bad("near", "%v", err)
		}
		q.Near = &place
	}
	if raw := v.Get("radius_km"); raw != "" {
		r, err := strconv.ParseFloat(raw, 64)
		if err != nil || !(r > 0) || r > MaxRadiusKm {
			return bad("radius_km", "must be a number of kilometres above 0 and at most %d", MaxRadiusKm)
		}
		q.RadiusKm = r
	}
	return nil
}

func parseLists(v url.Values, q *Query) error {
	for _, c := range v["category"] {
		if c == "" || len(c) > 60 {
			return bad("category", "must be a category code such as walking")
		}
		q.Categories = append(q.Categories, c)
	}
	for _, d := range v["day"] {
		i := slices.IndexFunc(weekdays[:], func(w struct{ name, code string }) bool { return w.name == strings.ToLower(d) })
		if i < 0 {
			return bad("day", "must be one of mon, tue, wed, thu, fri, sat, sun")
		}
		q.Days = append(q.Days, i)
	}
	for _, t := range v["time"] {
		i := slices.IndexFunc(dayParts[:], func(p struct{ name, start, end string }) bool { return p.name == t })
		if i < 0 {
			return bad("time", "must be morning, afternoon or evening")
		}
		q.Parts = append(q.Parts, i)
	}
	for _, d := range v["delivery"] {
		if !slices.Contains(directory.DeliveryModes, d) {
			return bad("delivery", "must be one of %s", strings.Join(directory.DeliveryModes, ", "))
		}
		q.Delivery = append(q.Delivery, d)
	}
	for _, a := range v["accessible"] {
		if !slices.Contains(directory.AccessibilityFeatures, a) {
			return bad("accessible", "must be one of %s", strings.Join(directory.AccessibilityFeatures, ", "))
		}
		q.Accessible = append(q.Accessible, a)
	}
	return nil
}

func parseFlags(v url.Values, q *Query) error {
	var err error
	if q.Free, err = boolParam(v, "free"); err != nil {
		return err
	}
	if q.Assured, err = boolParam(v, "assured"); err != nil {
		return err
	}
	if q.Accepting, err = boolParam(v, "accepting"); err != nil {
		return err
	}
	if raw := v.Get("age"); raw != "" {
		age, err := strconv.Atoi(raw)
		if err != nil || age < 0 || age > 130 {
			return bad("age", "must be a whole number of years from 0 to 130")
		}
		q.Age = &age
	}
	return nil
}

func boolParam(v url.Values, name string) (bool, error) {
	switch v.Get(name) {
	case "", "false", "0", "no":
		return false, nil
	case "true", "1", "yes", "on":
		return true, nil
	}
	return false, bad(name, "must be true or false")
}

func parsePage(v url.Values, q *Query) error {
	var err error
	if q.Limit, err = intParam(v, "limit", DefaultLimit, 1, MaxLimit); err != nil {
		return err
	}
	q.Offset, err = intParam(v, "offset", 0, 0, maxOffset)
	return err
}

func intParam(v url.Values, name string, def, lo, hi int) (int, error) {
	raw := v.Get(name)
	if raw == "" {
		return def, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < lo || n > hi {
		return 0, bad(name, "must be a whole number from %d to %d", lo, hi)
	}
	return n, nil
}
