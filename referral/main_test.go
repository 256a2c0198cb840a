package referral_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"kith/directory"
	"kith/postgres"
	"kith/postgres/pgtest"
	"kith/qa"
	"kith/referral"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// start is the tests' "today", a Monday morning: every clock begins here.
var start = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

type fixture struct {
	db          *postgres.DB
	dir         *directory.Store
	ref         *referral.Store
	now         time.Time
	admin       context.Context
	team        string
	worker      context.Context // link worker in team
	workerID    string
	otherTeam   string
	otherWorker context.Context // link worker in otherTeam
	org         string          // assured for referrals
	editor      context.Context // VCSE editor of org
	stranger    context.Context // VCSE editor of another assured organisation
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{db: pgtest.New(t), now: start}
	clock := func() time.Time { return f.now }
	f.dir = directory.NewStore(f.db)
	assurance := qa.NewStore(f.db, f.dir, clock)
	f.ref = referral.NewStore(f.db, f.dir, assurance, clock)
	f.admin = directory.WithUser(context.Background(), directory.SystemUser())
	f.team = f.newTeam(t, "Sunderland East PCN social prescribing team")
	var lw directory.User
	f.worker, lw = f.user(t, directory.UserInput{Email: "gemma@pcn.example", Name: "Gemma Robson",
		Role: directory.RoleLinkWorker, TeamID: f.team})
	f.workerID = lw.ID
	f.otherTeam = f.newTeam(t, "Coalfields PCN social prescribing team")
	f.otherWorker, _ = f.user(t, directory.UserInput{Email: "tom@coalfields.example", Role: directory.RoleLinkWorker,
		TeamID: f.otherTeam})
	f.org = f.newOrg(t, "Roker Walkers")
	other := f.newOrg(t, "Hendon Choir")
	if err := assurance.SeedDemo(f.admin, []string{f.org, other}, start); err != nil {
		t.Fatal(err)
	}
	f.editor, _ = f.user(t, directory.UserInput{Email: "ed@roker.example", Role: directory.RoleVCSEEditor, OrganisationID: f.org})
	f.stranger, _ = f.user(t, directory.UserInput{Email: "ed@hendon.example", Role: directory.RoleVCSEEditor, OrganisationID: other})
	return f
}

func (f *fixture) newTeam(t *testing.T, name string) string {
	t.Helper()
	team, err := f.dir.CreateTeam(f.admin, directory.TeamInput{Name: name, AreaCode: "E08000024"})
	if err != nil {
		t.Fatal(err)
	}
	return team.ID
}

func (f *fixture) newOrg(t *testing.T, name string) string {
	t.Helper()
	org, _, err := f.dir.CreateOrganisation(f.admin, directory.OrganisationInput{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return org.ID
}

func (f *fixture) user(t *testing.T, in directory.UserInput) (context.Context, directory.User) {
	t.Helper()
	in.Password = "correct horse battery"
	u, err := f.dir.CreateUser(f.admin, in)
	if err != nil {
		t.Fatal(err)
	}
	return directory.WithUser(context.Background(), &u), u
}

// service lists a service of org with the given capacity (none when nil).
func (f *fixture) service(t *testing.T, org, name string, capacity *directory.CapacityInput) string {
	t.Helper()
	svc, _, err := f.dir.CreateService(f.admin, directory.ServiceInput{OrganisationID: org, Name: name,
		Description: "A friendly weekly group.", Categories: []string{"walking"},
		Locations: []directory.Location{{Name: "Roker Park bandstand", Postcode: "SR6 9AA"}}})
	if err != nil {
		t.Fatal(err)
	}
	if capacity != nil {
		if _, err := f.dir.SetCapacity(f.admin, svc.ID, *capacity); err != nil {
			t.Fatal(err)
		}
	}
	return svc.ID
}

func places(n, waitlist int) *directory.CapacityInput {
	return &directory.CapacityInput{Maximum: &n, Waitlist: &waitlist}
}

// validInput is a complete referral from a GP practice.
func validInput() referral.ReferralInput {
	return referral.ReferralInput{
		Person: referral.PersonInput{Name: "Jean Robson", DateOfBirth: "1951-06-14", NHSNumber: "943 476 5919",
			Postcode: "sr1 1eq", Phone: "07700 900123", ContactNotes: "Best after 11am"},
		Source:   "gp_practice",
		Referrer: referral.Referrer{Name: "Dr Amira Patel", Organisation: "Hendon Medical Practice"},
		Needs:    []string{"loneliness", "walking"},
		Reason:   "Lives alone since her husband died; low mood; keen to get out.",
		Consent:  referral.ConsentInput{Referral: true, ShareGP: true, ShareServices: true},
	}
}

func (f *fixture) newReferral(t *testing.T) referral.Referral {
	t.Helper()
	r, _, err := f.ref.CreateReferral(f.worker, validInput(), "")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// accepted is a new referral the team has accepted, ready to connect.
func (f *fixture) accepted(t *testing.T) referral.Referral {
	t.Helper()
	r, err := f.ref.Move(f.worker, f.newReferral(t).ID, referral.Move{Status: referral.StatusAccepted})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func (f *fixture) connect(t *testing.T, ref, svc string) referral.Connection {
	t.Helper()
	c, _, err := f.ref.Connect(f.worker, ref, referral.ConnectionInput{ServiceID: svc, Reason: "Wants company on walks."}, "")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (f *fixture) capacity(t *testing.T, svc string) directory.Capacity {
	t.Helper()
	c, err := f.dir.Capacity(f.admin, svc)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (f *fixture) count(t *testing.T, q string, args ...any) int {
	t.Helper()
	var n int
	if err := f.db.Get(&n, q, args...); err != nil {
		t.Fatal(err)
	}
	return n
}

// wantRefusal fails unless err is a refusal with the given reason code.
func wantRefusal(t *testing.T, err error, code string) {
	t.Helper()
	var r *directory.Refusal
	if !errors.As(err, &r) || r.Code != code {
		t.Fatalf("error %v, want refusal %q", err, code)
	}
}

func wantKind(t *testing.T, err, kind error) {
	t.Helper()
	if !errors.Is(err, kind) {
		t.Fatalf("error %v, want kind %v", err, kind)
	}
}
