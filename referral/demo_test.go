package referral_test

import (
	"testing"

	"kith/directory"
	"kith/referral"
)

func TestSeedDemoSpreadsAYearOfReferralsOnce(t *testing.T) {
	f := newFixture(t)
	svcs := []string{f.service(t, f.org, "Health walk", places(6, 3)), f.service(t, f.org, "Lunch club", places(40, 0)),
		f.service(t, f.org, "Drop-in", nil), f.service(t, f.newOrg(t, "Unassured group"), "Bingo", places(10, 0))}
	d := referral.Demo{Now: start, Services: svcs,
		Teams: []referral.DemoTeam{{ID: f.team, LinkWorkers: []string{f.workerID}}, {ID: f.otherTeam}}}
	wantKind(t, f.ref.SeedDemo(f.worker, d), directory.ErrForbidden)
	if err := f.ref.SeedDemo(f.admin, d); err != nil {
		t.Fatal(err)
	}
	if n := f.count(t, `SELECT count(*) FROM referrals`); n != referral.DemoReferrals {
		t.Fatalf("%d referrals, want %d", n, referral.DemoReferrals)
	}
	for _, s := range referral.Statuses {
		if n := f.count(t, `SELECT count(*) FROM referrals WHERE status = $1`, s); n == 0 {
			t.Errorf("no demo referral is %s", s)
		}
	}
	for _, s := range []referral.ConnectionStatus{referral.ConnectionRequested, referral.ConnectionAccepted,
		referral.ConnectionInProgress, referral.ConnectionCompleted, referral.ConnectionRejected, referral.ConnectionFailed} {
		if n := f.count(t, `SELECT count(*) FROM connections WHERE status = $1`, s); n == 0 {
			t.Errorf("no demo connection is %s", s)
		}
	}
	const spread = `SELECT count(*) FROM referrals WHERE received_at < $1::timestamptz - interval '300 days'
OR received_at > $1::timestamptz - interval '30 days'`
	if n := f.count(t, spread, start); n < 50 {
		t.Errorf("only %d referrals in the first or last month of the year", n)
	}
	rows := f.demoRows(t)
	for _, table := range []string{"referral_contacts", "care_plans", "what_matters", "outcomes", "unmet_needs", "consents"} {
		if rows[table] == 0 {
			t.Errorf("the demo wrote no %s", table)
		}
	}
	f.checkPlacesAgree(t, svcs)
	if err := f.ref.SeedDemo(f.admin, d); err != nil {
		t.Fatal(err)
	}
	for table, n := range f.demoRows(t) {
		if rows[table] != n {
			t.Errorf("second run changed %s: %d → %d", table, rows[table], n)
		}
	}
}

func (f *fixture) demoRows(t *testing.T) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range []string{"referrals", "referral_events", "referral_contacts", "care_plans", "what_matters",
		"connections", "connection_events", "outcomes", "unmet_needs", "consents", "person_audit"} {
		out[table] = f.count(t, `SELECT count(*) FROM `+table)
	}
	return out
}

// checkPlacesAgree insists the demo's open connections hold exactly the
// places the services' capacity says are taken.
func (f *fixture) checkPlacesAgree(t *testing.T, svcs []string) {
	t.Helper()
	for _, svc := range svcs {
		c := f.capacity(t, svc)
		held := f.count(t, `SELECT count(*) FROM connections WHERE service_id = $1
AND status IN ('requested', 'accepted', 'in_progress')`, svc)
		waiting := f.count(t, `SELECT count(*) FROM connections WHERE service_id = $1 AND status = 'waitlisted'`, svc)
		if c.Maximum != nil && (c.Held != held || c.Waiting != waiting || c.Held > *c.Maximum) {
			t.Errorf("service %s: capacity says %d held, %d waiting (of %d); connections say %d and %d",
				svc, c.Held, c.Waiting, *c.Maximum, held, waiting)
		}
	}
}
