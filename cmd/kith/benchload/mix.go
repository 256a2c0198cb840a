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

// weights is the mix, in requests per hundred: mostly the public looking
// for groups, then link workers' work on referrals, VCSEs answering them,
// and commissioners reading figures. docs/RELIABILITY.md explains it.
var weights = [numRoutes]int{
	routeSearch:         40,
	routeService:        20,
	routeCreateReferral: 6,
	routeMoveReferral:   8,
	routeConnect:        6,
	routeInbox:          6,
	routeAnswer:         8,
	routeReport:         5,
	routeGaps:           1,
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
