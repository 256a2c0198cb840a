package benchload

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"slices"

	"github.com/google/uuid"

	"kith/referral"
)

// benchReferral is a referral the run made, as the bench knows it: no one
// else moves it, so its status here is its status in the database.
type benchReferral struct {
	id        string
	worker    *session // the link worker whose team holds it
	status    referral.Status
	connected []string // services it has asked, answered or not
}

// nextStatus is the workflow the bench walks each referral along.
var nextStatus = map[referral.Status]referral.Status{
	referral.StatusReceived:     referral.StatusAccepted,
	referral.StatusAccepted:     referral.StatusFirstContact,
	referral.StatusFirstContact: referral.StatusAssessed,
	referral.StatusAssessed:     referral.StatusPlanAgreed,
	referral.StatusPlanAgreed:   referral.StatusActive,
	referral.StatusActive:       referral.StatusClosed,
}

var (
	firstNames = []string{"Jean", "Margaret", "Brian", "Kevin", "Susan", "Aisha", "Tomasz", "Linda", "Gary", "Irene"}
	surnames   = []string{"Robson", "Charlton", "Armstrong", "Hepburn", "Gibson", "Hussain", "Nowak", "Milburn"}
	sources    = []string{"gp_practice", "gp_practice", "gp_practice", "pharmacy", "hospital_discharge", "housing", "social_care"}
)

// createReferral is a link worker sending in a referral from a GP or
// another agency, with an Idempotency-Key as a retrying client would.
func (w *world) createReferral(rng *rand.Rand) step {
	worker := oneOf(rng, w.workers)
	body := map[string]any{
		"person": map[string]any{"name": oneOf(rng, firstNames) + " " + oneOf(rng, surnames),
			"date_of_birth": fmt.Sprintf("%d-%02d-%02d", 1940+rng.IntN(60), 1+rng.IntN(12), 1+rng.IntN(28)),
			"postcode":      oneOf(rng, w.postcodes), "phone": fmt.Sprintf("07700 900%03d", rng.IntN(1000))},
		"source":   oneOf(rng, sources),
		"referrer": map[string]any{"name": "Dr Amira Patel", "organisation": "Hendon Medical Practice"},
		"needs":    []string{oneOf(rng, w.terms), oneOf(rng, w.terms)},
		"reason":   "Lives alone since a bereavement and has stopped going out.",
		"consent":  map[string]any{"referral": true, "share_gp": true, "share_services": true},
	}
	return step{route: routeCreateReferral, want: http.StatusCreated,
		req: request{method: http.MethodPost, path: "/api/referrals", body: body, as: worker, key: uuid.NewString()},
		after: func(resp response, ok bool) {
			var made struct {
				ID     string          `json:"id"`
				Status referral.Status `json:"status"`
			}
			if ok && json.Unmarshal(resp.body, &made) == nil {
				w.referrals.add(benchReferral{id: made.ID, worker: worker, status: made.Status})
			}
		}}
}

// moveReferral is a link worker moving one of the run's referrals a step
// along: accepting it, first contact, assessment, plan, active, closed.
func (w *world) moveReferral(rng *rand.Rand) (step, bool) {
	h := w.referrals.take(rng, func(r *benchReferral) bool { return nextStatus[r.status] != "" })
	if h == nil {
		return step{}, false
	}
	next := nextStatus[h.v.status]
	body := map[string]string{"status": string(next)}
	if next == referral.StatusClosed {
		body["reason"] = "goals_met"
	}
	return step{route: routeMoveReferral, want: http.StatusOK,
		req: request{method: http.MethodPost, path: "/api/referrals/" + h.v.id + "/status", body: body, as: h.v.worker},
		after: func(_ response, ok bool) {
			if ok {
				h.v.status = next
			}
			w.referrals.give(h, ok && next != referral.StatusClosed)
		}}, true
}

// connect is a link worker asking a service to take a person on. Half go
// to the demo VCSEs, who answer them in the run; half to other services.
func (w *world) connect(rng *rand.Rand) (step, bool) {
	toVCSE := rng.IntN(2) == 0
	h := w.referrals.take(rng, func(r *benchReferral) bool {
		return r.status.Open() && r.status != referral.StatusReceived
	})
	if h == nil {
		return step{}, false
	}
	svc, editor := w.unasked(rng, h.v.connected, toVCSE)
	if svc == "" {
		w.referrals.give(h, true)
		return step{}, false
	}
	h.v.connected = append(h.v.connected, svc)
	body := map[string]string{"service_id": svc, "reason": "Would like company and a reason to get out each week."}
	return step{route: routeConnect, want: http.StatusCreated,
		req: request{method: http.MethodPost, path: "/api/referrals/" + h.v.id + "/connections", body: body,
			as: h.v.worker, key: uuid.NewString()},
		after: func(resp response, ok bool) {
			var made struct {
				ID     string                    `json:"id"`
				Status referral.ConnectionStatus `json:"status"`
			}
			if ok && editor != nil && json.Unmarshal(resp.body, &made) == nil {
				w.connections.add(benchConnection{id: made.ID, editor: editor, status: made.Status})
			}
			w.referrals.give(h, true)
		}}, true
}

// unasked picks a service the referral has not asked yet, and the editor
// who answers it (nil for services nobody answers in the run).
func (w *world) unasked(rng *rand.Rand, asked []string, toVCSE bool) (string, *session) {
	for range 8 {
		if toVCSE {
			s := oneOf(rng, w.answered)
			if !slices.Contains(asked, s.id) {
				return s.id, s.editor
			}
		} else if s := oneOf(rng, w.elsewhere); !slices.Contains(asked, s) {
			return s, nil
		}
	}
	return "", nil
}
