package insight

import (
	"fmt"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"kith/directory"
)

// Geography is the kind of area figures are gathered into.
type Geography string

const (
	GeoLSOA Geography = "lsoa" // 2011 Lower Layer Super Output Areas, about 1,500 people each
	GeoWard Geography = "ward" // electoral wards, as the shipped postcodes name them
	GeoLA   Geography = "la"   // local authority districts, as they are today
	GeoGrid Geography = "grid" // squares cell_km on a side
)

// Format is how an answer is written.
type Format string

const (
	FormatJSON    Format = "json"
	FormatGeoJSON Format = "geojson"
	FormatCSV     Format = "csv"
)

// Limits on what a query may ask for.
const (
	DefaultRadiusKm = 5.0
	MinRadiusKm     = 0.5
	MaxRadiusKm     = 50.0
	DefaultCellKm   = 5.0
	MinCellKm       = 1.0
	MaxCellKm       = 50.0
)

// Query is a checked request for the gap analysis or a report.
type Query struct {
	Period    Period
	Category  string // a taxonomy code, covering the terms below it; "" for every need
	Geography Geography
	CellKm    float64 // side of a grid square; only for GeoGrid
	RadiusKm  float64 // how far people travel to a service; only for gaps
	Format    Format
}

// ParamError names the parameter that is wrong and why, so the API can
// answer 400 with the field.
type ParamError struct{ Param, Why string }

func (e *ParamError) Error() string { return e.Param + ": " + e.Why }

func bad(param, format string, args ...any) error {
	return &ParamError{Param: param, Why: fmt.Sprintf(format, args...)}
}

// kind is what one sort of request reads and defaults to.
type kind struct {
	params      []string
	geographies []Geography
	formats     []Format // the first is the default
}

var (
	gapKind = kind{params: []string{"from", "to", "category", "geography", "cell_km", "radius_km", "format"},
		geographies: []Geography{GeoLSOA, GeoWard, GeoLA, GeoGrid}, formats: []Format{FormatGeoJSON, FormatCSV}}
	reportKind = kind{params: []string{"from", "to", "category", "geography", "format"},
		geographies: []Geography{GeoLA, GeoWard, GeoLSOA}, formats: []Format{FormatJSON, FormatCSV}}
)

// ParseGapQuery reads a gap analysis request from URL parameters and the
// Accept header; the period defaults to the twelve months to now.
func ParseGapQuery(v url.Values, accept string, now time.Time) (Query, error) {
	q, err := gapKind.parse(v, accept, now)
	if err != nil {
		return Query{}, err
	}
	if q.RadiusKm, err = number(v, "radius_km", DefaultRadiusKm, MinRadiusKm, MaxRadiusKm); err != nil {
		return Query{}, err
	}
	return q, nil
}

// ParseReportQuery reads a report request; geography (la, ward or lsoa)
// only shapes the reports that are by area.
func ParseReportQuery(v url.Values, accept string, now time.Time) (Query, error) {
	return reportKind.parse(v, accept, now)
}

func (k kind) parse(v url.Values, accept string, now time.Time) (Query, error) {
	if err := k.checkNames(v); err != nil {
		return Query{}, err
	}
	var q Query
	var err error
	if q.Period, err = parsePeriod(v, now); err != nil {
		return Query{}, err
	}
	if q.Category, err = parseCategory(v.Get("category")); err != nil {
		return Query{}, err
	}
	if q.Geography, q.CellKm, err = k.parseGeography(v); err != nil {
		return Query{}, err
	}
	q.Format, err = k.parseFormat(v.Get("format"), accept)
	return q, err
}

// checkNames refuses parameters the request does not read, and repeats:
// a typo silently ignored would answer a different question.
func (k kind) checkNames(v url.Values) error {
	for name, values := range v {
		switch {
		case name == "":
			return bad("query", "has a value with no parameter name")
		case !slices.Contains(k.params, name):
			return bad(name, "is not a parameter here; use %s", strings.Join(k.params, ", "))
		case len(values) > 1:
			return bad(name, "give it once")
		}
	}
	return nil
}

// codePattern is the shape of a taxonomy code; whether it exists is the
// store's question.
var codePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)

func parseCategory(raw string) (string, error) {
	if raw == "" || raw == "all" {
		return "", nil
	}
	if !codePattern.MatchString(raw) {
		return "", bad("category", "must be a taxonomy code such as walking, or all")
	}
	return raw, nil
}

func (k kind) parseGeography(v url.Values) (Geography, float64, error) {
	g := k.geographies[0]
	if raw := v.Get("geography"); raw != "" {
		if g = Geography(raw); !slices.Contains(k.geographies, g) {
			return "", 0, bad("geography", "must be one of %s", joined(k.geographies))
		}
	}
	if g != GeoGrid {
		if v.Has("cell_km") {
			return "", 0, bad("cell_km", "only a grid (geography=grid) has cells")
		}
		return g, 0, nil
	}
	cell, err := number(v, "cell_km", DefaultCellKm, MinCellKm, MaxCellKm)
	return g, cell, err
}

// parseFormat takes format= first, then the first type in Accept that this
// request can write, else its default.
func (k kind) parseFormat(raw, accept string) (Format, error) {
	if raw != "" {
		f := Format(raw)
		if f == FormatJSON && k.formats[0] == FormatGeoJSON {
			f = FormatGeoJSON // GeoJSON is the JSON the gap analysis speaks
		}
		if !slices.Contains(k.formats, f) {
			return "", bad("format", "must be one of %s", joined(k.formats))
		}
		return f, nil
	}
	for _, part := range strings.Split(accept, ",") {
		media, _, _ := strings.Cut(part, ";")
		media = strings.ToLower(strings.TrimSpace(media))
		if f, ok := mediaFormats[media]; ok && slices.Contains(k.formats, f) {
			return f, nil
		}
	}
	return k.formats[0], nil
}

// mediaFormats are the Accept types understood.
var mediaFormats = map[string]Format{
	"text/csv": FormatCSV, "application/geo+json": FormatGeoJSON, "application/json": FormatJSON,
}

// number reads a finite decimal in [lo, hi], def when absent.
func number(v url.Values, name string, def, lo, hi float64) (float64, error) {
	raw := v.Get(name)
	if raw == "" {
		return def, nil
	}
	n, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.IsNaN(n) || n < lo || n > hi {
		return 0, bad(name, "must be a number from %g to %g", lo, hi)
	}
	return n, nil
}

func joined[T ~string](all []T) string {
	names := make([]string, len(all))
	for i, x := range all {
		names[i] = string(x)
	}
	return strings.Join(names, ", ")
}

// Dates outside these years are typos, not questions about the past.
const (
	minYear = 1900
	maxYear = 2199
)

// Period is a span of whole days in England, both ends included, so
// from=2026-04-01&to=2027-03-31 is one financial year.
type Period struct {
	From, To time.Time // calendar days, as UTC midnights
}

// parsePeriod reads from and to (YYYY-MM-DD); either defaults from the
// other, and both from now, to twelve months.
func parsePeriod(v url.Values, now time.Time) (Period, error) {
	to, err := day(v, "to", londonDay(now))
	if err != nil {
		return Period{}, err
	}
	from, err := day(v, "from", to.AddDate(-1, 0, 1))
	if err != nil {
		return Period{}, err
	}
	if !v.Has("to") && v.Has("from") {
		to = from.AddDate(1, 0, -1)
	}
	if from.After(to) {
		return Period{}, bad("from", "must not be after to")
	}
	return Period{From: from, To: to}, nil
}

func day(v url.Values, name string, def time.Time) (time.Time, error) {
	raw := v.Get(name)
	if raw == "" {
		return def, nil
	}
	d, err := time.Parse(time.DateOnly, raw)
	if err != nil || d.Year() < minYear || d.Year() > maxYear {
		return time.Time{}, bad(name, "must be a date like 2026-01-31, from %d to %d", minYear, maxYear)
	}
	return d, nil
}

// londonDay is the calendar day at t in England, as a UTC midnight.
func londonDay(t time.Time) time.Time {
	l := t.In(directory.London)
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, time.UTC)
}

// start is the instant the period begins: midnight in London on From.
func (p Period) start() time.Time { return londonMidnight(p.From) }

// end is the instant just after it: midnight in London after To.
func (p Period) end() time.Time { return londonMidnight(p.To.AddDate(0, 0, 1)) }

func londonMidnight(d time.Time) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, directory.London).UTC()
}

// MarshalJSON writes {"from": "2026-01-01", "to": "2026-12-31"}.
func (p Period) MarshalJSON() ([]byte, error) {
	return fmt.Appendf(nil, `{"from":%q,"to":%q}`, p.From.Format(time.DateOnly), p.To.Format(time.DateOnly)), nil
}

// months lists the calendar months the period touches, as YYYY-MM.
func (p Period) months() []string {
	var out []string
	last := time.Date(p.To.Year(), p.To.Month(), 1, 0, 0, 0, 0, time.UTC)
	for m := time.Date(p.From.Year(), p.From.Month(), 1, 0, 0, 0, 0, time.UTC); !m.After(last); m = m.AddDate(0, 1, 0) {
		out = append(out, m.Format("2006-01"))
	}
	return out
}

func (p Period) String() string {
	return p.From.Format(time.DateOnly) + " to " + p.To.Format(time.DateOnly)
}
