package benchload

import "math/rand/v2"

// route is one kind of request in the mix, named as routes.go names it.
type route int

const (
	routeSearch route = iota
	routeService
	routeCreateReferral
	routeMoveReferral
	routeConnect
	routeInbox
	routeAnswer
	routeReport
	routeGaps
	numRoutes
)

var routeNames = [numRoutes]string{
	"GET /api/search",
	"GET /api/services/:id",
	"POST /api/referrals",
	"POST /api/referrals/:id/status",
	"POST /api/referrals/:id/connections",
	"GET /api/connections",
	"POST /api/connections/:id/status",
	"GET /api/reports/:report",
	"GET /api/gaps",
}

func (r route) String() string { return routeNames[r] }

// weights is the mix, in requests per thousand: mostly the public looking
// for groups and reading listings; link workers' referrals, moves and
// connections; VCSE editors reading their inbox and answering; and, rarely,
// a commissioner reading a report or running the gap analysis (a whole
// area's analysis, about a hundred times the work of a search).
// docs/RELIABILITY.md explains the choice.
var weights = [numRoutes]int{
	routeSearch:         420,
	routeService:        220,
	routeCreateReferral: 60,
	routeMoveReferral:   80,
	routeConnect:        60,
	routeInbox:          60,
	routeAnswer:         70,
	routeReport:         28,
	routeGaps:           2,
}

// pick draws the next request's route by weight.
func pick(rng *rand.Rand) route {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := rng.IntN(total)
	for r, w := range weights {
		if n < w {
			return route(r)
		}
		n -= w
	}
	return numRoutes - 1
}
