package referral

import (
	"context"
	"math/rand/v2"
	"time"

	"github.com/jmoiron/sqlx"
)

// step is one thing that happens to a demo referral, at a time.
type step struct {
	at time.Time
	do func(ctx context.Context, tx *sqlx.Tx, a act) error
}

// story plans one demo referral's life as steps a few days or weeks apart:
// triage, contacts, the conversation, a plan, connections and closure. Only
// the steps due by the demo's today are written, so older referrals are
// further along and every status appears.
type story struct {
	s     *Store
	r     *rand.Rand
	st    *state // the referral as the steps written so far left it
	at    time.Time
	now   time.Time
	svcs  []string
	needs []string
	steps []step
}

// after moves the story on by minDays to maxDays (and a few hours).
func (y *story) after(minDays, maxDays int) time.Time {
	y.at = y.at.Add(time.Duration(minDays+y.r.IntN(maxDays-minDays+1))*24*time.Hour +
		time.Duration(y.r.IntN(8))*time.Hour)
	return y.at
}

func (y *story) add(at time.Time, do func(ctx context.Context, tx *sqlx.Tx, a act) error) {
	y.steps = append(y.steps, step{at: at, do: do})
}

func (y *story) move(minDays, maxDays int, m Move) {
	y.add(y.after(minDays, maxDays), func(ctx context.Context, tx *sqlx.Tx, a act) error {
		return y.moved(ctx, tx, m, a)
	})
}

// moved writes m and remembers the referral's new status.
func (y *story) moved(ctx context.Context, tx *sqlx.Tx, m Move, a act) error {
	if err := move(ctx, tx, *y.st, m, a); err != nil {
		return err
	}
	y.st.Status = m.Status
	return nil
}

// tell plans the whole life.
func (y *story) tell() {
	switch n := y.r.IntN(100); {
	case n < 7:
		y.move(1, 4, Move{Status: StatusDeclined, Reason: pick(y.r, DeclineReasons[:4])})
		return
	case n < 12:
		y.move(1, 4, Move{Status: StatusRedirected, RedirectedTo: "Sunderland Community Mental Health Team"})
		return
	}
	y.move(1, 4, Move{Status: StatusAccepted})
	if chance(y.r, 6) {
		y.move(30, 40, Move{Status: StatusClosed, Reason: "disengaged", Note: "Three calls and a letter, no reply."})
		return
	}
	closeAt := y.st.ReceivedAt.AddDate(0, 0, 56+y.r.IntN(55))
	y.contact(1, 12, false)
	y.contact(3, 10, true)
	y.assess()
	y.plan()
	y.move(3, 10, Move{Status: StatusActive})
	for y.at.Before(closeAt.AddDate(0, 0, -7)) {
		y.contact(7, 20, true)
	}
	y.close(closeAt)
}

// contact logs a contact; one that may be missed sometimes is. The first
// is always made, since it is what moves the referral on.
func (y *story) contact(minDays, maxDays int, mayMiss bool) {
	in := ContactInput{Kind: pick(y.r, ContactKinds), DurationMinutes: 15 + 5*y.r.IntN(10),
		DidNotAttend: mayMiss && chance(y.r, 10), Notes: "Talked about how the week has gone."}
	at := y.after(minDays, maxDays)
	y.add(at, func(ctx context.Context, tx *sqlx.Tx, a act) error {
		in.at = at.UTC()
		if _, err := addContact(ctx, tx, *y.st, in, a); err != nil || in.DidNotAttend || y.st.Status != StatusAccepted {
			return err
		}
		return y.moved(ctx, tx, Move{Status: StatusFirstContact}, a)
	})
}

// assess holds the "what matters to me" conversation, takes the baseline
// measures, sometimes finds a need nothing meets, and moves on.
func (y *story) assess() {
	wm := WhatMattersInput{Themes: []string{pick(y.r, demoThemes), pick(y.r, demoThemes)},
		Notes: "Has not been out much since the winter."}
	ons, swem := y.scores(0)
	unmet := chance(y.r, 15)
	need := pick(y.r, y.needs)
	y.add(y.after(5, 14), func(ctx context.Context, tx *sqlx.Tx, a act) error {
		if err := saveWhatMatters(ctx, tx, y.st.ID, wm, a); err != nil {
			return err
		}
		if err := y.outcomes(ctx, tx, a, "baseline", ons, swem); err != nil {
			return err
		}
		if unmet {
			in := UnmetNeedInput{Need: need, Notes: "Nothing suitable within a bus ride; the person does not drive."}
			if _, err := recordUnmetNeed(ctx, tx, *y.st, in, a); err != nil {
				return err
			}
		}
		return nil
	})
	y.move(0, 1, Move{Status: StatusAssessed})
}

// scores are made-up answers, better by lift on average.
func (y *story) scores(lift int) (OutcomeInput, OutcomeInput) {
	answer := func(sc scale) OutcomeInput {
		in := OutcomeInput{Items: map[string]int{}}
		for _, item := range sc.items {
			in.Items[item] = min(sc.hi, max(sc.lo, sc.lo+(sc.hi-sc.lo)/3+lift+y.r.IntN(3)-1))
		}
		return in
	}
	return answer(scales[MeasureONS4]), answer(scales[MeasureSWEMWBS])
}

func (y *story) outcomes(ctx context.Context, tx *sqlx.Tx, a act, stage string, ons, swem OutcomeInput) error {
	ons.TakenOn, swem.TakenOn = today(a.at).Format(time.DateOnly), today(a.at).Format(time.DateOnly)
	if err := saveOutcome(ctx, tx, y.st.ID, MeasureONS4, stage, ons, a); err != nil {
		return err
	}
	return saveOutcome(ctx, tx, y.st.ID, MeasureSWEMWBS, stage, swem, a)
}

// plan agrees a plan, connects the person to one or two services, and
// sometimes revises the plan a few weeks later.
func (y *story) plan() {
	at := y.after(4, 10)
	in := PlanInput{Goals: []string{pick(y.r, demoGoals)}, ReviewOn: at.AddDate(0, 0, 42).Format(time.DateOnly),
		Actions: []Action{{Text: "Go along to the first session", Owner: "me", Due: at.AddDate(0, 0, 10).Format(time.DateOnly)},
			{Text: "Ring to see how it went", Owner: "link worker", Due: at.AddDate(0, 0, 17).Format(time.DateOnly)}}}
	y.add(at, func(ctx context.Context, tx *sqlx.Tx, a act) error { return savePlan(ctx, tx, y.st.ID, in, a) })
	y.move(0, 1, Move{Status: StatusPlanAgreed})
	for range 1 + y.r.IntN(2) {
		y.connect()
	}
	if chance(y.r, 30) {
		revised := in
		revised.Goals = append([]string{pick(y.r, demoGoals)}, in.Goals...)
		y.add(at.AddDate(0, 0, 21), func(ctx context.Context, tx *sqlx.Tx, a act) error {
			return savePlan(ctx, tx, y.st.ID, revised, a)
		})
	}
}

func (y *story) connect() {
	svc := pick(y.r, y.svcs)
	at := y.after(0, 3)
	life := connectionLife(y.r, at)
	y.add(at, func(ctx context.Context, tx *sqlx.Tx, a act) error {
		return y.s.seedConnection(ctx, tx, *y.st, svc, life, a, y.now)
	})
}

// timedMove is a connection move and when it happened.
type timedMove struct {
	at time.Time
	m  ConnectionMove
}

// connectionLife is how a demo connection requested at goes: most are
// accepted and attended, some rejected, missed or dropped.
func connectionLife(r *rand.Rand, at time.Time) []timedMove {
	later := func(minDays, maxDays int) time.Time {
		at = at.Add(time.Duration(minDays+r.IntN(maxDays-minDays+1)) * 24 * time.Hour)
		return at
	}
	if !chance(r, 85) {
		return []timedMove{{later(1, 8), ConnectionMove{Status: ConnectionRejected, Reason: pick(r, RejectReasons[:4])}}}
	}
	life := []timedMove{{later(1, 8), ConnectionMove{Status: ConnectionAccepted}}}
	if !chance(r, 88) {
		return append(life, timedMove{later(5, 21), ConnectionMove{Status: ConnectionFailed, Reason: "did_not_attend"}})
	}
	// Groups often start people at the next course or term, weeks away.
	life = append(life, timedMove{later(5, 21), ConnectionMove{Status: ConnectionInProgress}})
	switch n := r.IntN(100); {
	case n < 75:
		life = append(life, timedMove{later(28, 60), ConnectionMove{Status: ConnectionCompleted}})
	case n < 90:
		life = append(life, timedMove{later(14, 40), ConnectionMove{Status: ConnectionFailed, Reason: "dropped_out"}})
	}
	return life
}

// demoCloseReasons are weighted as referrals end: mostly with goals met.
var demoCloseReasons = []string{"goals_met", "goals_met", "goals_met", "goals_met", "goals_met", "goals_met",
	"disengaged", "disengaged", "declined_later", "moved_away", "other"}

// close ends the referral at (or just after the last step), with follow-up
// measures for most people who can still be asked.
func (y *story) close(at time.Time) {
	reason := pick(y.r, demoCloseReasons)
	if chance(y.r, 2) {
		reason = "deceased"
	}
	y.at = maxTime(at, y.at.Add(24*time.Hour))
	ons, swem := y.scores(2)
	if reason != "deceased" && reason != "moved_away" && chance(y.r, 80) {
		y.add(y.at, func(ctx context.Context, tx *sqlx.Tx, a act) error {
			return y.outcomes(ctx, tx, a, "follow_up", ons, swem)
		})
	}
	y.move(0, 0, Move{Status: StatusClosed, Reason: reason, Note: "Agreed together that support can end here."})
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
