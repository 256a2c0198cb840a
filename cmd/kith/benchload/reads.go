package benchload

import (
	"math/rand/v2"
	"net/url"
	"strconv"

	"kith/referral/insight"
)

// words are what people type into the search box.
var words = []string{"walking", "choir", "art", "coffee morning", "mens shed", "gardening", "debt advice",
	"benefits", "yoga", "chair exercise", "befriending", "bereavement", "carers", "cooking", "knitting",
	"football", "dementia", "mental health", "food bank", "volunteering", "computer help", "reading group",
	"dance", "tai chi", "lunch club", "lonely", "singing", "energy bills", "job club", "crafts"}

var radiiKm = []string{"1", "2", "3", "5", "10"}

// search is the public looking for groups, and sometimes a link worker
// looking for one with room that may take referrals.
func (w *world) search(rng *rand.Rand) step {
	q := url.Values{}
	near := func() {
		q.Set("near", oneOf(rng, w.postcodes))
		q.Set("radius_km", oneOf(rng, radiiKm))
	}
	var as *session
	switch n := rng.IntN(100); {
	case n < 30: // words near a place
		q.Set("q", oneOf(rng, words))
		near()
	case n < 55: // a category near a place
		q.Set("category", oneOf(rng, w.terms))
		near()
	case n < 70: // what is on near here
		near()
	case n < 85: // words anywhere
		q.Set("q", oneOf(rng, words))
	default: // a link worker: assured, with room, near the person
		as = oneOf(rng, w.workers)
		q.Set("q", oneOf(rng, words))
		q.Set("assured", "true")
		q.Set("accepting", "true")
		near()
	}
	return get(routeSearch, "/api/search?"+q.Encode(), as)
}

// viewService opens a listing, mostly as the public.
func (w *world) viewService(rng *rand.Rand) step {
	var as *session
	if rng.IntN(5) == 0 {
		as = oneOf(rng, w.workers)
	}
	return get(routeService, "/api/services/"+oneOf(rng, w.services), as)
}

// inbox is a VCSE editor reading the connections sent to them.
func (w *world) inbox(rng *rand.Rand) step {
	q := url.Values{"limit": {"20"}}
	switch rng.IntN(3) {
	case 0:
		q.Set("status", "requested")
	case 1:
		q.Set("overdue", "true")
	}
	return get(routeInbox, "/api/connections?"+q.Encode(), oneOf(rng, w.vcses))
}

// report is the commissioner reading one of the reports.
func (w *world) report(rng *rand.Rand) step {
	return get(routeReport, "/api/reports/"+string(oneOf(rng, insight.Reports)), w.commissioner)
}

// gaps is the commissioner's gap analysis for every need or one, by LSOA
// mostly, sometimes by ward or authority.
func (w *world) gaps(rng *rand.Rand) step {
	q := url.Values{}
	if rng.IntN(2) == 0 {
		q.Set("category", oneOf(rng, w.terms))
	}
	switch rng.IntN(10) {
	case 0, 1:
		q.Set("geography", "ward")
	case 2:
		q.Set("geography", "la")
	}
	q.Set("radius_km", strconv.Itoa(3+rng.IntN(5)))
	return get(routeGaps, "/api/gaps?"+q.Encode(), w.commissioner)
}
