package bench

import (
	"net/url"
	"strconv"
	"strings"

	"kith/geo"
	"kith/search"
)

// applyAccepting switches the "accepting" filter on for the text + radius
// class in all three engines at once: Kith through search's `accepting`
// parameter over service_capacity, the oracle and the baseline from the
// same full flag. Off, the class runs without it everywhere, which is how
// the bench ran before Kith had capacity, for comparison with those runs.
const applyAccepting = true

// class is a kind of query in the fixed mix.
type class int

const (
	textRadius class = iota
	categoryRadius
	textOnly
	nearest
	postcodeText
	numClasses
)

var classNames = [numClasses]string{"text + radius", "category + radius", "text only", "nearest 50", "postcode + text"}

// classShare is the mix, in percent.
var classShare = [numClasses]int{60, 10, 10, 10, 10}

func (c class) String() string { return classNames[c] }

// hasText tells whether the class's order depends on text relevance, which
// the oracle does not model: for those, agreement means every hit passes
// the oracle's filters; for the rest, the same ids in the same order.
func (c class) hasText() bool { return c == textRadius || c == textOnly || c == postcodeText }

// benchQuery is one query of the mix, in terms every engine understands.
// classesOf is the class of each query.
func classesOf(qs []benchQuery) []class {
	out := make([]class, len(qs))
	for i, q := range qs {
		out[i] = q.class
	}
	return out
}

type benchQuery struct {
	class     class
	text      string
	near      *geo.Point // a point the person gave
	postcode  string     // or a postcode to resolve (timed, in every engine)
	radiusKm  float64
	category  string
	accepting bool
	limit     int
}

// accepts reports whether the engines should drop full services.
func (q *benchQuery) accepts() bool { return applyAccepting && q.accepting }

// values is the query as /api/search parameters, which is also how the Kith
// engine is asked (through search.ParseQuery, as the handler does).
func (q *benchQuery) values() url.Values {
	v := url.Values{}
	if q.text != "" {
		v.Set("q", q.text)
	}
	switch {
	case q.postcode != "":
		v.Set("near", q.postcode)
	case q.near != nil:
		v.Set("near", formatDeg(q.near.Lat())+","+formatDeg(q.near.Lon()))
	}
	if q.near != nil || q.postcode != "" {
		v.Set("radius_km", strconv.FormatFloat(q.radiusKm, 'f', -1, 64))
	}
	if q.category != "" {
		v.Set("category", q.category)
	}
	if q.accepts() {
		v.Set("accepting", "true")
	}
	v.Set("limit", strconv.Itoa(q.limit))
	return v
}

// formatDeg writes the shortest decimal that parses back to the same
// float64, so Kith and the oracle measure from the very same point.
func formatDeg(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// where resolves the query's place: the cost of a postcode lookup is part
// of every engine's time for the postcode class.
func (q *benchQuery) where() (geo.Point, bool, error) {
	switch {
	case q.postcode != "":
		p, err := geo.Resolve(q.postcode)
		return p.Point, err == nil, err
	case q.near != nil:
		return *q.near, true, nil
	}
	return geo.Point{}, false, nil
}

// textWords are the query's words for the engines that match whole words.
func (q *benchQuery) textWords() []string {
	var out []string
	for _, w := range tokens(q.text) {
		if w = strings.Trim(w, "'"); w != "" && !stopWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// stopWords are the English words every engine ignores in a query.
var stopWords = map[string]bool{"a": true, "an": true, "and": true, "at": true, "for": true, "in": true,
	"of": true, "on": true, "the": true, "to": true, "with": true}

// radii are the distances a link worker picks from.
var radii = []float64{2, 5, 10, 25}

// nearestRadius is the widest radius Kith allows: "the nearest 50 wherever".
const nearestRadius = search.MaxRadiusKm
