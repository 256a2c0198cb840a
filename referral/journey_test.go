package referral_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"kith/directory"
	"kith/referral"
)

// TestJourney walks one person from referral to closure against the real
// database, checking each status, code and time on the way.
func TestJourney(t *testing.T) {
	f := newFixture(t)
	svc := f.service(t, f.org, "Roker Park health walk", places(3, 0))
	r := f.journeyToFirstContact(t)
	c := f.journeyToConnection(t, r.ID, svc)

	ended := f.at(70 * 24 * time.Hour)
	f.outcome(t, r.ID, referral.MeasureSWEMWBS, "follow_up", swemwbs(4, 4, 3, 4, 3, 3, 4))
	done := f.moveConnection(t, f.editor, c.ID, referral.ConnectionCompleted, "")
	if !done.EndedAt.Equal(ended) || f.capacity(t, svc).Held != 0 {
		t.Fatalf("connection ended %v, held %d", done.EndedAt, f.capacity(t, svc).Held)
	}
	closed := f.at(71 * 24 * time.Hour)
	r = f.move(t, r.ID, referral.Move{Status: referral.StatusClosed, Reason: "goals_met"})
	wantStage(t, r, referral.StatusClosed, closed)
	wantHistory(t, r, "received accepted first_contact assessed plan_agreed active closed")
	f.checkSummary(t, r.ID, closed)
	f.checkPlanText(t, r.ID)
	if n := f.count(t, `SELECT count(*) FROM person_audit WHERE referral_id = $1`, r.ID); n < 15 {
		t.Fatalf("%d audit rows for the whole journey", n)
	}
}

// at moves the clock to d after start.
func (f *fixture) at(d time.Duration) time.Time {
	f.now = start.Add(d)
	return f.now
}

// journeyToFirstContact refers the person, accepts them (coded), misses
// them once and then reaches them.
func (f *fixture) journeyToFirstContact(t *testing.T) referral.Referral {
	t.Helper()
	r := f.newReferral(t)
	wantStage(t, r, referral.StatusReceived, start)
	if r.Person.NHSNumber != "9434765919" || r.Person.Postcode != "SR1 1EQ" || r.Person.LSOA == "" ||
		r.Person.IMDDecile != 1 || r.Person.Phone != "07700900123" || len(r.Needs) != 2 {
		t.Fatalf("person as stored: %+v, needs %v", r.Person, r.Needs)
	}
	if r.ReceivedAt.Location() != directory.London || r.LinkWorkerName != "Gemma Robson" || len(r.Consents) != 3 {
		t.Fatalf("received at %v, worker %q, consents %v", r.ReceivedAt, r.LinkWorkerName, r.Consents)
	}
	accepted := f.at(24 * time.Hour)
	r = f.move(t, r.ID, referral.Move{Status: referral.StatusAccepted})
	wantStage(t, r, referral.StatusAccepted, accepted)
	if e := r.History[1]; e.SNOMED != referral.SNOMEDReferral || !e.At.Equal(accepted) {
		t.Fatalf("accepting recorded %+v, want SNOMED %s at %v", e, referral.SNOMEDReferral, accepted)
	}
	f.at(48 * time.Hour)
	f.contact(t, r.ID, referral.ContactInput{Kind: "phone", DidNotAttend: true})
	if r = f.get(t, r.ID); r.Status != referral.StatusAccepted || r.DidNotAttend != 1 || r.FirstContactAt != nil {
		t.Fatalf("a missed call moved the referral on: %s, first contact %v", r.Status, r.FirstContactAt)
	}
	reached := f.at(72 * time.Hour).Add(-time.Hour)
	f.contact(t, r.ID, referral.ContactInput{Kind: "phone", At: reached.Format(time.RFC3339), DurationMinutes: 25})
	r = f.get(t, r.ID)
	wantStage(t, r, referral.StatusFirstContact, f.now)
	if !r.FirstContactAt.Equal(reached) || *r.DaysToContact != 3 || r.Contacts != 1 {
		t.Fatalf("first contact %v after %v days, %d contacts", r.FirstContactAt, *r.DaysToContact, r.Contacts)
	}
	return r
}

// journeyToConnection assesses the person, agrees a plan and connects them
// to svc, which accepts them and sees them attend.
func (f *fixture) journeyToConnection(t *testing.T, id, svc string) referral.Task {
	t.Helper()
	assessed := f.at(8 * 24 * time.Hour)
	if _, err := f.ref.SaveWhatMatters(f.worker, id, referral.WhatMattersInput{Themes: []string{"Getting out more"}}); err != nil {
		t.Fatal(err)
	}
	f.outcome(t, id, referral.MeasureSWEMWBS, "baseline", swemwbs(2, 3, 2, 3, 3, 2, 4))
	wantStage(t, f.move(t, id, referral.Move{Status: referral.StatusAssessed}), referral.StatusAssessed, assessed)
	planned := f.at(10 * 24 * time.Hour)
	f.plan(t, id, "Walk to the sea front without stopping")
	wantStage(t, f.move(t, id, referral.Move{Status: referral.StatusPlanAgreed}), referral.StatusPlanAgreed, planned)
	c := f.connect(t, id, svc)
	if c.Status != referral.ConnectionRequested || !c.RequestedAt.Equal(planned) || f.capacity(t, svc).Held != 1 {
		t.Fatalf("connection %s requested %v, held %d", c.Status, c.RequestedAt, f.capacity(t, svc).Held)
	}
	answered := f.at(12 * 24 * time.Hour)
	f.moveConnection(t, f.editor, c.ID, referral.ConnectionAccepted, "")
	wantStage(t, f.move(t, id, referral.Move{Status: referral.StatusActive}), referral.StatusActive, answered)
	attended := f.at(15 * 24 * time.Hour)
	task := f.moveConnection(t, f.editor, c.ID, referral.ConnectionInProgress, "")
	if !task.RespondedAt.Equal(answered) || !task.StartedAt.Equal(attended) {
		t.Fatalf("answered %v, attended %v", task.RespondedAt, task.StartedAt)
	}
	unmet, err := f.ref.RecordUnmetNeed(f.worker, id, referral.UnmetNeedInput{Need: "digital-skills"})
	if err != nil || unmet.LSOA == "" || unmet.LAD != "E08000024" || unmet.IMDDecile != 1 {
		t.Fatalf("unmet need %+v %v, want the area of SR1 1EQ", unmet, err)
	}
	return task
}

func wantStage(t *testing.T, r referral.Referral, status referral.Status, at time.Time) {
	t.Helper()
	if r.Status != status || !r.StatusAt.Equal(at) {
		t.Fatalf("status %s at %v, want %s at %v", r.Status, r.StatusAt, status, at)
	}
	last := r.History[len(r.History)-1]
	if last.To != string(status) || !last.At.Equal(at) {
		t.Fatalf("last event %+v, want %s at %v", last, status, at)
	}
}

func wantHistory(t *testing.T, r referral.Referral, want string) {
	t.Helper()
	var got []string
	for _, e := range r.History {
		got = append(got, e.To)
	}
	if strings.Join(got, " ") != want {
		t.Fatalf("history %v, want %s", got, want)
	}
}

func (f *fixture) checkSummary(t *testing.T, id string, closed time.Time) {
	t.Helper()
	s, err := f.ref.Summary(f.worker, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Codes) != 1 || s.Codes[0].Code != referral.SNOMEDReferral || !s.EndedAt.Equal(closed) ||
		len(s.Connections) != 1 || s.Connections[0].Status != referral.ConnectionCompleted ||
		len(s.Outcomes) != 1 || *s.Outcomes[0].ScoreChange != 6 || !s.ShareWithGP {
		t.Fatalf("summary %+v", s)
	}
	for _, want := range []string{"Roker Park health walk", "completed", "SWEMWBS raw score 19 to 25 (+6)", "goals met"} {
		if !strings.Contains(s.Narrative, want) {
			t.Errorf("narrative %q lacks %q", s.Narrative, want)
		}
	}
	raw, _ := json.Marshal(s.Bundle())
	var b struct {
		Type  string
		Entry []struct{ Resource map[string]any }
	}
	json.Unmarshal(raw, &b)
	kinds := []string{"MessageHeader", "ServiceRequest", "Task", "Patient"}
	for i, e := range b.Entry {
		if e.Resource["resourceType"] != kinds[i] {
			t.Fatalf("entry %d is %v, want %s", i, e.Resource["resourceType"], kinds[i])
		}
	}
	if b.Type != "message" || b.Entry[1].Resource["status"] != "completed" || b.Entry[2].Resource["status"] != "completed" ||
		!strings.Contains(string(raw), `"value":"9434765919"`) || !strings.Contains(string(raw), referral.SNOMEDReferral) {
		t.Fatalf("FHIR bundle %s", raw)
	}
}

func (f *fixture) checkPlanText(t *testing.T, id string) {
	t.Helper()
	v, err := f.ref.Plan(f.worker, id, 0)
	if err != nil {
		t.Fatal(err)
	}
	text := v.Text()
	for _, want := range []string{"For: Jean Robson", "Walk to the sea front", "Getting out more",
		"Roker Park health walk, run by Roker Walkers: completed", "19 at the start, 25 now", "version 2"} {
		if !strings.Contains(text, want) {
			t.Errorf("plan text lacks %q:\n%s", want, text)
		}
	}
	if first, err := f.ref.Plan(f.worker, id, 1); err != nil || first.Plan.Version != 1 || first.Versions != 2 {
		t.Fatalf("first version: %+v %v", first.Plan, err)
	}
	if _, err := f.ref.Plan(f.worker, id, 3); err == nil {
		t.Fatal("a version that does not exist was found")
	}
}

func (f *fixture) get(t *testing.T, id string) referral.Referral {
	t.Helper()
	r, err := f.ref.Referral(f.worker, id)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func (f *fixture) move(t *testing.T, id string, m referral.Move) referral.Referral {
	t.Helper()
	r, err := f.ref.Move(f.worker, id, m)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func (f *fixture) contact(t *testing.T, id string, in referral.ContactInput) {
	t.Helper()
	if _, err := f.ref.AddContact(f.worker, id, in); err != nil {
		t.Fatal(err)
	}
}

func (f *fixture) outcome(t *testing.T, id, measure, stage string, in referral.OutcomeInput) {
	t.Helper()
	in.TakenOn = ""
	if _, err := f.ref.RecordOutcome(f.worker, id, measure, stage, in); err != nil {
		t.Fatal(err)
	}
}

// plan saves two versions, the second adding goal.
func (f *fixture) plan(t *testing.T, id, goal string) {
	t.Helper()
	in := referral.PlanInput{Goals: []string{"Get out of the house twice a week"},
		Actions:  []referral.Action{{Text: "Try the Tuesday walk", Owner: "me", Due: "2026-03-17"}},
		ReviewOn: "2026-04-14"}
	for range 2 {
		if _, err := f.ref.SavePlan(f.worker, id, in); err != nil {
			t.Fatal(err)
		}
		in.Goals = append(in.Goals, goal)
	}
}

func (f *fixture) moveConnection(t *testing.T, ctx context.Context, id string, to referral.ConnectionStatus, reason string) referral.Task {
	t.Helper()
	task, err := f.ref.MoveConnection(ctx, id, referral.ConnectionMove{Status: to, Reason: reason})
	if err != nil {
		t.Fatalf("move connection to %s: %v", to, err)
	}
	return task
}
