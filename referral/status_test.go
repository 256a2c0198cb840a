package referral_test

import (
	"fmt"
	"testing"

	"kith/directory"
	"kith/referral"
)

// referralAllowed is the referral workflow as the issue states it, written
// out independently of the store's table so the two are checked against
// each other pair by pair.
var referralAllowed = map[[2]referral.Status]bool{
	{referral.StatusReceived, referral.StatusAccepted}:     true,
	{referral.StatusReceived, referral.StatusDeclined}:     true,
	{referral.StatusReceived, referral.StatusRedirected}:   true,
	{referral.StatusAccepted, referral.StatusFirstContact}: true,
	{referral.StatusFirstContact, referral.StatusAssessed}: true,
	{referral.StatusAssessed, referral.StatusPlanAgreed}:   true,
	{referral.StatusPlanAgreed, referral.StatusActive}:     true,
	{referral.StatusAccepted, referral.StatusClosed}:       true,
	{referral.StatusFirstContact, referral.StatusClosed}:   true,
	{referral.StatusAssessed, referral.StatusClosed}:       true,
	{referral.StatusPlanAgreed, referral.StatusClosed}:     true,
	{referral.StatusActive, referral.StatusClosed}:         true,
}

func TestReferralTransitionsPairByPair(t *testing.T) {
	for _, from := range referral.Statuses {
		for _, to := range referral.Statuses {
			want := referralAllowed[[2]referral.Status{from, to}]
			if got := from.CanMove(to); got != want {
				t.Errorf("%s → %s allowed = %v, want %v", from, to, got, want)
			}
		}
	}
}

// moveTo is a valid request to move to status, with the reason it needs.
func moveTo(status referral.Status) referral.Move {
	m := referral.Move{Status: status}
	switch status {
	case referral.StatusDeclined:
		m.Reason = "not_eligible"
	case referral.StatusClosed:
		m.Reason = "goals_met"
	case referral.StatusRedirected:
		m.RedirectedTo = "Sunderland Talking Therapies"
	}
	return m
}

// TestReferralTransitionsInTheStore tries every pair against the database:
// allowed moves change the status and record one event; refused ones answer
// invalid_transition and change nothing.
func TestReferralTransitionsInTheStore(t *testing.T) {
	f := newFixture(t)
	id := f.newReferral(t).ID
	for _, from := range referral.Statuses {
		for _, to := range referral.Statuses {
			t.Run(fmt.Sprintf("%s→%s", from, to), func(t *testing.T) {
				if _, err := f.db.Exec(`UPDATE referrals SET status = $2 WHERE id = $1`, id, from); err != nil {
					t.Fatal(err)
				}
				events := f.count(t, `SELECT count(*) FROM referral_events WHERE referral_id = $1`, id)
				r, err := f.ref.Move(f.worker, id, moveTo(to))
				if referralAllowed[[2]referral.Status{from, to}] {
					if err != nil || r.Status != to {
						t.Fatalf("allowed move: %v, status %s", err, r.Status)
					}
					events++
				} else {
					wantRefusal(t, err, referral.ReasonInvalidTransition)
					wantKind(t, err, directory.ErrConflict)
				}
				got := f.count(t, `SELECT count(*) FROM referral_events WHERE referral_id = $1`, id)
				var status string
				f.db.Get(&status, `SELECT status FROM referrals WHERE id = $1`, id)
				if got != events || (err != nil && status != string(from)) {
					t.Fatalf("after move: %d events (want %d), status %s", got, events, status)
				}
			})
		}
	}
}

func TestMoveNeedsItsReason(t *testing.T) {
	tests := []struct {
		name    string
		move    referral.Move
		problem string
	}{
		{"decline without reason", referral.Move{Status: referral.StatusDeclined}, "reason"},
		{"decline with unknown reason", referral.Move{Status: referral.StatusDeclined, Reason: "busy"}, "reason"},
		{"close without reason", referral.Move{Status: referral.StatusClosed}, "reason"},
		{"close as other without a note", referral.Move{Status: referral.StatusClosed, Reason: "other"}, "note"},
		{"redirect without where", referral.Move{Status: referral.StatusRedirected}, "redirected_to"},
		{"reason on accept", referral.Move{Status: referral.StatusAccepted, Reason: "goals_met"}, "reason"},
		{"unknown status", referral.Move{Status: "shelved"}, "status"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.move.Validate()
			p, ok := err.(directory.Problems)
			if !ok || p[tt.problem] == "" {
				t.Fatalf("Validate() = %v, want a problem with %s", err, tt.problem)
			}
		})
	}
	ok := referral.Move{Status: referral.StatusClosed, Reason: "deceased"}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
}

// connectionAllowed is the connection workflow and who may make each move.
var connectionAllowed = map[[2]referral.ConnectionStatus]referral.Side{
	{referral.ConnectionWaitlisted, referral.ConnectionRequested}: referral.SideSystem,
	{referral.ConnectionWaitlisted, referral.ConnectionRejected}:  referral.SideProvider,
	{referral.ConnectionWaitlisted, referral.ConnectionCancelled}: referral.SideReferrer,
	{referral.ConnectionRequested, referral.ConnectionAccepted}:   referral.SideProvider,
	{referral.ConnectionRequested, referral.ConnectionRejected}:   referral.SideProvider,
	{referral.ConnectionRequested, referral.ConnectionCancelled}:  referral.SideReferrer,
	{referral.ConnectionAccepted, referral.ConnectionInProgress}:  referral.SideProvider | referral.SideReferrer,
	{referral.ConnectionAccepted, referral.ConnectionFailed}:      referral.SideProvider | referral.SideReferrer,
	{referral.ConnectionAccepted, referral.ConnectionCancelled}:   referral.SideReferrer,
	{referral.ConnectionInProgress, referral.ConnectionCompleted}: referral.SideProvider | referral.SideReferrer,
	{referral.ConnectionInProgress, referral.ConnectionFailed}:    referral.SideProvider | referral.SideReferrer,
}

func TestConnectionTransitionsPairByPair(t *testing.T) {
	sides := []referral.Side{referral.SideReferrer, referral.SideProvider, referral.SideSystem}
	for _, from := range referral.ConnectionStatuses {
		for _, to := range referral.ConnectionStatuses {
			for _, side := range sides {
				want := connectionAllowed[[2]referral.ConnectionStatus{from, to}]&side != 0
				if got := from.CanMove(to, side); got != want {
					t.Errorf("%s → %s by side %d allowed = %v, want %v", from, to, side, got, want)
				}
			}
		}
		if ended := len(allowedFrom(from)) == 0; from.Ended() != ended {
			t.Errorf("%s ended = %v, want %v", from, from.Ended(), ended)
		}
	}
}

func allowedFrom(from referral.ConnectionStatus) []referral.ConnectionStatus {
	var out []referral.ConnectionStatus
	for pair := range connectionAllowed {
		if pair[0] == from {
			out = append(out, pair[1])
		}
	}
	return out
}
