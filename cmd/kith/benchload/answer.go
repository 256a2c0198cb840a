package benchload

import (
	"math/rand/v2"
	"net/http"

	"kith/referral"
)

// benchConnection is a connection the run asked of a demo VCSE, as the
// bench knows it. Only its editor moves it, except that Kith itself may
// promote a waiting-list connection into a freed place, so the bench only
// ever rejects those: a move that is valid either way.
type benchConnection struct {
	id     string
	editor *session
	status referral.ConnectionStatus
}

// answerMove is what a VCSE does next with a connection at a status.
func answerMove(rng *rand.Rand, s referral.ConnectionStatus) map[string]string {
	switch s {
	case referral.ConnectionRequested:
		if rng.IntN(5) == 0 {
			return map[string]string{"status": "rejected", "reason": oneOf(rng, []string{"not_eligible", "out_of_area", "unable_to_contact"})}
		}
		return map[string]string{"status": "accepted"}
	case referral.ConnectionWaitlisted:
		return map[string]string{"status": "rejected", "reason": "no_capacity"}
	case referral.ConnectionAccepted:
		if rng.IntN(7) == 0 {
			return map[string]string{"status": "failed", "reason": "did_not_attend"}
		}
		return map[string]string{"status": "in_progress"}
	}
	if rng.IntN(10) == 0 {
		return map[string]string{"status": "failed", "reason": "dropped_out"}
	}
	return map[string]string{"status": "completed"}
}

// answer is a VCSE editor accepting or declining a request, or recording
// that the person came and finished: every ending gives the place back.
func (w *world) answer(rng *rand.Rand) (step, bool) {
	h := w.connections.take(rng, func(*benchConnection) bool { return true })
	if h == nil {
		return step{}, false
	}
	body := answerMove(rng, h.v.status)
	next := referral.ConnectionStatus(body["status"])
	return step{route: routeAnswer, want: http.StatusOK,
		req: request{method: http.MethodPost, path: "/api/connections/" + h.v.id + "/status", body: body, as: h.v.editor},
		after: func(_ response, ok bool) {
			if ok {
				h.v.status = next
			}
			w.connections.give(h, ok && !next.Ended())
		}}, true
}
