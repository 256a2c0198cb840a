package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/postgres"
	"kith/postgres/pgtest"
	"kith/qa"
	"kith/referral"
	"kith/web"
)

// refFixture is a region with two link-worker teams, an organisation
// assured for referrals with a service, and a signed-in user of each kind.
type refFixture struct {
	app      *fiber.App
	cfg      web.Config // what app was made from, for tests that remake it
	db       *postgres.DB
	dir      *directory.Store
	ref      *referral.Store
	now      time.Time
	team     string
	org      string
	workerAs context.Context // the link worker, for setting up through the store
	cookies  map[string]string
}

func newRefFixture(t *testing.T) *refFixture {
	t.Helper()
	return newRefFixtureOn(t, pgtest.New(t))
}

// newRefFixtureOn sets the region up in db, a migrated database.
func newRefFixtureOn(t *testing.T, db *postgres.DB) *refFixture {
	t.Helper()
	f := &refFixture{db: db, now: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC), cookies: map[string]string{}}
	clock := func() time.Time { return f.now }
	f.dir = directory.NewStore(f.db)
	assurance := qa.NewStore(f.db, f.dir, clock)
	f.ref = referral.NewStore(f.db, f.dir, assurance, clock)
	f.cfg = web.Config{Directory: f.dir, QA: assurance, Referrals: f.ref, Now: clock}
	f.app = web.New(f.cfg)
	admin := directory.WithUser(context.Background(), directory.SystemUser())
	team, _ := f.dir.CreateTeam(admin, directory.TeamInput{Name: "Sunderland East PCN", AreaCode: "E08000024"})
	other, _ := f.dir.CreateTeam(admin, directory.TeamInput{Name: "Coalfields PCN", AreaCode: "E08000024"})
	f.team = team.ID
	org, _, _ := f.dir.CreateOrganisation(admin, directory.OrganisationInput{Name: "Roker Walkers"})
	stranger, _, _ := f.dir.CreateOrganisation(admin, directory.OrganisationInput{Name: "Hendon Choir"})
	f.org = org.ID
	if err := assurance.SeedDemo(admin, []string{org.ID, stranger.ID}, f.now); err != nil {
		t.Fatal(err)
	}
	f.workerAs = f.signIn(t, "worker", directory.UserInput{Role: directory.RoleLinkWorker, TeamID: team.ID, Name: "Gemma Robson"})
	f.signIn(t, "other-worker", directory.UserInput{Role: directory.RoleLinkWorker, TeamID: other.ID})
	f.signIn(t, "editor", directory.UserInput{Role: directory.RoleVCSEEditor, OrganisationID: org.ID})
	f.signIn(t, "stranger", directory.UserInput{Role: directory.RoleVCSEEditor, OrganisationID: stranger.ID})
	f.signIn(t, "commissioner", directory.UserInput{Role: directory.RoleCommissioner})
	f.signIn(t, "admin", directory.UserInput{Role: directory.RoleAdmin})
	return f
}

// signIn creates a user known in the tests as who and keeps their session
// cookie; it returns a context acting as them.
func (f *refFixture) signIn(t *testing.T, who string, in directory.UserInput) context.Context {
	t.Helper()
	admin := directory.WithUser(context.Background(), directory.SystemUser())
	in.Email, in.Password = who+"@kith.example", "correct horse battery"
	u, err := f.dir.CreateUser(admin, in)
	if err != nil {
		t.Fatal(err)
	}
	if f.cookies[who], _, err = f.dir.Login(context.Background(), in.Email, in.Password); err != nil {
		t.Fatal(err)
	}
	return directory.WithUser(context.Background(), &u)
}

// call sends a request as who ("" for anonymous) with an optional JSON body
// and headers, and returns the status, the raw body and the response.
func (f *refFixture) call(t *testing.T, who, method, path string, body any, headers ...string) (int, []byte, *http.Response) {
	t.Helper()
	resp, raw := jsonRequest(t, f.app, method, path, f.cookies[who], body, headers...)
	return resp.StatusCode, raw, resp
}

func decode(raw []byte) map[string]any {
	var m map[string]any
	json.Unmarshal(raw, &m)
	return m
}

func referralBody() map[string]any {
	return map[string]any{
		"person": map[string]any{"name": "Jean Robson", "date_of_birth": "1951-06-14", "nhs_number": "9434765919",
			"postcode": "SR1 1EQ", "phone": "07700 900123"},
		"source": "gp_practice", "referrer": map[string]any{"name": "Dr Amira Patel", "organisation": "Hendon Medical Practice"},
		"needs": []string{"loneliness"}, "reason": "Lonely since a bereavement.",
		"consent": map[string]any{"referral": true, "share_gp": true, "share_services": true},
	}
}

// accepted makes a referral through the store and accepts it.
func (f *refFixture) accepted(t *testing.T) string {
	t.Helper()
	var in referral.ReferralInput
	raw, _ := json.Marshal(referralBody())
	json.Unmarshal(raw, &in)
	r, _, err := f.ref.CreateReferral(f.workerAs, in, "")
	if err == nil {
		_, err = f.ref.Move(f.workerAs, r.ID, referral.Move{Status: referral.StatusAccepted})
	}
	if err != nil {
		t.Fatal(err)
	}
	return r.ID
}

func (f *refFixture) service(t *testing.T, org string, capacity directory.CapacityInput) string {
	t.Helper()
	admin := directory.WithUser(context.Background(), directory.SystemUser())
	svc, _, err := f.dir.CreateService(admin, directory.ServiceInput{OrganisationID: org, Name: "Roker Park health walk",
		Description: "A gentle walk.", Locations: []directory.Location{{Name: "Bandstand", Postcode: "SR6 9AA"}}})
	if err == nil {
		_, err = f.dir.SetCapacity(admin, svc.ID, capacity)
	}
	if err != nil {
		t.Fatal(err)
	}
	return svc.ID
}

func (f *refFixture) audits(t *testing.T, id string) int {
	t.Helper()
	var n int
	if err := f.db.Get(&n, `SELECT count(*) FROM person_audit WHERE referral_id = $1`, id); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestPersonDataIsVisibleOnlyToItsTeam asks for one person's referral as
// everyone who may not see it, and as everyone who may.
func TestPersonDataIsVisibleOnlyToItsTeam(t *testing.T) {
	f := newRefFixture(t)
	status, raw, _ := f.call(t, "worker", "POST", "/api/referrals", referralBody())
	if status != 201 {
		t.Fatalf("create: %d %s", status, raw)
	}
	id := decode(raw)["id"].(string)
	paths := []string{"", "/plan", "/plan.txt", "/contacts", "/outcomes", "/summary", "/fhir", "/connections", "/unmet-needs"}
	for _, who := range []string{"other-worker", "stranger", "editor", "commissioner", ""} {
		for _, p := range paths {
			status, raw, _ := f.call(t, who, "GET", "/api/referrals/"+id+p, nil)
			if status != 403 && status != 404 {
				t.Errorf("%q GET %s: %d, want 403 or 404", who, p, status)
			}
			for _, secret := range []string{"Jean", "Robson", "9434765919", "SR1", "07700", "bereavement"} {
				if bytes.Contains(raw, []byte(secret)) {
					t.Errorf("%q GET %s leaks %q: %s", who, p, secret, raw)
				}
			}
		}
	}
	before := f.audits(t, id)
	for _, who := range []string{"worker", "admin"} {
		if status, raw, resp := f.call(t, who, "GET", "/api/referrals/"+id, nil); status != 200 ||
			!bytes.Contains(raw, []byte("9434765919")) || resp.Header.Get("Cache-Control") != "private, no-store" {
			t.Fatalf("%s reading the referral: %d %s", who, status, raw)
		}
	}
	var route, role string
	f.db.QueryRow(`SELECT route, actor_role FROM person_audit WHERE referral_id = $1 ORDER BY id DESC LIMIT 1`, id).Scan(&route, &role)
	if f.audits(t, id) != before+2 || route != "GET /api/referrals/:id" || role != "admin" {
		t.Fatalf("audit after two views: %d rows (was %d), last %s by %s", f.audits(t, id), before, route, role)
	}
	if status, raw, _ := f.call(t, "admin", "GET", "/api/referrals/"+id+"/audit", nil); status != 200 || !bytes.Contains(raw, []byte(`"action":"create"`)) {
		t.Fatalf("audit trail: %d %s", status, raw)
	}
	if status, _, _ := f.call(t, "worker", "GET", "/api/referrals/"+id+"/audit", nil); status != 403 {
		t.Fatalf("a link worker reading the audit trail: %d", status)
	}
}

func TestVCSEWithAConnectionSeesTheMinimum(t *testing.T) {
	f := newRefFixture(t)
	ten := 10
	svc := f.service(t, f.org, directory.CapacityInput{Maximum: &ten})
	id := f.accepted(t)
	status, raw, _ := f.call(t, "worker", "POST", "/api/referrals/"+id+"/connections",
		map[string]string{"service_id": svc, "reason": "Would enjoy a walk with others"})
	if status != 201 {
		t.Fatalf("connect: %d %s", status, raw)
	}
	conn := decode(raw)["id"].(string)
	before := f.audits(t, id)
	status, raw, _ = f.call(t, "editor", "GET", "/api/connections/"+conn, nil)
	item := decode(raw)
	if status != 200 || item["person_name"] != "Jean Robson" || item["contact_route"] != "phone: 07700900123" ||
		item["reason"] != "Would enjoy a walk with others" || item["consented_to_share"] == nil {
		t.Fatalf("the VCSE's view: %d %s", status, raw)
	}
	for _, secret := range []string{"9434765919", "1951-06-14", "SR1", "bereavement", "loneliness", id} {
		if bytes.Contains(raw, []byte(secret)) {
			t.Errorf("the VCSE sees %q", secret)
		}
	}
	if f.audits(t, id) != before+1 {
		t.Fatalf("the VCSE's view left %d audit rows", f.audits(t, id)-before)
	}
	if status, _, _ := f.call(t, "editor", "GET", "/api/referrals/"+id, nil); status != 404 {
		t.Fatalf("the VCSE reading the whole referral: %d", status)
	}
	if status, _, _ := f.call(t, "stranger", "GET", "/api/connections/"+conn, nil); status != 403 {
		t.Fatalf("another VCSE reading the connection: %d", status)
	}
}

func TestRetriedReferralIsCreatedOnce(t *testing.T) {
	f := newRefFixture(t)
	key := []string{"Idempotency-Key", "0b7c5f7e-2f1e-4c7a-9d7e-3a1f2b4c5d6e"}
	status, first, _ := f.call(t, "worker", "POST", "/api/referrals", referralBody(), key...)
	if status != 201 {
		t.Fatalf("first: %d %s", status, first)
	}
	f.now = f.now.Add(time.Minute)
	status, again, resp := f.call(t, "worker", "POST", "/api/referrals", referralBody(), key...)
	if status != 201 || !bytes.Equal(first, again) || resp.Header.Get("Idempotent-Replayed") != "true" {
		t.Fatalf("retry: %d replayed=%q\nfirst %s\nagain %s", status, resp.Header.Get("Idempotent-Replayed"), first, again)
	}
	var n int
	f.db.Get(&n, `SELECT count(*) FROM referrals`)
	if n != 1 {
		t.Fatalf("%d referrals after a retry, want 1", n)
	}
	changed := referralBody()
	changed["reason"] = "Something else"
	status, raw, _ := f.call(t, "worker", "POST", "/api/referrals", changed, key...)
	if status != 409 || decode(raw)["reason"] != referral.ReasonKeyReused {
		t.Fatalf("same key, different body: %d %s", status, raw)
	}
}

func TestReferralRequestsAnswerClearly(t *testing.T) {
	f := newRefFixture(t)
	id := f.accepted(t)
	bad := referralBody()
	bad["person"].(map[string]any)["nhs_number"] = "9434765918"
	tests := []struct {
		name, who, method, path string
		body                    any
		status                  int
		want                    string
	}{
		{"bad NHS number", "worker", "POST", "/api/referrals", bad, 422, "person.nhs_number"},
		{"unknown field", "worker", "POST", "/api/referrals", map[string]any{"patient": "x"}, 400, "body"},
		{"commissioner referring", "commissioner", "POST", "/api/referrals", referralBody(), 403, ""},
		{"anonymous referring", "", "POST", "/api/referrals", referralBody(), 401, ""},
		{"invalid transition", "worker", "POST", "/api/referrals/" + id + "/status", map[string]string{"status": "active"}, 409, "invalid_transition"},
		{"outcome out of range", "worker", "PUT", "/api/referrals/" + id + "/outcomes/ons4/baseline",
			map[string]any{"items": map[string]int{"life_satisfaction": 11, "worthwhile": 5, "happy": 5, "anxious": 5}}, 422, "items.life_satisfaction"},
		{"unknown caseload flag", "worker", "GET", "/api/caseload?flag=lost", nil, 400, "flag"},
		{"my caseload as admin", "admin", "GET", "/api/caseload", nil, 403, ""},
		{"another team's caseload", "other-worker", "GET", "/api/teams/" + f.team + "/caseload", nil, 403, ""},
		{"malformed referral id", "worker", "GET", "/api/referrals/42", nil, 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, raw, _ := f.call(t, tt.who, tt.method, tt.path, tt.body)
			if status != tt.status || !bytes.Contains(raw, []byte(tt.want)) || decode(raw)["error"] == nil {
				t.Fatalf("%d %s, want %d mentioning %q", status, raw, tt.status, tt.want)
			}
		})
	}
	status, raw, _ := f.call(t, "worker", "GET", "/api/referrals/"+id, nil)
	if status != 200 || decode(raw)["status"] != "accepted" {
		t.Fatalf("after refused requests: %d %s", status, raw)
	}
	status, raw, _ = f.call(t, "worker", "GET", "/api/caseload?flag=overdue_first_contact", nil)
	if status != 200 || decode(raw)["total"].(float64) != 0 {
		t.Fatalf("caseload: %d %s", status, raw)
	}
}

func TestPlanPrintsAndExports(t *testing.T) {
	f := newRefFixture(t)
	id := f.accepted(t)
	plan := map[string]any{"goals": []string{"Get out twice a week"}, "review_on": "2026-04-13",
		"actions": []map[string]string{{"text": "Try the Tuesday walk", "owner": "me", "due": "2026-03-10"}}}
	if status, raw, _ := f.call(t, "worker", "PUT", "/api/referrals/"+id+"/plan", plan); status != 201 {
		t.Fatalf("plan: %d %s", status, raw)
	}
	status, raw, resp := f.call(t, "worker", "GET", "/api/referrals/"+id+"/plan.txt", nil)
	if status != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") ||
		!bytes.Contains(raw, []byte("Try the Tuesday walk (who: me; by 10 March 2026)")) {
		t.Fatalf("plan.txt: %d %s %s", status, resp.Header.Get("Content-Type"), raw)
	}
	status, raw, resp = f.call(t, "worker", "GET", "/api/referrals/"+id+"/fhir", nil)
	if status != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/fhir+json") ||
		decode(raw)["type"] != "message" {
		t.Fatalf("fhir: %d %s", status, raw)
	}
}

func TestSelfReferralIsPublicAndLimited(t *testing.T) {
	f := newRefFixture(t)
	form := map[string]any{"consent": true, "needs": []string{"walking"},
		"person": map[string]any{"name": "Elsie Carr", "date_of_birth": "1948-01-09", "postcode": "SR2 7JH",
			"phone": "07700 900456"}}
	status, raw, _ := f.call(t, "", "POST", "/api/self-referrals", form)
	if status != 201 || decode(raw)["team"] != "Sunderland East PCN" || bytes.Contains(raw, []byte("Elsie")) {
		t.Fatalf("self-referral: %d %s", status, raw)
	}
	delete(form, "consent")
	if status, raw, _ := f.call(t, "", "POST", "/api/self-referrals", form); status != 422 || !bytes.Contains(raw, []byte(`"consent"`)) {
		t.Fatalf("without consent: %d %s", status, raw)
	}
	for range 3 {
		f.call(t, "", "POST", "/api/self-referrals", form)
	}
	if status, raw, _ := f.call(t, "", "POST", "/api/self-referrals", form); status != 429 || decode(raw)["error"] == nil {
		t.Fatalf("sixth form in an hour: %d %s", status, raw)
	}
}
