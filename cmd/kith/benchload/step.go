package benchload

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"slices"
)

// step is one request of the mix, ready to send, and what the bench makes
// of its answer.
type step struct {
	route route
	req   request
	want  int // the status a success answers with
	// after updates the bench's own state and hands back what the step
	// took; ok is whether the answer was the success the step wanted.
	after func(resp response, ok bool)
}

// verdict is how an answer counts.
type verdict int

const (
	verdictOK       verdict = iota
	verdictBusiness         // a refusal the mix expects: a service with no room
	verdictError            // anything else: a failure
)

// businessReasons are the refusals a connection request may meet in a
// working system: the service is full, or has taken all it will this week.
var businessReasons = []string{"full", "weekly_cap"}

// judge classifies an answer and, for a business refusal, names it.
func (s step) judge(resp response) (verdict, string) {
	switch {
	case resp.err != nil:
		return verdictError, resp.err.Error()
	case resp.status == s.want:
		return verdictOK, ""
	case s.route == routeConnect && resp.status == http.StatusConflict:
		var body struct {
			Reason string `json:"reason"`
		}
		if json.Unmarshal(resp.body, &body) == nil && slices.Contains(businessReasons, body.Reason) {
			return verdictBusiness, body.Reason
		}
	}
	return verdictError, fmt.Sprintf("%d %s", resp.status, snippet(resp.body))
}

// plan turns a drawn route into a step. A write that needs something the
// run has not made yet (a referral to move, a connection to answer) makes
// that first instead, so the early seconds write as much as the rest.
func (w *world) plan(rng *rand.Rand, r route) step {
	for {
		if s, ok := w.planner(r)(rng); ok {
			return s
		}
		r = fallback[r]
	}
}

// fallback is what a write that finds nothing to act on does instead; the
// chain ends at creating a referral, which always can be done.
var fallback = map[route]route{routeAnswer: routeConnect, routeConnect: routeMoveReferral,
	routeMoveReferral: routeCreateReferral}

func (w *world) planner(r route) func(*rand.Rand) (step, bool) {
	always := func(f func(*rand.Rand) step) func(*rand.Rand) (step, bool) {
		return func(rng *rand.Rand) (step, bool) { return f(rng), true }
	}
	return [numRoutes]func(*rand.Rand) (step, bool){
		routeSearch:         always(w.search),
		routeService:        always(w.viewService),
		routeCreateReferral: always(w.createReferral),
		routeMoveReferral:   w.moveReferral,
		routeConnect:        w.connect,
		routeInbox:          always(w.inbox),
		routeAnswer:         w.answer,
		routeReport:         always(w.report),
		routeGaps:           always(w.gaps),
	}[r]
}

func oneOf[T any](rng *rand.Rand, from []T) T { return from[rng.IntN(len(from))] }

func get(r route, path string, as *session) step {
	return step{route: r, req: request{method: http.MethodGet, path: path, as: as}, want: http.StatusOK}
}
