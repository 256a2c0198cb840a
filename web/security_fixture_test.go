package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"kith/directory"
	"kith/postgres"
	"kith/postgres/pgtest"
	"kith/qa"
	"kith/referral"
	"kith/referral/insight"
	"kith/search"
	"kith/web"
)

// role is one kind of caller in the access table; roles is a set of them.
type role uint16

const (
	anon role = 1 << iota
	adm
	rev       // QA reviewer
	lwOwn     // link worker of the team holding the referral
	lwOther   // link worker of another team
	vcseOwn   // VCSE editor of the organisation running the service
	vcseOther // VCSE editor of another organisation
	comm      // commissioner

	everyone    = anon | adm | rev | lwOwn | lwOther | vcseOwn | vcseOther | comm
	signedIn    = everyone &^ anon
	linkWorkers = lwOwn | lwOther
	editors     = vcseOwn | vcseOther
	moderators  = adm | rev
	holders     = adm | lwOwn // who holds the fixture's referral
)

var allRoles = []role{anon, adm, rev, lwOwn, lwOther, vcseOwn, vcseOther, comm}

func (r role) String() string {
	return map[role]string{anon: "anonymous", adm: "admin", rev: "qa_reviewer", lwOwn: "link_worker(own team)",
		lwOther: "link_worker(other team)", vcseOwn: "vcse_editor(own org)", vcseOther: "vcse_editor(other org)",
		comm: "commissioner"}[r]
}

// secFixture is a region with one of everything a route can name, owned so
// that each role in the access table stands where its name says: a team
// holding a referral that is connected to a service of an assured
// organisation, with a plan, a pending listing change and QA evidence.
type secFixture struct {
	app     *fiber.App
	db      *postgres.DB
	dir     *directory.Store
	now     time.Time
	ids     map[string]string // what a path segment's :id names, by the segment before it
	users   map[role]directory.User
	cookies map[role]string
}

const (
	fixturePassword = "correct horse battery"
	spareEmail      = "spare@kith.example" // signs in through the table's session routes
	csrfValue       = "access-table-csrf-token-0123456789abcdef"
)

var fixtureRoles = map[role]directory.UserInput{
	adm: {Role: directory.RoleAdmin}, rev: {Role: directory.RoleQAReviewer},
	lwOwn: {Role: directory.RoleLinkWorker}, lwOther: {Role: directory.RoleLinkWorker},
	vcseOwn: {Role: directory.RoleVCSEEditor}, vcseOther: {Role: directory.RoleVCSEEditor},
	comm: {Role: directory.RoleCommissioner, AreaCode: "E08000024"},
}

func newSecFixture(t testing.TB) *secFixture {
	t.Helper()
	f := &secFixture{db: pgtest.New(t), now: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC),
		ids: map[string]string{}, users: map[role]directory.User{}, cookies: map[role]string{}}
	clock := func() time.Time { return f.now }
	f.dir = directory.NewStore(f.db).WithClock(clock)
	assurance := qa.NewStore(f.db, f.dir, clock)
	ref := referral.NewStore(f.db, f.dir, assurance, clock)
	engine, err := search.Open(context.Background(), search.Config{Dir: t.TempDir(), Source: f.dir})
	must(t, err)
	t.Cleanup(func() { engine.Close() })
	f.app = web.New(web.Config{Directory: f.dir, QA: assurance, Referrals: ref, Search: engine, Now: clock,
		Insight: insight.NewStore(f.db, assurance, clock), Ready: map[string]web.Readiness{"database": f.db}})
	f.region(t, assurance)
	must(t, engine.Rebuild(context.Background(), nil))
	f.journey(t, ref, assurance)
	return f
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// region makes the teams, organisations, service and users.
func (f *secFixture) region(t testing.TB, assurance *qa.Store) {
	system := directory.WithUser(context.Background(), directory.SystemUser())
	own, err := f.dir.CreateTeam(system, directory.TeamInput{Name: "Sunderland East PCN", AreaCode: "E08000024"})
	must(t, err)
	other, err := f.dir.CreateTeam(system, directory.TeamInput{Name: "Coalfields PCN", AreaCode: "E08000024"})
	must(t, err)
	org, _, err := f.dir.CreateOrganisation(system, directory.OrganisationInput{Name: "Roker Walkers"})
	must(t, err)
	stranger, _, err := f.dir.CreateOrganisation(system, directory.OrganisationInput{Name: "Hendon Choir"})
	must(t, err)
	must(t, assurance.SeedDemo(system, []string{org.ID, stranger.ID}, f.now))
	svc, _, err := f.dir.CreateService(system, directory.ServiceInput{OrganisationID: org.ID, Name: "Roker Park health walk",
		Description: "A gentle walk.", Categories: []string{"walking"},
		Locations: []directory.Location{{Name: "Bandstand", Postcode: "SR6 9AA"}}})
	must(t, err)
	ten := 10
	_, err = f.dir.SetCapacity(system, svc.ID, directory.CapacityInput{Maximum: &ten})
	must(t, err)
	f.ids["teams"], f.ids["organisations"], f.ids["organizations"] = own.ID, org.ID, org.ID
	f.ids["services"], f.ids["other_team"], f.ids["other_org"] = svc.ID, other.ID, stranger.ID
	member := map[role]func(*directory.UserInput){
		lwOwn: func(in *directory.UserInput) { in.TeamID = own.ID }, lwOther: func(in *directory.UserInput) { in.TeamID = other.ID },
		vcseOwn: func(in *directory.UserInput) { in.OrganisationID = org.ID }, vcseOther: func(in *directory.UserInput) { in.OrganisationID = stranger.ID },
	}
	for r, in := range fixtureRoles {
		if set := member[r]; set != nil {
			set(&in)
		}
		slug := strings.NewReplacer("(", "-", ")", "", " ", "-").Replace(r.String())
		in.Email, in.Password, in.Name = slug+"@kith.example", fixturePassword, r.String()
		u, err := f.dir.CreateUser(system, in)
		must(t, err)
		f.users[r] = u
		f.signIn(t, r)
	}
	_, err = f.dir.CreateUser(system, directory.UserInput{Email: spareEmail, Role: directory.RoleAdmin, Password: fixturePassword})
	must(t, err)
}

func (f *secFixture) signIn(t testing.TB, r role) {
	t.Helper()
	token, _, err := f.dir.Login(context.Background(), f.users[r].Email, fixturePassword)
	must(t, err)
	f.cookies[r] = token
}

func (f *secFixture) as(r role) context.Context {
	u := f.users[r]
	return directory.WithUser(context.Background(), &u)
}

// journey takes a referral as far as a connection, a plan and an outcome,
// and leaves a pending listing change and QA evidence to review.
func (f *secFixture) journey(t testing.TB, ref *referral.Store, assurance *qa.Store) {
	var in referral.ReferralInput
	raw, _ := json.Marshal(referralBody())
	must(t, json.Unmarshal(raw, &in))
	r, _, err := ref.CreateReferral(f.as(lwOwn), in, "")
	must(t, err)
	_, err = ref.Move(f.as(lwOwn), r.ID, referral.Move{Status: referral.StatusAccepted})
	must(t, err)
	f.ids["referrals"], f.ids["people"] = r.ID, r.Person.ID
	base := "/api/referrals/" + r.ID
	f.ok(t, lwOwn, "PUT", base+"/plan", `{"goals":["Get out twice a week"],"review_on":"2026-04-13","actions":[{"text":"Try the Tuesday walk","owner":"me","due":"2026-03-10"}]}`)
	f.ok(t, lwOwn, "PUT", base+"/outcomes/swemwbs/baseline", `{"items":{"optimistic":3,"useful":3,"relaxed":3,"dealing_with_problems":3,"thinking_clearly":3,"close_to_others":3,"own_mind":3},"taken_on":"2026-03-02"}`)
	conn := f.ok(t, lwOwn, "POST", base+"/connections", `{"service_id":"`+f.ids["services"]+`","reason":"Would enjoy a walk with others"}`)
	f.ids["connections"] = conn["id"].(string)
	change := f.ok(t, vcseOwn, "PUT", "/api/services/"+f.ids["services"], `{"organisation_id":"`+f.ids["organisations"]+`","name":"Roker Park health walk and cuppa","locations":[{"name":"Bandstand","postcode":"SR6 9AA"}]}`)
	f.ids["versions"] = change["version"].(map[string]any)["id"].(string)
	f.ids["moderation"] = f.ids["versions"]
	ev, err := assurance.AddEvidence(f.as(vcseOwn), f.ids["organisations"], "safer_recruitment", "policy.pdf", testPDF)
	must(t, err)
	f.ids["evidence"] = ev.ID
	var report string
	must(t, f.db.Get(&report, `INSERT INTO listing_reports (service_id, kind, details, created_at)
VALUES ($1, 'wrong_details', 'The phone number rings out', now()) RETURNING id`, f.ids["services"]))
	f.ids["reports"] = report
	for seg, q := range map[string]string{
		"items":          `SELECT id FROM qa_responses WHERE organisation_id = $1 ORDER BY state = 'submitted' DESC, id LIMIT 1`,
		"taxonomies":     `SELECT id FROM taxonomies WHERE $1 <> '' LIMIT 1`,
		"taxonomy_terms": `SELECT id FROM taxonomy_terms WHERE $1 <> '' ORDER BY code LIMIT 1`,
		"taxonomy":       `SELECT code FROM taxonomy_terms WHERE $1 <> '' ORDER BY code LIMIT 1`,
		"areas":          `SELECT 'E01008703' WHERE $1 <> ''`,
	} {
		var id string
		must(t, f.db.Get(&id, q, f.ids["organisations"]))
		f.ids[seg] = id
	}
}

// ok sends a JSON body as r and insists on a 2xx answer.
func (f *secFixture) ok(t testing.TB, r role, method, path, body string) map[string]any {
	t.Helper()
	resp, raw := f.send(t, r, method, path, "application/json", body)
	if resp.StatusCode/100 != 2 {
		t.Fatalf("%s %s as %s: %d %s", method, path, r, resp.StatusCode, raw)
	}
	return decode(raw)
}

// path fills a route pattern's parameters with the fixture's ids: each :id
// is whatever the segment before it names.
func (f *secFixture) path(pattern string) string {
	// Approving a listing change replaces its venues, so the link between
	// service and venue is looked up afresh.
	var link string
	if f.db.Get(&link, `SELECT id FROM service_at_location WHERE service_id = $1 LIMIT 1`, f.ids["services"]) == nil {
		f.ids["service_at_locations"] = link
	}
	segs := strings.Split(pattern, "/")
	for i, s := range segs {
		switch s {
		case ":id", ":conn", ":code":
			segs[i] = f.ids[segs[i-1]]
		case ":key":
			segs[i] = "safer_recruitment"
		case ":measure":
			segs[i] = "swemwbs"
		case ":stage":
			segs[i] = "baseline"
		case ":postcode":
			segs[i] = "SR6%209AA"
		case "*":
			segs[i] = "kith.css"
		}
	}
	return strings.Join(segs, "/")
}

// send makes a request as r with a double-submit CSRF token, so that CSRF is
// never what decides an answer here. When the answer ends or replaces r's
// session, r signs in again.
func (f *secFixture) send(t testing.TB, r role, method, path, contentType, body string) (*http.Response, []byte) {
	t.Helper()
	resp, raw, err := f.trySend(t, r, method, path, contentType, body)
	must(t, err)
	return resp, raw
}

// trySend is send returning the error app.Test gives when the server refuses
// a request without answering through the app.
func (f *secFixture) trySend(t testing.TB, r role, method, path, contentType, body string) (*http.Response, []byte, error) {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	cookie := "kith_csrf=" + csrfValue
	if r != anon {
		cookie += "; kith_session=" + f.cookies[r]
	}
	req.Header.Set("Cookie", cookie)
	req.Header.Set("X-CSRF-Token", csrfValue)
	resp, err := f.app.Test(req, -1)
	if err != nil {
		return nil, nil, err
	}
	raw, _ := io.ReadAll(resp.Body)
	for _, c := range resp.Cookies() {
		if c.Name == "kith_session" && r != anon {
			f.signIn(t, r)
		}
	}
	return resp, raw, nil
}

// rows counts the rows of every table that holds what users write, for
// checking that a refused request changed nothing. Sessions and sign-in
// throttling are left out: signing in and failing to are meant to write.
func (f *secFixture) rows(t testing.TB) map[string]int {
	t.Helper()
	out := map[string]int{}
	var tables []string
	must(t, f.db.Select(&tables, `SELECT tablename FROM pg_tables WHERE schemaname = 'public'
AND tablename NOT IN ('sessions', 'login_throttle') ORDER BY tablename`))
	var sum bytes.Buffer
	for i, table := range tables {
		if i > 0 {
			sum.WriteString(" UNION ALL ")
		}
		sum.WriteString(`SELECT '` + table + `' AS t, count(*) AS n FROM "` + table + `"`)
	}
	var counts []struct {
		T string `db:"t"`
		N int    `db:"n"`
	}
	must(t, f.db.Select(&counts, sum.String()))
	for _, c := range counts {
		out[c.T] = c.N
	}
	return out
}
