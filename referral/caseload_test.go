package referral_test

import (
	"testing"
	"time"

	"kith/directory"
	"kith/referral"
)

func TestCaseloadFlags(t *testing.T) {
	f := newFixture(t)
	waiting := f.newReferral(t)
	f.now = start.Add(time.Minute)
	quiet := f.accepted(t)
	f.now = start.Add(2 * time.Minute)
	busy := f.accepted(t)
	f.contact(t, quiet.ID, referral.ContactInput{Kind: "phone"})
	f.contact(t, busy.ID, referral.ContactInput{Kind: "video"})
	days := func(n int) { f.now = start.Add(time.Duration(n) * 24 * time.Hour) }

	days(15)
	f.wantCases(t, referral.CaseloadFilter{Flag: referral.FlagOverdueFirstContact}, waiting.ID)
	f.wantCases(t, referral.CaseloadFilter{Flag: referral.FlagNoRecentContact})
	days(22)
	f.contact(t, busy.ID, referral.ContactInput{Kind: "home_visit", DurationMinutes: 60})
	f.wantCases(t, referral.CaseloadFilter{Flag: referral.FlagNoRecentContact}, quiet.ID)
	days(85)
	f.wantCases(t, referral.CaseloadFilter{Flag: referral.FlagPast12Weeks}, quiet.ID, busy.ID)
	f.wantCases(t, referral.CaseloadFilter{Status: referral.StatusReceived}, waiting.ID)
	f.wantCases(t, referral.CaseloadFilter{}, waiting.ID, quiet.ID, busy.ID)

	f.move(t, busy.ID, referral.Move{Status: referral.StatusClosed, Reason: "goals_met"})
	f.wantCases(t, referral.CaseloadFilter{}, waiting.ID, quiet.ID)
	if _, err := f.ref.Assign(f.worker, quiet.ID, ""); err != nil {
		t.Fatal(err)
	}
	f.wantCases(t, referral.CaseloadFilter{Unassigned: true}, quiet.ID)
	f.wantCases(t, referral.CaseloadFilter{LinkWorkerID: f.workerID}, waiting.ID)

	page, err := f.ref.Caseload(f.worker, referral.CaseloadFilter{TeamID: f.team, Limit: 10})
	if err != nil || page.Items[0].Flags[0] != referral.FlagOverdueFirstContact || page.Items[0].PersonName != "Jean Robson" {
		t.Fatalf("first case %+v %v", page.Items[0], err)
	}
	if _, err := f.ref.Caseload(f.otherWorker, referral.CaseloadFilter{TeamID: f.team, Limit: 10}); err != directory.ErrForbidden {
		t.Fatalf("another team's caseload: %v", err)
	}
	if _, err := f.ref.Assign(f.worker, quiet.ID, f.outsiderID(t)); err == nil {
		t.Fatal("assigned to someone outside the team")
	}
}

// outsiderID is a user who is not a link worker in the fixture's team.
func (f *fixture) outsiderID(t *testing.T) string {
	t.Helper()
	var id string
	if err := f.db.Get(&id, `SELECT id FROM users WHERE email = 'tom@coalfields.example'`); err != nil {
		t.Fatal(err)
	}
	return id
}

// wantCases lists the fixture team's caseload with filter and wants exactly
// the referrals ids, in that order; each listing leaves audit rows.
func (f *fixture) wantCases(t *testing.T, filter referral.CaseloadFilter, ids ...string) {
	t.Helper()
	filter.TeamID, filter.Limit = f.team, 50
	audited := f.count(t, `SELECT count(*) FROM person_audit WHERE what = 'caseload'`)
	page, err := f.ref.Caseload(f.worker, filter)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range page.Items {
		got = append(got, c.ID)
	}
	if len(got) != len(ids) || page.Total != len(ids) {
		t.Fatalf("%+v: cases %v (total %d), want %v", filter, got, page.Total, ids)
	}
	for i := range ids {
		if got[i] != ids[i] {
			t.Fatalf("%+v: cases %v, want %v", filter, got, ids)
		}
	}
	if now := f.count(t, `SELECT count(*) FROM person_audit WHERE what = 'caseload'`); now != audited+len(ids) {
		t.Fatalf("listing %d cases wrote %d audit rows", len(ids), now-audited)
	}
}

// TestCaseloadAttentionFirst: asked to, the caseload puts a person still
// waiting for a first contact on top, then one gone quiet, then the rest in
// the usual order.
func TestCaseloadAttentionFirst(t *testing.T) {
	f := newFixture(t)
	quiet := f.accepted(t)
	f.now = start.Add(time.Minute)
	busy := f.accepted(t)
	f.now = start.Add(2 * time.Minute)
	waiting := f.newReferral(t)
	f.contact(t, quiet.ID, referral.ContactInput{Kind: "phone"})
	f.contact(t, busy.ID, referral.ContactInput{Kind: "phone"})
	f.now = start.Add(22 * 24 * time.Hour)
	f.contact(t, busy.ID, referral.ContactInput{Kind: "face_to_face"})

	f.wantCases(t, referral.CaseloadFilter{}, quiet.ID, busy.ID, waiting.ID)
	f.wantCases(t, referral.CaseloadFilter{AttentionFirst: true}, waiting.ID, quiet.ID, busy.ID)
	f.wantCases(t, referral.CaseloadFilter{AttentionFirst: true, Flag: referral.FlagNoRecentContact}, quiet.ID)
}
