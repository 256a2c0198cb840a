package referral_test

import (
	"testing"
	"time"

	"kith/directory"
	"kith/referral"
)

// TestTimelineHoldsEveryEvent walks a referral through one of everything
// and wants each on its timeline, newest first in London time, with the read
// audited; another team does not see it at all.
func TestTimelineHoldsEveryEvent(t *testing.T) {
	f := newFixture(t)
	r := f.accepted(t)
	step := func() { f.now = f.now.Add(time.Hour) }
	step()
	f.contact(t, r.ID, referral.ContactInput{Kind: "phone", DurationMinutes: 20, Notes: "Keen to walk"})
	step()
	if _, err := f.ref.SaveWhatMatters(f.worker, r.ID, referral.WhatMattersInput{Themes: []string{"Getting out", "Company"}}); err != nil {
		t.Fatal(err)
	}
	step()
	f.plan(t, r.ID, "Meet new people")
	step()
	conn := f.connect(t, r.ID, f.service(t, f.org, "Roker Park health walk", places(5, 0)))
	step()
	f.outcome(t, r.ID, referral.MeasureONS4, "baseline", referral.OutcomeInput{
		Items: map[string]int{"life_satisfaction": 4, "worthwhile": 5, "happy": 3, "anxious": 7}})
	step()
	if _, err := f.ref.RecordUnmetNeed(f.worker, r.ID, referral.UnmetNeedInput{Need: "mens-sheds", Notes: "Nothing within 5 km"}); err != nil {
		t.Fatal(err)
	}
	step()
	if _, err := f.ref.RecordConsent(f.worker, r.ID, referral.ConsentChange{Kind: "share_gp", Given: false}); err != nil {
		t.Fatal(err)
	}
	audited := f.count(t, `SELECT count(*) FROM person_audit WHERE referral_id = $1 AND what = 'timeline'`, r.ID)

	got, err := f.ref.Timeline(f.worker, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ kind, subject, to string }{
		{referral.EntryConsent, "share_gp", ""},
		{referral.EntryUnmetNeed, "Men's sheds", ""},
		{referral.EntryOutcome, "ons4", "baseline"},
		{referral.EntryConnection, "Roker Park health walk", "requested"},
		{referral.EntryPlan, "Get out of the house twice a week; Meet new people", ""},
		{referral.EntryPlan, "Get out of the house twice a week", ""},
		{referral.EntryWhatMatters, "Getting out; Company", ""},
		{referral.EntryStatus, "", "first_contact"},
		{referral.EntryContact, "phone", ""},
	}
	if len(got) < len(want)+5 {
		t.Fatalf("%d entries, want the %d above and the referral's arrival: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if g := got[i]; g.Kind != w.kind || g.Subject != w.subject || g.To != w.to {
			t.Errorf("entry %d = %s %q → %q, want %s %q → %q", i, g.Kind, g.Subject, g.To, w.kind, w.subject, w.to)
		}
	}
	if c := got[3]; c.Ref != conn.ID || c.By != "Gemma Robson" || c.At.Location() != directory.London {
		t.Errorf("connection entry %+v", c)
	}
	if g := got[0]; g.Flag || g.By != "Gemma Robson" {
		t.Errorf("withdrawn consent entry %+v", g)
	}
	if p := got[4]; p.Ref != "2" || p.Note != "2026-04-14" {
		t.Errorf("plan entry %+v", p)
	}
	if o := got[8]; o.Minutes != 20 || o.Note != "Keen to walk" {
		t.Errorf("contact entry %+v", o)
	}
	last := got[len(got)-1]
	if last.Kind != referral.EntryStatus && last.Kind != referral.EntryConsent {
		t.Errorf("oldest entry %+v, want the referral's arrival", last)
	}
	for i := 1; i < len(got); i++ {
		if got[i].At.After(got[i-1].At) {
			t.Fatalf("entry %d (%s) is newer than entry %d", i, got[i].At, i-1)
		}
	}
	if n := f.count(t, `SELECT count(*) FROM person_audit WHERE referral_id = $1 AND what = 'timeline'`, r.ID); n != audited+1 {
		t.Errorf("reading the timeline wrote %d audit rows", n-audited)
	}
	_, err = f.ref.Timeline(f.otherWorker, r.ID)
	wantKind(t, err, directory.ErrNotFound)
}

func TestPlanHistoryNewestFirst(t *testing.T) {
	f := newFixture(t)
	r := f.accepted(t)
	if got, err := f.ref.PlanHistory(f.worker, r.ID); err != nil || len(got) != 0 {
		t.Fatalf("before any plan: %v %v", got, err)
	}
	f.plan(t, r.ID, "Join a choir")
	got, err := f.ref.PlanHistory(f.worker, r.ID)
	if err != nil || len(got) != 2 {
		t.Fatalf("history %+v %v", got, err)
	}
	if got[0].Version != 2 || len(got[0].Goals) != 2 || got[1].Version != 1 || got[1].Actions[0].Owner != "me" {
		t.Errorf("history %+v", got)
	}
	_, err = f.ref.PlanHistory(f.otherWorker, r.ID)
	wantKind(t, err, directory.ErrNotFound)
}
