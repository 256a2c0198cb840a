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

func TestCreateReferralIsIdempotentPerUser(t *testing.T) {
	f := newFixture(t)
	first, replayed, err := f.ref.CreateReferral(f.worker, validInput(), "key-1")
	if err != nil || replayed {
		t.Fatalf("first: %v, replayed %v", err, replayed)
	}
	f.now = f.now.Add(time.Hour)
	again, replayed, err := f.ref.CreateReferral(f.worker, validInput(), "key-1")
	if err != nil || !replayed || again.ID != first.ID || !again.ReceivedAt.Equal(first.ReceivedAt) {
		t.Fatalf("retry: %v, replayed %v, id %s (first %s)", err, replayed, again.ID, first.ID)
	}
	other := validInput()
	other.Person.Name = "Someone Else"
	_, _, err = f.ref.CreateReferral(f.worker, other, "key-1")
	wantRefusal(t, err, referral.ReasonKeyReused)
	admin, _ := f.user(t, directory.UserInput{Email: "admin@kith.example", Role: directory.RoleAdmin})
	in := validInput()
	in.TeamID = f.team
	if mine, replayed, err := f.ref.CreateReferral(admin, in, "key-1"); err != nil || replayed || mine.ID == first.ID {
		t.Fatalf("another user's key-1: %v, replayed %v", err, replayed)
	}
	f.now = f.now.Add(25 * time.Hour)
	if late, replayed, err := f.ref.CreateReferral(f.worker, validInput(), "key-1"); err != nil || replayed || late.ID == first.ID {
		t.Fatalf("a day later the key starts afresh: %v, replayed %v", err, replayed)
	}
	if n := f.count(t, `SELECT count(*) FROM referrals`); n != 3 {
		t.Fatalf("%d referrals, want 3", n)
	}
	if _, _, err := f.ref.CreateReferral(f.worker, validInput(), strings.Repeat("k", 256)); err == nil {
		t.Fatal("an overlong key was accepted")
	}
}

func TestConnectIsIdempotent(t *testing.T) {
	f := newFixture(t)
	svc := f.service(t, f.org, "Choir", places(2, 0))
	r := f.accepted(t)
	in := referral.ConnectionInput{ServiceID: svc, Reason: "Loves singing"}
	first, _, err := f.ref.Connect(f.worker, r.ID, in, "c-1")
	if err != nil {
		t.Fatal(err)
	}
	again, replayed, err := f.ref.Connect(f.worker, r.ID, in, "c-1")
	if err != nil || !replayed || again.ID != first.ID || f.capacity(t, svc).Held != 1 {
		t.Fatalf("retry: %v %v, held %d", err, replayed, f.capacity(t, svc).Held)
	}
}

func TestReferralValidation(t *testing.T) {
	tests := []struct {
		name    string
		change  func(*referral.ReferralInput)
		problem string
	}{
		{"bad NHS number", func(in *referral.ReferralInput) { in.Person.NHSNumber = "943 476 5918" }, "person.nhs_number"},
		{"born tomorrow", func(in *referral.ReferralInput) { in.Person.DateOfBirth = "2026-03-03" }, "person.date_of_birth"},
		{"no way to call", func(in *referral.ReferralInput) { in.Person.Phone = "" }, "person.phone"},
		{"emails without an address", func(in *referral.ReferralInput) { in.Person.ContactBy = "email" }, "person.email"},
		{"not a phone number", func(in *referral.ReferralInput) { in.Person.Phone = "call me" }, "person.phone"},
		{"not a postcode", func(in *referral.ReferralInput) { in.Person.Postcode = "SR1 XYZ" }, "person.postcode"},
		{"unknown source", func(in *referral.ReferralInput) { in.Source = "psychic" }, "source"},
		{"no needs", func(in *referral.ReferralInput) { in.Needs = nil }, "needs"},
		{"malformed need", func(in *referral.ReferralInput) { in.Needs = []string{"Loneliness!"} }, "needs[0]"},
		{"no consent", func(in *referral.ReferralInput) { in.Consent.Referral = false }, "consent.referral"},
		{"no referrer", func(in *referral.ReferralInput) { in.Referrer.Name = "" }, "referrer.name"},
		{"unknown urgency", func(in *referral.ReferralInput) { in.Urgency = "whenever" }, "urgency"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := validInput()
			tt.change(&in)
			if p, _ := in.Validate(start).(directory.Problems); p[tt.problem] == "" {
				t.Fatalf("Validate() problems %v, want one with %s", p, tt.problem)
			}
		})
	}
	nfa := validInput()
	nfa.Person.Postcode = ""
	if err := nfa.Validate(start); err != nil {
		t.Fatalf("a person of no fixed abode: %v", err)
	}
	f := newFixture(t)
	unknown := validInput()
	unknown.Needs = []string{"loneliness", "time-travel"}
	_, _, err := f.ref.CreateReferral(f.worker, unknown, "")
	if p, _ := err.(directory.Problems); p["needs[1]"] == "" || f.count(t, `SELECT count(*) FROM people`) != 0 {
		t.Fatalf("unknown need: %v", err)
	}
}

func TestSelfReferralGoesToTheTeamForTheArea(t *testing.T) {
	f := newFixture(t)
	durham, err := f.dir.CreateTeam(f.admin, directory.TeamInput{Name: "Durham connectors", AreaCode: "E06000047"})
	if err != nil {
		t.Fatal(err)
	}
	in := referral.SelfReferralInput{Consent: true, ShareServices: true, Needs: []string{"loneliness"},
		Person: referral.PersonInput{Name: "Elsie Carr", DateOfBirth: "1948-01-09", Postcode: "SR7 7QY",
			Phone: "07700 900456"}}
	rec, err := f.ref.SelfRefer(context.Background(), in)
	if err != nil || rec.Team != "Durham connectors" || len(rec.Reference) != 8 {
		t.Fatalf("receipt %+v %v", rec, err)
	}
	var team, source, by string
	f.db.QueryRow(`SELECT r.team_id, r.source, c.recorded_by FROM referrals r JOIN consents c ON c.referral_id = r.id LIMIT 1`).Scan(&team, &source, &by)
	if team != durham.ID || source != "self_referral" || !strings.Contains(by, "self-referral form") {
		t.Fatalf("stored as team %s, source %s, consent by %q", team, source, by)
	}
	raw, _ := json.Marshal(rec)
	if strings.Contains(string(raw), "Elsie") || strings.Contains(string(raw), "07700") {
		t.Fatalf("the receipt repeats person data: %s", raw)
	}
	for name, change := range map[string]func(*referral.SelfReferralInput){
		"person.postcode": func(in *referral.SelfReferralInput) { in.Person.Postcode = "" },
		"consent":         func(in *referral.SelfReferralInput) { in.Consent = false },
		"reason":          func(in *referral.SelfReferralInput) { in.Reason = "cheap pills at www.example.com" },
		"person.name":     func(in *referral.SelfReferralInput) { in.Person.Name = "\x07" },
	} {
		bad := in
		change(&bad)
		if _, err := f.ref.SelfRefer(context.Background(), bad); err == nil || err.(directory.Problems)[name] == "" {
			t.Errorf("%s: %v", name, err)
		}
	}
	if n := f.count(t, `SELECT count(*) FROM referrals`); n != 1 {
		t.Fatalf("%d referrals after refused forms", n)
	}
}

func TestVCSESeesOnlyWhatWasAgreed(t *testing.T) {
	f := newFixture(t)
	svc := f.service(t, f.org, "Walk and talk", places(5, 0))
	r := f.accepted(t)
	c := f.connect(t, r.ID, svc)
	item, err := f.ref.InboxItem(f.editor, c.ID)
	if err != nil || item.PersonName != "Jean Robson" || item.ContactRoute != "phone: 07700900123" ||
		item.Reason != "Wants company on walks." || len(item.Shared) != 3 {
		t.Fatalf("inbox item %+v %v", item, err)
	}
	raw, _ := json.Marshal(item)
	for _, secret := range []string{"9434765919", "1951", "SR1", "Lives alone", "loneliness", r.ID} {
		if strings.Contains(string(raw), secret) {
			t.Errorf("the VCSE sees %q: %s", secret, raw)
		}
	}
	if _, err := f.ref.Connection(f.editor, c.ID); err != directory.ErrForbidden {
		t.Fatalf("the VCSE reading the full connection: %v", err)
	}
	if _, err := f.ref.RecordConsent(f.worker, r.ID, referral.ConsentChange{Kind: "share_services"}); err != nil {
		t.Fatal(err)
	}
	page := f.inbox(t, false)
	if page.Total != 1 || page.Items[0].PersonName != "" || page.Items[0].ContactRoute != "" {
		t.Fatalf("after consent was withdrawn: %+v", page.Items[0])
	}
	if n := f.count(t, `SELECT count(*) FROM person_audit WHERE referral_id = $1 AND actor_role = 'vcse_editor'`, r.ID); n != 2 {
		t.Fatalf("%d audit rows for the VCSE's two views", n)
	}
}
